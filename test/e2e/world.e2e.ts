// The simulated world's servers in a real browser: every playground example (one per protocol) runs
// from its ?example= link and gives one trace across all of its services; the Network panel shows
// the context on the wire in each protocol's own headers; a bad traefik.yml explains itself.
import type { Page } from 'playwright-core';
import { test, assert } from './harness';
import { PROTOCOL_EXAMPLES as EXAMPLES } from '../../src/routes/playground/examples/protocols';
import { consoleText, openPlayground, run } from './playground-page';

const dd = (page: Page, label: string) => page.getByLabel(label, { exact: true }).first();

/** Services that make no spans of their own: the proxy example's client is a plain program, like curl. */
const UNTRACED: Record<string, number> = { proxy: 1 };

/** The services an example's trace must connect: its traced code files, and the proxy when it has a traefik.yml. */
function servicesOf(id: string, files: Record<string, string>): number {
	const code = Object.keys(files).filter((f) => !f.includes('/') && /\.ts$/.test(f)).length;
	return code + ('traefik.yml' in files ? 1 : 0) - (UNTRACED[id] ?? 0);
}

// (the HotROD-like app makes one trace per request, fifty: chapter 11's own tests judge it)
for (const ex of EXAMPLES) {
	test(`example "${ex.title}" runs from /playground?example=${ex.id} and its trace connects every service`, async ({ page, url, consoleErrors }) => {
		await page.goto(url(`/playground?example=${ex.id}`));
		for (const f of Object.keys(ex.files)) await page.getByRole('tab', { name: f }).waitFor({ timeout: 20_000 });
		const status = await run(page);
		assert.match(status, /^Finished in/, `${ex.id}: ${status}\n${await consoleText(page)}`);
		await page.getByRole('tab', { name: 'Traces (1)' }).click();
		assert.equal((await dd(page, 'Services').innerText()).trim(), String(servicesOf(ex.id, ex.files)), `${ex.id}: services in the one trace`);
		if (ex.id !== 'http') {
			// the context crossed in the protocol's own headers (message headers, metadata, the proxy's forward)
			await page.getByRole('tab', { name: 'Network' }).click();
			const network = page.getByRole('region', { name: 'Network' });
			if (ex.id === 'redis') {
				// the context travels inside the job: open the LPUSH and read its body
				await network.getByRole('row').filter({ hasText: 'LPUSH' }).first().getByRole('button').click();
				assert.match(await network.locator('tr.detail').innerText(), /uber-trace-id/, 'redis: the pushed job carries the context');
			} else {
				const carrying = network.getByRole('row').filter({ hasText: /uber-trace-id|x-b3-traceid|traceparent/ });
				assert.ok((await carrying.count()) > 0, `${ex.id}: a message on the wire carries the trace context in its headers`);
			}
		}
		assert.deepEqual(consoleErrors, []);
	}, { timeoutMs: 90_000 });
}

test('the Network panel filters by protocol', async ({ page, url }) => {
	// HTTP between the services, SQL to the database
	const ex = EXAMPLES.find((e) => e.id === 'sql');
	assert.ok(ex, 'the SQL example exists');
	await page.goto(url('/playground?example=sql'));
	for (const f of Object.keys(ex.files)) await page.getByRole('tab', { name: f }).waitFor({ timeout: 20_000 });
	assert.match(await run(page), /^Finished in/);
	await page.getByRole('tab', { name: 'Network' }).click();
	const network = page.getByRole('region', { name: 'Network' });
	const protocolsShown = () => network.locator('tbody tr:not(.detail) td:nth-child(3)').allInnerTexts();
	assert.deepEqual([...new Set(await protocolsShown())].sort(), ['HTTP', 'SQL']);
	await network.getByLabel('Protocol').selectOption('sql');
	assert.deepEqual([...new Set(await protocolsShown())], ['SQL']);
	assert.match(await network.locator('tbody').innerText(), /rows?/, 'an SQL row says how many rows');
});

test('a bad traefik.yml is refused with its line and reason, and nothing is routed', async ({ page, url }) => {
	const ex = EXAMPLES.find((e) => e.id === 'proxy');
	assert.ok(ex, 'the proxy example exists');
	const broken = { ...ex.files, 'traefik.yml': 'entryPoints:\n  web:\n    address: ":80"\nhttp:\n  routers:\n    shop:\n      rule: "Host(`shop.local`"\n      service: missing\n' };
	await openPlayground(page, url, broken);
	assert.match(await run(page), /error/);
	assert.match(await consoleText(page), /traefik │ .*traefik\.yml line \d+/);
});

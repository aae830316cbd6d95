// The simulated world's servers in a real browser: every playground example (one per protocol) runs
// from its ?example= link and gives one trace across all of its services; the Network panel shows
// the context on the wire in each protocol's own headers; a bad traefik.yml explains itself.
import type { Page } from 'playwright-core';
import { test, assert } from './harness';
import { EXAMPLES } from '../../src/routes/playground/examples';
import { consoleText, openPlayground, run } from './playground-page';

const dd = (page: Page, label: string) => page.getByLabel(label, { exact: true }).first();

/** The services an example's trace must connect: its code files, and the proxy when it has a traefik.yml. */
function servicesOf(files: Record<string, string>): number {
	const code = Object.keys(files).filter((f) => !f.includes('/') && /\.ts$/.test(f)).length;
	return code + ('traefik.yml' in files ? 1 : 0);
}

for (const ex of EXAMPLES) {
	test(`example "${ex.title}" runs from /playground?example=${ex.id} and its trace connects every service`, async ({ page, url, consoleErrors }) => {
		await page.goto(url(`/playground?example=${ex.id}`));
		for (const f of Object.keys(ex.files)) await page.getByRole('tab', { name: f }).waitFor({ timeout: 20_000 });
		const status = await run(page);
		assert.match(status, /^Finished in/, `${ex.id}: ${status}\n${await consoleText(page)}`);
		await page.getByRole('tab', { name: 'Traces (1)' }).click();
		assert.equal((await dd(page, 'Services').innerText()).trim(), String(servicesOf(ex.files)), `${ex.id}: services in the one trace`);
		if (ex.id !== 'http') {
			// the context crossed in the protocol's own headers (message headers, metadata, the proxy's forward)
			await page.getByRole('tab', { name: 'Network' }).click();
			const network = page.getByRole('region', { name: 'Network' });
			const carrying = network.getByRole('row').filter({ hasText: /uber-trace-id|uberctx|x-b3|"uber-trace-id"|traceparent/ });
			assert.ok((await carrying.count()) > 0, `${ex.id}: a message on the wire carries the trace context`);
		}
		assert.deepEqual(consoleErrors, []);
	}, { timeoutMs: 90_000 });
}

test('the Network panel filters by protocol', async ({ page, url }) => {
	const ex = EXAMPLES.find((e) => e.id === 'amqp');
	assert.ok(ex, 'the AMQP example exists');
	await openPlayground(page, url, ex.files);
	assert.match(await run(page), /^Finished in/);
	await page.getByRole('tab', { name: 'Network' }).click();
	const network = page.getByRole('region', { name: 'Network' });
	await network.getByLabel('Protocol').selectOption('amqp');
	const protocols = await network.locator('tbody tr:not(.detail) td:nth-child(3)').allInnerTexts();
	assert.ok(protocols.length > 0);
	assert.deepEqual([...new Set(protocols)], ['AMQP']);
});

test('a bad traefik.yml is refused with its line and reason, and nothing is routed', async ({ page, url }) => {
	const ex = EXAMPLES.find((e) => e.id === 'proxy');
	assert.ok(ex, 'the proxy example exists');
	const broken = { ...ex.files, 'traefik.yml': 'entryPoints:\n  web:\n    address: ":80"\nhttp:\n  routers:\n    shop:\n      rule: "Host(`shop.local`"\n      service: missing\n' };
	await openPlayground(page, url, broken);
	assert.match(await run(page), /error/);
	assert.match(await consoleText(page), /traefik │ .*traefik\.yml line \d+/);
});

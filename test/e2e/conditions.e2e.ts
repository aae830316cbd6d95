// /playground's Network conditions: a slow link shows as a slower call, a failing link as an error,
// removing the rule restores the call, and the rules survive a reload. Runs the example program
// (hello → formatter:8081, hello → publisher:8082).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { test, assert } from './harness';
import { consoleText, run } from './playground-page';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The Network panel's row for the call to formatter: [from, to, protocol, method, message, status, latency]. */
async function formatCall(page: Page): Promise<{ status: string; ms: number }> {
	await page.getByRole('tab', { name: 'Network' }).click();
	const row = page.getByRole('region', { name: 'Network' }).getByRole('row').filter({ hasText: '/format?helloTo=Bryan' });
	const cells = await row.getByRole('cell').allInnerTexts();
	await page.getByRole('tab', { name: 'Console' }).click();
	const ms = Number(/^([\d.]+) ms$/.exec(cells[6])?.[1]);
	assert.ok(Number.isFinite(ms), `latency cell: ${cells[6]}`);
	return { status: cells[5], ms };
}

/** The formatString client span's row in the trace timeline (its aria-label names its duration). */
async function formatSpanLabel(page: Page): Promise<string> {
	await page.getByRole('tab', { name: /^Traces/ }).click();
	const row = page.getByRole('treegrid', { name: 'Trace timeline' }).getByRole('row').filter({ hasText: 'formatString' }).first();
	await row.waitFor({ timeout: 10_000 });
	const label = (await row.getAttribute('aria-label')) ?? '';
	await page.getByRole('tab', { name: 'Console' }).click();
	return label;
}

test('a slow link makes the call slower, a failing one makes it fail, removing the rule restores it; rules survive a reload', async ({ page, url, consoleErrors }) => {
	await page.goto(url('/playground'));
	await page.getByRole('tab', { name: 'hello.ts' }).waitFor({ timeout: 20_000 });

	assert.match(await run(page), /^Finished in/);
	assert.match(await consoleText(page), /publisher │ Hello, Bryan!/);
	const before = await formatCall(page);
	assert.equal(before.status, '200');

	const panel = page.getByRole('region', { name: 'Network conditions' });
	await panel.getByText('Network conditions', { exact: true }).click();
	await panel.getByRole('button', { name: 'Add rule' }).click();
	const rule = panel.getByRole('group', { name: 'Rule 1' });
	await rule.getByLabel('To').selectOption('formatter');

	// invalid numbers are explained where they were typed, and not applied
	const latency = rule.getByLabel('Latency ms');
	for (const [typed, message] of [
		['-5', 'Latency cannot be negative.'],
		['1000000000', 'Latency must be at most 60,000 ms.'],
		['NaN', 'Latency must be a number of ms.']
	]) {
		await latency.fill(typed);
		assert.equal(await latency.getAttribute('aria-invalid'), 'true');
		await panel.getByText(message).waitFor();
	}
	assert.match(await panel.locator("summary").innerText(), /any → formatter: invalid, not applied/);

	await latency.fill('300');
	assert.equal(await latency.getAttribute('aria-invalid'), null);
	assert.match(await panel.locator('summary').innerText(), /any → formatter: \+300 ms each way/);
	assert.match(await run(page), /^Finished in/);
	const slow = await formatCall(page);
	// 300 ms on the way there and again on the way back
	assert.ok(slow.ms >= before.ms + 300, `formatter call took ${slow.ms} ms, before ${before.ms} ms`);
	assert.ok(slow.ms < 5_000, `formatter call took ${slow.ms} ms`);
	const spanLabel = await formatSpanLabel(page);
	const spanMs = /([\d.]+)\s*(ms|s)\b/.exec(spanLabel);
	assert.ok(spanMs, `row label names a duration: ${spanLabel}`);
	assert.ok(Number(spanMs[1]) * (spanMs[2] === 's' ? 1000 : 1) >= 300, `formatString span: ${spanLabel}`);

	// a failing link: the client's fetch rejects, its span is marked as an error, the run reports it
	await rule.getByLabel('Failure').selectOption({ label: 'connection reset (dropped)' });
	assert.match(await run(page), /^Finished with 1 error/);
	assert.match(await consoleText(page), /hello │ Uncaught TypeError: fetch failed: socket hang up/);
	assert.match((await formatCall(page)).status, /ECONNRESET \(drop\)/);

	await rule.getByLabel('Failure').selectOption({ label: 'HTTP 500' });
	await rule.getByLabel('Latency ms').fill('0');
	assert.match(await run(page), /^Finished with 1 error/);
	assert.match(await consoleText(page), /hello │ Uncaught Error: http:\/\/formatter:8081\/format\?helloTo=Bryan answered 500/);
	assert.match((await formatCall(page)).status, /500 \(status 500\)/);

	await rule.getByRole('button', { name: 'Remove rule' }).click();
	assert.equal(await panel.getByRole('group', { name: /^Rule / }).count(), 0);
	assert.match(await run(page), /^Finished in/);
	assert.match(await consoleText(page), /publisher │ Hello, Bryan!/);
	assert.equal((await formatCall(page)).status, '200');

	// rules are saved with the playground
	await panel.getByRole('button', { name: 'Add rule' }).click();
	await rule.getByLabel('From').selectOption('hello');
	await rule.getByLabel('To').selectOption('publisher');
	await rule.getByLabel('Jitter ms').fill('25');
	await rule.getByLabel('Failure').selectOption({ label: 'HTTP 503' });
	await rule.getByLabel('Probability %').fill('50');
	await page.reload();
	await page.getByRole('tab', { name: 'hello.ts' }).waitFor({ timeout: 20_000 });
	const again = page.getByRole('region', { name: 'Network conditions' }).getByRole('group', { name: 'Rule 1' });
	await again.waitFor();
	assert.equal(await again.getByLabel('From').inputValue(), 'hello');
	assert.equal(await again.getByLabel('To').inputValue(), 'publisher');
	assert.equal(await again.getByLabel('Jitter ms').inputValue(), '25');
	assert.equal(await again.getByLabel('Failure').inputValue(), 'status-503');
	assert.equal(await again.getByLabel('Probability %').inputValue(), '50');
	assert.deepEqual(consoleErrors, []);
}, { timeoutMs: 120_000 });

for (const scheme of ['light', 'dark'] as const) {
	test(`the open panel, with an invalid rule, has no serious accessibility violations (${scheme})`, async ({ page, url }) => {
		await page.emulateMedia({ colorScheme: scheme });
		await page.goto(url('/playground'));
		await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
		const panel = page.getByRole('region', { name: 'Network conditions' });
		await panel.getByText('Network conditions', { exact: true }).click();
		await panel.getByRole('button', { name: 'Add rule' }).click();
		const rule = panel.getByRole('group', { name: 'Rule 1' });
		await rule.getByLabel('Failure').selectOption({ label: 'HTTP 500' });
		await rule.getByLabel('Latency ms').fill('-1');
		await page.addScriptTag({ content: axeSource });
		const violations = await page.evaluate(async () => {
			const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
			const r = await axe.run('section[aria-label="Network conditions"]', { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
			return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
		});
		assert.deepEqual(violations, []);
	});
}

// A strategies file in the playground: the agent serves it, the remote sampler of a service making
// many traces follows it from its next poll, and a bad file is refused with its reason while the
// previous strategies stay (the backend worker lives for the page, across runs).
import type { Page } from 'playwright-core';
import { test, assert } from './harness';
import { consoleText, openPlayground, run } from './playground-page';

const burst = `import { initTracer } from 'tour/tracing';
import { sleep } from 'tour/time';

const tracer = initTracer({ serviceName: 'burst', sampler: { type: 'remote', refreshIntervalMs: 60000 }, reporter: {} });

export async function main() {
  await sleep(500); // the remote sampler's first poll answers in the meantime
  let sampled = 0;
  for (let i = 0; i < 40; i++) {
    const span = tracer.startSpan('checkout');
    if (span.context().isSampled()) sampled++;
    span.finish();
  }
  console.log('sampled ' + sampled + ' of 40');
}
`;
const strategies = (param: number | string) => `{"service_strategies": [{"service": "burst", "type": "probabilistic", "param": ${param}}]}`;

/** Replaces sampling.json's text in the editor (insertText: no auto-closed brackets). */
async function writeStrategies(page: Page, text: string) {
	await page.getByRole('tab', { name: 'sampling.json' }).click();
	const lines = page.locator('.monaco-editor .view-lines').first();
	await page.waitForFunction(() => document.querySelector('.monaco-editor .view-lines')?.textContent?.includes('service_strategies'), null, { timeout: 20_000 });
	await lines.click();
	await page.keyboard.press('Control+A');
	await page.keyboard.press('Delete');
	await page.keyboard.insertText(text);
}

/** The last "sampled N of 40" the run printed. */
async function sampledCount(page: Page): Promise<number> {
	const all = [...(await consoleText(page)).matchAll(/sampled (\d+) of 40/g)];
	assert.ok(all.length > 0, 'the client printed its count');
	return Number(all[all.length - 1][1]);
}

test('sampling.json: the remote sampler follows the file on its next poll; a bad file is refused and the previous strategies stay', async ({ page, url, consoleErrors }) => {
	await openPlayground(page, url, { 'burst.ts': burst, 'sampling.json': strategies(1) });
	await run(page);
	assert.equal(await sampledCount(page), 40);
	assert.match(await consoleText(page), /sampling\.json loaded/);
	await page.getByRole('tab', { name: 'Traces (40)' }).waitFor({ timeout: 20_000 });

	await writeStrategies(page, strategies(0));
	await run(page);
	assert.equal(await sampledCount(page), 0, 'probabilistic 0 served at the next poll: nothing sampled');

	await writeStrategies(page, strategies('"0.5"'));
	await run(page);
	const text = await consoleText(page);
	assert.match(text, /sampling\.json refused/);
	assert.match(text, /sampling\.json:1 \(service_strategies\[0\]\.param\): "param" must be a number/);
	assert.equal(await sampledCount(page), 0, 'the refused file changed nothing: still probabilistic 0');
	assert.deepEqual(consoleErrors, []);
}, { timeoutMs: 120_000 });

// Chapter 8 in the browser, where timing is the real one: a burst, the remote sampler's first poll
// and 400 requests through the workers must still give what the checks count.
const chapter = 'sampling';
for (const step of ['samplers', 'remote-strategies', 'downstream', 'debug-id', 'budget']) {
	test(`chapter 8, ${step}: Solve, then Run, passes all checks`, async ({ page, url }) => {
		await page.goto(url(`/tutorial/${chapter}/${step}`));
		await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 20_000 });
		await page.getByRole('button', { name: 'Solve' }).click();
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		const checks = page.getByRole('region', { name: 'Checks' });
		const verdict = checks.getByText(/All checks passed|checks? failed/).first();
		await verdict.waitFor({ timeout: 30_000 });
		assert.match(await verdict.innerText(), /All checks passed/, await checks.innerText());
	});
}

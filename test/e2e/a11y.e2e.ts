// axe-core over the main pages, light and dark: no serious or critical violations.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { test, assert } from './harness';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const fixture = resolve(import.meta.dirname, '../fixtures/traces/jaeger-tutorial-multiple-services.json');

type Page = import('playwright-core').Page;

async function audit(page: Page, what: string): Promise<string[]> {
	await page.addScriptTag({ content: axeSource });
	const result = await page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
		return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
	});
	return result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${what}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Pages with an editor are audited once Monaco has rendered; the others once loaded. */
async function ready(page: Page) {
	if (await page.locator('[data-status]').count()) await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
	await page.waitForTimeout(300);
}

for (const scheme of ['light', 'dark'] as const) {
	test(`no serious accessibility violations on the main pages (${scheme})`, async ({ page, url }) => {
		await page.emulateMedia({ colorScheme: scheme });
		const problems: string[] = [];
		for (const path of ['/', '/zh-CN', '/tutorial/hello-span/tags-and-logs', '/playground', '/traces', '/embed/tutorial/hello-span/tags-and-logs']) {
			await page.goto(url(path));
			await ready(page);
			problems.push(...(await audit(page, path)));
		}
		// a step after a run: checks, console, the trace view
		await page.goto(url('/tutorial/hello-span/tags-and-logs'));
		await ready(page);
		await page.getByRole('button', { name: 'Solve' }).click();
		await page.getByRole('button', { name: 'Run' }).click();
		await page.getByRole('region', { name: 'Checks' }).getByText('All checks passed').waitFor({ timeout: 30_000 });
		problems.push(...(await audit(page, 'step after Run (console)')));
		await page.getByRole('tab', { name: /Traces/ }).click();
		await page.getByRole('treegrid', { name: 'Trace timeline' }).waitFor();
		problems.push(...(await audit(page, 'step after Run (traces)')));
		// a trace file opened on /traces, with span details
		await page.goto(url('/traces'));
		await page.getByLabel('Import traces').and(page.locator(':enabled')).setInputFiles(fixture);
		await page.getByRole('treegrid', { name: 'Trace timeline' }).getByRole('row').first().click();
		problems.push(...(await audit(page, '/traces with a trace open')));
		assert.deepEqual(problems, []);
	}, { timeoutMs: 240_000 });
}

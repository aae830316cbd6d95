import { resolve } from 'node:path';
import { test, assert } from './harness';
import { loadCourse } from '../../src/lib/course/content/loader';

const chapters = loadCourse(resolve(import.meta.dirname, '../..'));
const steps = chapters.flatMap((c) => c.steps.map((s) => ({ chapter: c.slug, ...s })));

/** Monaco renders only visible lines; every start file here is short enough to show whole. */
async function editorText(page: import('playwright-core').Page): Promise<string> {
	await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 20_000 });
	return page.locator('.monaco-editor .view-lines').first().innerText();
}
const norm = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();

test('landing page lists the chapters and links to the course, playground and traces', async ({ page, url, consoleErrors }) => {
	await page.goto(url('/'));
	await page.getByRole('heading', { name: 'Chapters' }).waitFor();
	for (const c of chapters) await page.getByRole('link', { name: c.title.en }).first().waitFor();
	await page.getByRole('link', { name: 'Start the course' }).click();
	await page.waitForURL(`**/tutorial/${steps[0].chapter}/${steps[0].slug}`);
	for (const path of ['/playground', '/traces']) {
		await page.goto(url(path));
		await page.getByRole('heading', { level: 1 }).waitFor();
	}
	assert.deepEqual(consoleErrors, []);
});

test('every step page loads with no console error and shows its start files in the editor', async ({ page, url, consoleErrors }) => {
	for (const s of steps) {
		await page.goto(url(`/tutorial/${s.chapter}/${s.slug}`));
		await page.getByRole('heading', { level: 1, name: s.text.en.title }).waitFor();
		for (const file of Object.keys(s.start)) await page.getByRole('tab', { name: file }).waitFor();
		const first = Object.keys(s.start)[0];
		await page.getByRole('tab', { name: first }).click();
		const shown = norm(await editorText(page));
		const firstLine = s.start[first].split('\n').find((l) => l.trim())!;
		assert.ok(shown.includes(norm(firstLine)), `${s.chapter}/${s.slug}: editor shows "${shown.slice(0, 80)}", expected "${firstLine}"`);
		assert.deepEqual(consoleErrors, [], `${s.chapter}/${s.slug} logged errors`);
	}
	// a cap for every step of the course in one test (about a second each), not a target
}, { timeoutMs: 300_000 });

test('Solve shows the solution and Reset brings back the start files', async ({ page, url }) => {
	const s = steps.find((x) => !x.readingOnly && Object.keys(x.solution).some((f) => x.solution[f] !== x.start[f]))!;
	const file = Object.keys(s.solution).find((f) => s.solution[f] !== s.start[f])!;
	await page.goto(url(`/tutorial/${s.chapter}/${s.slug}`));
	await page.getByRole('tab', { name: file }).click();
	await editorText(page);
	await page.getByRole('button', { name: 'Solve' }).click();
	const solutionLine = s.solution[file].split('\n').find((l) => l.trim() && !s.start[file].includes(l))!;
	await page.waitForFunction((t) => document.querySelector('.monaco-editor .view-lines')?.textContent?.replace(/\u00a0/g, ' ').includes(t), solutionLine.trim());
	await page.getByRole('button', { name: 'Reset' }).click();
	await page.waitForFunction((t) => !document.querySelector('.monaco-editor .view-lines')?.textContent?.replace(/\u00a0/g, ' ').includes(t), solutionLine.trim());
	assert.ok(norm(await editorText(page)).includes(norm(s.start[file].split('\n').find((l) => l.trim())!)));
});

test('the step menu and next/previous links navigate', async ({ page, url }) => {
	const [a, b] = steps;
	await page.goto(url(`/tutorial/${a.chapter}/${a.slug}`));
	await page.getByText('Steps', { exact: false }).first().click();
	await page.getByRole('navigation', { name: 'Chapters and steps' }).getByRole('link', { name: b.text.en.title }).click();
	await page.getByRole('heading', { level: 1, name: b.text.en.title }).waitFor();
	assert.ok(page.url().endsWith(`/tutorial/${b.chapter}/${b.slug}`));
	await page.locator('a[rel=prev]').click();
	await page.getByRole('heading', { level: 1, name: a.text.en.title }).waitFor();
	await page.locator('a[rel=next]').click();
	await page.getByRole('heading', { level: 1, name: b.text.en.title }).waitFor();
	// the editor follows the step
	for (const file of Object.keys(b.start)) await page.getByRole('tab', { name: file }).waitFor();
});

test('a deep link to a step works on a cold load, and its text reads without JavaScript', async ({ page, url, context }) => {
	const s = steps[steps.length - 1];
	await page.goto(url(`/tutorial/${s.chapter}/${s.slug}`));
	await page.getByRole('heading', { level: 1, name: s.text.en.title }).waitFor();
	await page.getByRole('button', { name: 'Run' }).waitFor();
	const browser = context.browser()!;
	const noJs = await browser.newContext({ javaScriptEnabled: false });
	try {
		const p = await noJs.newPage();
		await p.goto(url(`/tutorial/${s.chapter}/${s.slug}`));
		const text = await p.locator('article').innerText();
		assert.ok(text.includes(s.text.en.title), 'the prerendered page carries the step text');
		assert.ok(text.length > 200, 'the whole step text is in the HTML');
	} finally {
		await noJs.close();
	}
});

test('Ctrl+Enter in the editor runs the code, and the Console shows the output', async ({ page, url }) => {
	const s = steps[0];
	await page.goto(url(`/tutorial/${s.chapter}/${s.slug}`));
	await editorText(page);
	await page.getByRole('button', { name: 'Solve' }).click();
	await page.locator('.monaco-editor textarea').first().focus();
	await page.keyboard.press('Control+Enter');
	await page.getByRole('log', { name: 'Console' }).getByText('Hello, Bryan!').waitFor({ timeout: 30_000 });
});

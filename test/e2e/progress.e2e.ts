import { readFileSync } from 'node:fs';
import { test, assert } from './harness';

const STEP = '/tutorial/hello-span/hello-world';
const editor = (page: import('playwright-core').Page) => page.locator('.monaco-editor .view-lines').first();
const shown = async (page: import('playwright-core').Page) => (await editor(page).innerText()).replace(/\u00a0/g, ' ');

/** Waits until the editor shows (or, with `present` false, no longer shows) `text`; Monaco renders spaces as U+00A0. */
function editorShows(page: import('playwright-core').Page, text: string, present = true) {
	return page.waitForFunction(
		([t, want]) => (document.querySelector('.monaco-editor .view-lines')?.textContent ?? '').replace(/\u00a0/g, ' ').includes(t as string) === want,
		[text, present] as const,
		{ timeout: 30_000 }
	);
}

async function typeAtEnd(page: import('playwright-core').Page, text: string) {
	await editor(page).waitFor({ timeout: 30_000 });
	await editor(page).click();
	await page.keyboard.press('Control+End');
	await page.keyboard.press('Enter');
	await page.keyboard.type(text);
}

test('edits are saved as you type and come back after a reload', async ({ page, url }) => {
	await page.goto(url(STEP));
	await typeAtEnd(page, '// my own note 42');
	await page.waitForTimeout(700); // past the save debounce
	await page.reload();
	await editor(page).waitFor();
	await editorShows(page, 'my own note 42');
});

test('Reset asks before discarding edits, and Undo brings them back', async ({ page, url }) => {
	await page.goto(url(STEP));
	await typeAtEnd(page, '// keep me');
	await page.getByRole('button', { name: 'Reset' }).click();
	await page.getByRole('button', { name: 'Keep editing' }).click();
	assert.ok((await shown(page)).includes('keep me'), 'Keep editing keeps the edits');
	await page.getByRole('button', { name: 'Reset' }).click();
	await page.getByRole('button', { name: 'Discard edits' }).click();
	await editorShows(page, 'keep me', false);
	await page.getByRole('button', { name: 'Undo' }).click();
	await editorShows(page, 'keep me');
});

test('a passed step shows in the menu and on the landing page, which offers to continue', async ({ page, url }) => {
	await page.goto(url(STEP));
	await editor(page).waitFor({ timeout: 30_000 });
	await page.getByRole('button', { name: 'Solve' }).click();
	await page.getByRole('button', { name: 'Run' }).click();
	await page.getByRole('region', { name: 'Checks' }).getByText('All checks passed').waitFor({ timeout: 30_000 });
	await page.reload();
	await page.getByText('Steps').first().click();
	await page.getByRole('navigation', { name: 'Chapters and steps' }).getByRole('link', { name: /A program worth tracing \(passed\)/ }).waitFor();
	await page.goto(url('/'));
	await page.getByRole('link', { name: /Continue where you left off: A program worth tracing/ }).waitFor();
	await page.getByText(/1 of \d+ passed/).waitFor();
});

test('progress exports to a file and imports on another machine; a bad file changes nothing', async ({ page, url, context }) => {
	await page.goto(url(STEP));
	await typeAtEnd(page, '// exported edit');
	await page.waitForTimeout(700);
	await page.goto(url('/'));
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
	const file = await download.path();
	const exported = readFileSync(file, 'utf8');
	assert.ok(exported.includes('exported edit'));

	const other = await context.browser()!.newContext();
	try {
		const p = await other.newPage();
		await p.goto(url('/'));
		await p.locator('input[type=file]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1, "steps": 3}') });
		await p.getByRole('alert').getByText(/Could not import broken.json: saved progress has no "steps".*unchanged/).waitFor();
		await p.locator('input[type=file]').setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
		await p.getByRole('status').getByText('Progress imported from progress.json.').waitFor();
		await p.goto(url(STEP));
		await editorShows(p, 'exported edit');
	} finally {
		await other.close();
	}
});

test('unreadable saved progress gives a clear message and a working page', async ({ page, url }) => {
	await page.addInitScript(() => localStorage.setItem('trace-tour:progress', '{"version": 1, "steps": {"x/y": 5'));
	await page.goto(url(STEP));
	await page.getByRole('alert').getByText(/Your saved progress could not be read/).waitFor();
	await editor(page).waitFor({ timeout: 30_000 });
	assert.ok((await page.evaluate(() => localStorage.getItem('trace-tour:progress:unreadable')))?.startsWith('{"version"'), 'the old data is kept aside');
});

test('Chinese pages: translated chrome, the step URL under /zh-CN/, a note where the text is not translated', async ({ page, url, consoleErrors }) => {
	await page.goto(url('/zh-CN' + STEP));
	await page.getByRole('button', { name: '查看答案' }).waitFor();
	await page.getByRole('button', { name: '重置' }).waitFor();
	assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
	const translated = await page.locator('article').getAttribute('lang');
	if (translated === 'en') await page.getByRole('note').getByText('这一步还没有翻译').waitFor();
	await page.goto(url('/zh-CN'));
	await page.getByRole('heading', { name: '动手学习分布式追踪' }).waitFor();
	assert.deepEqual(consoleErrors, []);
});

test('a Chinese browser is taken to /zh-CN/, and choosing English is remembered', async ({ context, url }) => {
	const zh = await context.browser()!.newContext({ locale: 'zh-CN' });
	try {
		const p = await zh.newPage();
		await p.goto(url(STEP));
		await p.waitForURL('**/zh-CN' + STEP);
		await p.getByRole('combobox', { name: '语言' }).selectOption('en');
		await p.waitForURL((u) => u.pathname === STEP);
		await p.goto(url(STEP));
		await p.getByRole('button', { name: 'Solve' }).waitFor();
		assert.ok(!p.url().includes('zh-CN'), 'the choice of English sticks');
	} finally {
		await zh.close();
	}
});

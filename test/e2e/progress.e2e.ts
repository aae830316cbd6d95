import { readFileSync } from 'node:fs';
import { test, assert } from './harness';
import { encodeShare } from '../../src/lib/course/share';

const STEP = '/tutorial/hello-span/hello-world';
const KEY = 'hello-span/hello-world';
type Page = import('playwright-core').Page;
/** what localStorage holds for the step (its hello.ts), or for the playground (its files) */
const savedStep = (page: Page) => page.evaluate((k) => JSON.parse(localStorage.getItem('trace-tour:progress') ?? '{}').steps?.[k]?.work?.files['hello.ts'] as string | undefined, KEY);
const savedPlayground = (page: Page) => page.evaluate(() => JSON.stringify(JSON.parse(localStorage.getItem('trace-tour:progress') ?? '{}').playground?.files ?? {}));
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
		await p.locator('input[type=file]:enabled').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1, "steps": 3}') });
		await p.getByRole('alert').getByText(/Could not import broken.json: saved progress has no "steps".*unchanged/).waitFor();
		await p.locator('input[type=file]:enabled').setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
		await p.getByRole('dialog', { name: 'Replace your progress with the one in progress.json?' }).getByRole('button', { name: 'Replace my progress' }).click();
		await p.getByRole('status').getByText('Progress imported from progress.json.').waitFor();
		await p.goto(url(STEP));
		await editorShows(p, 'exported edit');
	} finally {
		await other.close();
	}
});

test('unreadable saved progress gives a clear message, a working page, and its copy to download or restore', async ({ page, url }) => {
	const damaged = '{"version": 1, "steps": {"x/y": 5';
	await page.addInitScript((text) => sessionStorage.getItem('seeded') || (localStorage.setItem('trace-tour:progress', text), sessionStorage.setItem('seeded', '1')), damaged);
	await page.goto(url(STEP));
	const banner = page.getByRole('alert').filter({ hasText: 'Your saved progress could not be read' });
	await banner.waitFor();
	await editor(page).waitFor({ timeout: 30_000 });
	const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('trace-tour:progress:unreadable:')));
	assert.equal(keys.length, 1, 'the old data is kept aside under a dated key');
	assert.match(keys[0], /unreadable:\d{4}-\d\d-\d\dT/);
	const copies = banner.getByRole('list', { name: 'Copies of unreadable progress' });
	const [download] = await Promise.all([page.waitForEvent('download'), copies.getByRole('button', { name: 'Download' }).click()]);
	assert.equal(readFileSync(await download.path(), 'utf8'), damaged);
	await copies.getByRole('button', { name: 'Restore' }).click();
	await copies.getByRole('alert').getByText(/This copy cannot be restored \(it is not valid JSON.*Download it to keep it/).waitFor();
});

test('a damaged store whose copy can partly be read: Restore brings back what it can, with Undo', async ({ page, url }) => {
	const damaged = JSON.stringify({ version: 1, steps: { [KEY]: { work: { files: { 'hello.ts': '// rescued edit' }, savedAt: 1 } }, 'Not A Key': {} } });
	await page.goto(url('/'));
	await page.evaluate((text) => localStorage.setItem('trace-tour:progress', text), damaged);
	await page.reload();
	const copies = page.getByRole('alert').getByRole('list', { name: 'Copies of unreadable progress' });
	await copies.getByRole('button', { name: 'Restore' }).click();
	await copies.getByRole('status').getByText(/Restored from the copy: 1 steps with edits.*Left out \(unreadable\): step "Not A Key" is malformed/).waitFor();
	assert.equal(await savedStep(page), '// rescued edit');
	await copies.getByRole('button', { name: 'Undo' }).click();
	await copies.getByText('Restore undone').waitFor();
	assert.equal(await savedStep(page), undefined);
	await copies.getByRole('button', { name: 'Restore' }).click();
	await page.goto(url(STEP));
	await editorShows(page, 'rescued edit');
});

test('two tabs (a lesson and the playground) keep each other\'s edits', async ({ page, url, context }) => {
	await page.goto(url(STEP));
	const playground = await context.newPage();
	await playground.goto(url('/playground'));
	await typeAtEnd(page, '// lesson edit one');
	await page.waitForTimeout(700);
	await typeAtEnd(playground, '// playground edit');
	await playground.waitForTimeout(700);
	await page.bringToFront();
	await typeAtEnd(page, '// lesson edit two'); // used to write this tab's whole, older copy over the playground's edit
	await page.waitForTimeout(700);
	await playground.reload();
	await editor(playground).waitFor({ timeout: 30_000 });
	await editor(playground).click();
	await playground.keyboard.press('Control+End'); // the example is longer than the editor
	await editorShows(playground, 'playground edit');
	await page.reload();
	await editorShows(page, 'lesson edit one');
	await editorShows(page, 'lesson edit two');
	assert.match(await savedPlayground(page), /playground edit/);
});

test('one step in two tabs: an idle tab shows the other tab\'s edit, its own one click away', async ({ page, url, context }) => {
	await page.goto(url(STEP));
	const second = await context.newPage();
	await second.goto(url(STEP));
	await editor(second).waitFor({ timeout: 30_000 });
	await typeAtEnd(page, '// typed in the first tab');
	await editorShows(second, 'typed in the first tab');
	await second.getByRole('group', { name: 'Which version to show' }).getByRole('status').getByText(/changed elsewhere/).waitFor();
	await second.getByRole('button', { name: 'This tab’s version' }).click();
	await editorShows(second, 'typed in the first tab', false);
	await second.getByRole('button', { name: 'The other version' }).click();
	await editorShows(second, 'typed in the first tab');
});

test('a shared attempt opened on a step keeps your own version saved and one click away', async ({ page, url, context }) => {
	await page.goto(url(STEP));
	await typeAtEnd(page, '// my own version 7');
	await page.waitForTimeout(700);
	const shared = await context.newPage();
	await shared.goto(url(STEP + encodeShare({ 'main.ts': '// the shared version\nconsole.log("shared");\n' })));
	const versions = shared.getByRole('group', { name: 'Which version to show' });
	await versions.getByRole('status').getByText('You are looking at a shared version').waitFor({ timeout: 30_000 });
	await editorShows(shared, 'the shared version');
	await shared.getByRole('button', { name: 'Run' }).click();
	await shared.getByRole('status', { name: 'Run status' }).filter({ hasText: /^Finished/ }).waitFor({ timeout: 60_000 });
	assert.match((await savedStep(shared)) ?? '', /my own version 7/, 'running the shared version keeps your own saved');
	await versions.getByRole('button', { name: 'Your version' }).click();
	await editorShows(shared, 'my own version 7');
	assert.equal(await versions.getByRole('button', { name: 'Your version' }).getAttribute('aria-pressed'), 'true');
	await versions.getByRole('button', { name: 'Shared version' }).click();
	await editorShows(shared, 'the shared version');
	await versions.getByRole('button', { name: 'Your version' }).click();
	await shared.goto(url(STEP));
	await editorShows(shared, 'my own version 7');
}, { timeoutMs: 90_000 });

test('Import says what it will replace and asks; Undo brings back exactly the progress before', async ({ page, url }) => {
	await page.goto(url(STEP));
	await typeAtEnd(page, '// before the import');
	await page.waitForTimeout(700);
	await page.goto(url('/'));
	const before = await page.evaluate(() => localStorage.getItem('trace-tour:progress'));
	const file = { name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ version: 1, steps: { [KEY]: { work: { files: { 'hello.ts': '// imported' }, savedAt: 1 }, passedAt: 2 }, 'context/child-of': { passedAt: 3 } } })) };
	await page.locator('input[type=file]:enabled').setInputFiles(file);
	const dialog = page.getByRole('dialog', { name: 'Replace your progress with the one in other.json?' });
	const row = (name: string) => dialog.getByRole('row', { name: new RegExp(name) }).innerText();
	assert.match(await row('Steps with edits'), /1\s+1/);
	assert.match(await row('Steps passed'), /0\s+2/);
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await page.getByRole('status').getByText('Nothing was imported.').waitFor();
	assert.equal(await page.evaluate(() => localStorage.getItem('trace-tour:progress')), before);
	await page.locator('input[type=file]:enabled').setInputFiles(file);
	await dialog.getByRole('button', { name: 'Replace my progress' }).click();
	await page.getByRole('status').getByText('Progress imported from other.json.').waitFor();
	assert.equal(await savedStep(page), '// imported');
	await page.getByText(/1 of \d+ passed/).first().waitFor();
	await page.getByRole('button', { name: 'Undo' }).click();
	await page.getByRole('status').getByText('Import undone: your previous progress is back.').waitFor();
	assert.equal(await page.evaluate(() => localStorage.getItem('trace-tour:progress')), before);
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

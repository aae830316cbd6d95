import { test, assert } from './harness';

const STEP = '/tutorial/context/active-span';
const lines = (page: import('playwright-core').Page) => page.locator('.monaco-editor .view-lines').first();

test('the editor knows the runtime modules: completions from the generated typings, no false errors', async ({ page, url }) => {
	await page.goto(url(STEP));
	await lines(page).waitFor({ timeout: 30_000 });
	await page.getByRole('button', { name: 'Solve' }).click();
	// IntelliSense starts at the learner's first edit (or first Run): type a space at the end
	await lines(page).click();
	await page.keyboard.press('Control+End');
	await page.keyboard.type(' ');
	// the TypeScript worker needs a moment to load the typings and check the file
	await page.waitForTimeout(4000);
	assert.equal(await page.locator('.monaco-editor .squiggly-error').count(), 0, 'a correct solution shows no red squiggles');

	await lines(page).click();
	await page.keyboard.press('Control+End');
	await page.keyboard.press('Enter');
	await page.keyboard.type('tracer.activ');
	await page.keyboard.press('Control+Space');
	await page.locator('.suggest-widget').getByText('activateSpan').first().waitFor({ timeout: 20_000 });
	await page.keyboard.press('Escape');

	// a misused API is flagged as you type
	await page.keyboard.press('Control+End');
	await page.keyboard.press('Enter');
	await page.keyboard.type("import { sleep as wait } from 'tour/time'; wait('soon');");
	await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 20_000 });
});

test('Tab is not trapped in the editor: Ctrl+M lets Tab move focus on, as the hint under the editor says', async ({ page, url }) => {
	await page.goto(url(STEP));
	await lines(page).waitFor({ timeout: 30_000 });
	await page.getByText('lets Tab move focus out of the editor').waitFor();
	await lines(page).click();
	const inEditor = () => page.evaluate(() => Boolean(document.activeElement?.closest('.monaco-editor')));
	await page.keyboard.press('Tab');
	assert.ok(await inEditor(), 'by default Tab indents inside the editor');
	await page.keyboard.press('Control+m');
	await page.keyboard.press('Tab');
	assert.ok(!(await inEditor()), 'after Ctrl+M, Tab moves focus out of the editor');
});

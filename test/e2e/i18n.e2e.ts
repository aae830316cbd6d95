// A Chinese step page speaks Chinese all through the workbench: the run status, the output tabs, the
// Console, the editor's key hint — and the checks, whose labels and hints come from the step's check.
import { test, assert } from './harness';

const STEP = '/zh-CN/tutorial/hello-span/tags-and-logs';

test('on a Chinese step, Run shows Chinese checks, hints, tabs and run status', async ({ page, url, consoleErrors }) => {
	await page.goto(url(STEP));
	await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
	await page.getByText('键会把焦点移出编辑器').waitFor();
	await page.getByRole('button', { name: '运行', exact: true }).click();

	const checks = page.getByRole('region', { name: '检查' });
	await checks.getByText(/项检查中有 \d+ 项未通过/).waitFor({ timeout: 60_000 });
	// the start files print and finish the span but neither tag nor log it
	await checks.getByText('hello-world 的 "say-hello" span 带有 tag hello-to=Bryan').waitFor();
	await checks.getByText("用名字给 span 打上 tag：span.setTag('hello-to', helloTo)", { exact: false }).waitFor();
	const text = await checks.innerText();
	assert.ok(!/Tag the span|was reported|has tag/.test(text), `no English left in the checks:\n${text}`);

	const tabs = await page.getByRole('tablist', { name: '运行结果' }).getByRole('tab').allInnerTexts();
	assert.deepEqual(
		tabs.map((t) => t.replace(/\d+/, 'n')),
		['控制台', '追踪（n）', '网络', '后端', '搜索', '依赖关系']
	);
	await page.getByRole('log', { name: '控制台' }).getByText('Hello, Bryan!').waitFor();
	const status = await page.getByRole('status', { name: '运行状态' }).innerText();
	assert.match(status, /^运行结束，用时 .+（编译 .+，运行 .+，上报 .+）$/);
	await page.getByRole('tab', { name: '网络' }).click();
	await page.getByRole('region', { name: '网络' }).getByText(/显示后端流量（\d+）/).waitFor();
	assert.deepEqual(consoleErrors, []);
});

test('the English step page keeps its English checks', async ({ page, url }) => {
	await page.goto(url('/tutorial/hello-span/tags-and-logs'));
	await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	const checks = page.getByRole('region', { name: 'Checks' });
	await checks.getByText(/checks? failed/).waitFor({ timeout: 60_000 });
	await checks.getByText(`Tag the span with the name: span.setTag('hello-to', helloTo)`, { exact: false }).waitFor();
	await checks.getByText(`hello-world's "say-hello" span has tag hello-to=Bryan`).waitFor();
	assert.match(await page.getByRole('status', { name: 'Run status' }).innerText(), /^Finished in /);
});

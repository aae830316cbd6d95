// /playground in a real browser: runs of several services, compile and runtime errors, the time
// limit, share links. Code goes in through share links (typing multi-line text into Monaco is flaky).
import { test, assert } from './harness';
import { encodeShare } from '../../src/lib/course/share';
import { consoleText, openPlayground as open, run } from './playground-page';

const twoServices = {
	'client.ts': `import { fetch } from 'tour/http';
export async function main() {
  const res = await fetch('http://greeter:8081/greet?name=Ada', { headers: { 'X-Demo': 'yes' } });
  console.log('client got', res.status, await res.text());
}
`,
	'greeter.ts': `import { serve } from 'tour/http';
serve(8081, (req) => {
  console.log('greeter saw', req.method, req.path, 'x-demo=' + req.headers['x-demo']);
  return { status: 201, body: 'Hello, ' + req.query.name + '!' };
});
`
};

test('a client calls a server over tour/http; both print, the Network panel shows the request and its headers', async ({ page, url, consoleErrors }) => {
	await open(page, url, twoServices);
	assert.equal(await run(page), (await page.getByRole('status', { name: 'Run status' }).textContent())!);
	const text = await consoleText(page);
	assert.match(text, /greeter │ greeter saw GET \/greet x-demo=yes/);
	assert.match(text, /client │ client got 201 Hello, Ada!/);
	assert.ok(text.indexOf('greeter saw') < text.indexOf('client got'), 'the server printed before the client got its answer');
	await page.getByRole('tab', { name: 'Network' }).click();
	const network = page.getByRole('region', { name: 'Network' });
	const row = network.getByRole('row').filter({ hasText: '/greet?name=Ada' });
	const cells = await row.getByRole('cell').allInnerTexts();
	assert.deepEqual(cells.slice(0, 6), ['client', 'greeter:8081', 'HTTP', 'GET', '/greet?name=Ada', '201']);
	assert.match(cells[6], /^\d+(\.\d)? ms$/);
	assert.match(cells[7], /x-demo: yes/);
	assert.deepEqual(consoleErrors, []);
});

test('the Console keeps its newest line in view, as a terminal does, and a short output starts at the top', async ({ page, url }) => {
	await open(page, url, { 'main.ts': `for (let i = 1; i <= 200; i++) console.log('line ' + i);\n` });
	await run(page);
	const log = page.getByRole('log', { name: 'Console' });
	await log.getByText('main │ line 200').waitFor();
	const seen = (text: string) =>
		log.evaluate((box, t) => {
			const line = [...box.querySelectorAll('.line')].find((l) => l.textContent === t)!;
			const a = box.getBoundingClientRect();
			const b = line.getBoundingClientRect();
			return b.top >= a.top - 1 && b.bottom <= a.bottom + 1;
		}, text);
	assert.ok(await seen('main │ line 200'), 'the last line is in view');
	assert.ok(!(await seen('main │ line 1')), 'the first line has scrolled away');

	await open(page, url, { 'main.ts': `console.log('only line');\n` });
	await run(page);
	const gap = await log.evaluate((box) => box.querySelector('.line')!.getBoundingClientRect().top - box.getBoundingClientRect().top);
	assert.ok(gap < 20, `a short output starts at the top (gap ${gap} px)`);
});

test('a compile error shows file:line:col in the Console and a marker in the editor', async ({ page, url }) => {
	await open(page, url, { 'main.ts': `const ok = 1;\nconst broken = ;\n` });
	assert.equal(await run(page), 'Compile failed');
	assert.match(await consoleText(page), /compiler │ main\.ts:2:16: error: Unexpected ";"/);
	await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 10_000 });
});

test('an unknown import names the module', async ({ page, url }) => {
	await open(page, url, { 'main.ts': `import express from 'express';\nconsole.log(express);\n` });
	assert.equal(await run(page), 'Compile failed');
	assert.match(await consoleText(page), /main\.ts:1:21: error: Cannot find module 'express'/);
});

test('a runtime throw shows the learner’s file and line, and the other services keep running', async ({ page, url }) => {
	await open(page, url, {
		'thrower.ts': `function explode(what: string): never {\n  throw new Error('boom: ' + what);\n}\n\nexport async function main() {\n  await null;\n  explode('on purpose');\n}\n`,
		'steady.ts': `import { sleep } from 'tour/time';\nexport async function main() {\n  await sleep(100);\n  console.log('steady is still here');\n}\n`
	});
	assert.match(await run(page), /^Finished with 1 error/);
	const text = await consoleText(page);
	assert.match(text, /thrower │ Uncaught Error: boom: on purpose\n\s+at explode \(thrower\.ts:2:9\)\n\s+at .*\(thrower\.ts:7:3\)/);
	assert.match(text, /steady │ steady is still here/);
	await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 10_000 });
});

test('an infinite loop is stopped at the time limit, naming the service, while the page keeps ticking; the next Run works', async ({ page, url }) => {
	await open(page, url, {
		'spin.ts': `export async function main() {\n  console.log('about to spin');\n  while (true) {}\n}\n`,
		'idle.ts': `import { serve } from 'tour/http';\nserve(9000, () => 'ok');\n`
	});
	// a timer on the page: if the main thread were blocked, it would stop ticking
	await page.evaluate(() => {
		const w = window as unknown as { ticks: number };
		w.ticks = 0;
		setInterval(() => w.ticks++, 50);
	});
	const t0 = Date.now();
	const status = await run(page, 20_000);
	const elapsed = Date.now() - t0;
	assert.match(status, /^Stopped at the time limit \(5 s\)/);
	const ticks = await page.evaluate(() => (window as unknown as { ticks: number }).ticks);
	assert.ok(ticks >= (elapsed / 50) * 0.6, `page timer ticked ${ticks} times in ${elapsed} ms`);
	const text = await consoleText(page);
	assert.match(text, /spin │ about to spin/);
	assert.match(text, /spin │ Time limit: stopped after 5 s: still running \(an infinite loop\?\)/);

	await open(page, url, twoServices);
	assert.match(await run(page), /^Finished in/);
	assert.match(await consoleText(page), /client │ client got 201 Hello, Ada!/);
});

test('share links: Share writes a #files/ link that opens the same files; a damaged link shows a message and the example', async ({ page, url, context }) => {
	await open(page, url, twoServices);
	await page.getByRole('button', { name: 'Share' }).click();
	const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
	assert.ok(link.includes('/playground#files/'), link);
	assert.equal(new URL(link).hash, encodeShare(twoServices));

	const other = await context.newPage();
	await other.goto(link);
	for (const f of Object.keys(twoServices)) await other.getByRole('tab', { name: f }).waitFor({ timeout: 20_000 });
	assert.match(await run(other), /^Finished in/);
	assert.match(await consoleText(other), /client │ client got 201 Hello, Ada!/);

	// running the shared files made them this browser's playground work: a damaged link falls back to it
	await other.goto(url('/playground#files/this-is-not-lz-string'));
	await other.getByRole('alert').filter({ hasText: /share link is damaged.*Showing your own work instead/ }).waitFor();
	for (const f of Object.keys(twoServices)) await other.getByRole('tab', { name: f }).waitFor({ timeout: 20_000 });

	// a browser with no playground work of its own falls back to the example
	const fresh = await context.browser()!.newContext();
	try {
		const p = await fresh.newPage();
		await p.goto(url('/playground#files/this-is-not-lz-string'));
		await p.getByRole('alert').filter({ hasText: /share link is damaged/ }).waitFor();
		await p.getByRole('tab', { name: 'hello.ts' }).waitFor({ timeout: 20_000 });
	} finally {
		await fresh.close();
	}
});

test('the active span survives await in learner code, and two concurrent requests keep their own spans', async ({ page, url }) => {
	await open(page, url, {
		'main.ts': `import { initTracer } from 'tour/tracing';
import { sleep } from 'tour/time';
const tracer = initTracer({ serviceName: 'ctx', sampler: { type: 'const', param: 1 } });
async function work(name: string, ms: number) {
  const span = tracer.startSpan(name);
  using scope = tracer.activateSpan(span);
  await sleep(ms);
  await Promise.resolve();
  console.log(name, 'still active:', tracer.activeSpan === span);
  span.finish();
}
export async function main() {
  await Promise.all([work('a', 30), work('b', 10)]);
  console.log('after:', tracer.activeSpan);
}
`
	});
	assert.match(await run(page), /^Finished in/);
	const text = await consoleText(page);
	assert.match(text, /main │ b still active: true/);
	assert.match(text, /main │ a still active: true/);
	assert.match(text, /main │ after: null/);
	// the tracer's span batch went to the agent: backend traffic, shown on request
	await page.getByRole('tab', { name: 'Network' }).click();
	const network = page.getByRole('region', { name: 'Network' });
	await network.getByRole('checkbox', { name: /Show backend traffic \(1\)/ }).check();
	const cells = await network.getByRole('row').filter({ hasText: 'jaeger-agent:6831' }).getByRole('cell').allInnerTexts();
	assert.deepEqual(cells.slice(0, 4), ['main', 'jaeger-agent:6831', 'HTTP', 'POST']);
});

test('every run stays searchable: search, compare two runs, dependencies — and all of it after a reload', async ({ page, url, consoleErrors }) => {
	await page.goto(url('/playground'));
	await page.getByRole('tab', { name: 'hello.ts' }).waitFor({ timeout: 20_000 });
	assert.match(await run(page), /^Finished in/);
	await page.getByLabel('Arguments').fill('Ada Bonjour');
	assert.match(await run(page), /^Finished in/);
	assert.match(await page.getByRole('tab', { name: /Traces \(\d+\)/ }).innerText(), /Traces \(1\)/, "the Traces tab shows this run's trace");

	const searchTwo = async () => {
		await page.getByRole('tab', { name: 'Search' }).click();
		const form = page.getByRole('region', { name: 'Search traces' });
		// Find Traces is enabled once the service list has loaded
		await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Find Traces' && !b.disabled), null, { timeout: 20_000 });
		await form.locator('select').first().selectOption('hello');
		await page.getByRole('button', { name: 'Find Traces' }).click();
		await page.getByText('2 traces found').waitFor();
	};
	await searchTwo();
	const results = page.getByRole('list', { name: 'Search results' });
	for (const cb of await results.getByRole('checkbox').all()) await cb.check();
	await page.getByRole('button', { name: 'Compare selected (2/2)' }).click();
	assert.match(await page.getByRole('region', { name: 'Trace comparison' }).innerText(), /(A|B) took longer|same/);
	await page.getByRole('tab', { name: 'Dependencies' }).click();
	const deps = (await page.getByRole('list', { name: 'Service calls' }).innerText()).trim();
	assert.match(deps, /hello → formatter: 2 calls/);
	assert.match(deps, /hello → publisher: 2 calls/);

	// the page's Jaeger keeps its traces in IndexedDB: a reload loses none of them
	await page.reload();
	await page.getByRole('tab', { name: 'hello.ts' }).waitFor({ timeout: 20_000 });
	await searchTwo();
	assert.deepEqual(consoleErrors, []);
});

test('playground edits are saved as you type and come back after a reload', async ({ page, url }) => {
	await page.goto(url('/playground'));
	const lines = page.locator('.monaco-editor .view-lines').first();
	await lines.waitFor({ timeout: 30_000 });
	await lines.click();
	await page.keyboard.press('Control+End');
	await page.keyboard.press('Enter');
	await page.keyboard.type('// saved-note-7');
	await page.waitForTimeout(700);
	await page.reload();
	// Monaco renders only the lines in view: go to the end of the file first
	await lines.waitFor({ timeout: 30_000 });
	await lines.click();
	await page.keyboard.press('Control+End');
	await page.waitForFunction(() => document.querySelector('.monaco-editor .view-lines')?.textContent?.includes('saved-note-7'), null, { timeout: 30_000 });
});

test('Run clicked while the page is still starting is not lost: the button waits for the page, no reload', async ({ page, url, consoleErrors }) => {
	// the page's own script held back, as on a slow link or a busy laptop: the prerendered Run is on screen first
	await page.route('**/_app/immutable/entry/**', async (route) => {
		await new Promise((r) => setTimeout(r, 2_000));
		await route.continue();
	});
	let loads = 0;
	page.on('load', () => loads++);
	await page.goto(url('/playground' + encodeShare(twoServices)), { waitUntil: 'commit' });
	const button = page.getByRole('button', { name: /^Run/ });
	await button.waitFor();
	assert.ok(await button.isDisabled(), 'Run is off until the page can run code');
	assert.match(await run(page), /^Finished in/);
	assert.match(await consoleText(page), /client got 201 Hello, Ada!/);
	assert.equal(loads, 1, 'the page loaded once: the early click did not submit the form');
	assert.deepEqual(consoleErrors, []);
});

test('a compiler download that fails says so in the status and the Console; the next Run downloads it again', async ({ page, url }) => {
	let refuse = true;
	await page.context().route('**/*.wasm', (route) => (refuse ? route.abort('connectionreset') : route.continue()));
	await open(page, url, twoServices);
	const status = await run(page);
	assert.match(status, /^Compiler failed to load: /);
	assert.match(await consoleText(page), /compiler │ The compiler failed to load: /);
	refuse = false;
	assert.match(await run(page), /^Finished in/);
	assert.match(await consoleText(page), /client got 201 Hello, Ada!/);
});

test('Stop while the compiler is still downloading ends the run at once; the next Run gets the same download', async ({ page, url }) => {
	let release!: () => void;
	const held = new Promise<void>((r) => (release = r));
	await page.context().route('**/*.wasm', async (route) => {
		await held;
		await route.continue();
	});
	await open(page, url, twoServices);
	const status = page.getByRole('status', { name: 'Run status' });
	await page.getByRole('button', { name: /^Run/ }).click();
	await page.getByRole('button', { name: 'Stop' }).click();
	await status.getByText('Stopped', { exact: true }).waitFor({ timeout: 5_000 });
	assert.match(await consoleText(page), /Run stopped\./);
	release();
	assert.match(await run(page), /^Finished in/);
	assert.match(await consoleText(page), /client got 201 Hello, Ada!/);
});

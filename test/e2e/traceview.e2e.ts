// The trace view on /traces: every trace fixture opens through the real file input, edge cases show
// their warnings, data is text (never markup), keyboard, find, details, search, compare, dependencies.
import { readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { test, assert } from './harness';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const fixtureDir = path.resolve(repoRoot, 'test/fixtures/traces');
const tmp = mkdtempSync(path.join(tmpdir(), 'traceview-e2e-'));

// SOURCES.md: traces and spans per file. Zipkin smartthings has 1041 span records (663 ids); the model
// merges fragments of one span into 953 spans, which is what "Total Spans" counts (records shown too).
const expected: Record<string, { spans: number[]; records?: number; warn?: RegExp }> = {
	'jaeger-tutorial-multiple-services.json': { spans: [5] },
	'jaeger-ui-trace-graph-test.json': { spans: [11] },
	'jaeger-ui-genai-57-spans.json': { spans: [57] },
	'jaeger-ui-genai-two-traces.json': { spans: [5, 1] },
	'jaeger-query-ui_01-edge-cases.json': { spans: [5], warn: /duplicate/i },
	'jaeger-model-json-fixture-nulls.json': { spans: [3] },
	'jaeger-transform-out-multi.json': { spans: [4] },
	'jaeger-edge-parent-cycle.json': { spans: [2], warn: /cycle/i },
	'jaeger-edge-multiple-orphans.json': { spans: [5], warn: /parent/i },
	'jaeger-edge-zero-and-missing-starttime.json': { spans: [3], warn: /start time/i },
	'jaeger-model-domain_01.json': { spans: [5], warn: /internal model/i },
	'zipkin2-smartthings-mobile-web-install.json': { spans: [953], records: 1041 },
	'zipkin2-messaging-kafka.json': { spans: [28] },
	'zipkin2-skew.json': { spans: [4], records: 4, warn: /clock skew/i },
	'zipkin2-messaging2-missing-parents.json': { spans: [11], warn: /parent/i },
	'otlp-proto-example-trace.json': { spans: [1] },
	'otlp-transform-in-multi-combined.json': { spans: [4] },
	'otlp-apiv3-hotrod-getTrace-response.json': { spans: [40] },
	'otlp-tempo-istio-bookinfo-batches.json': { spans: [8] },
	'otlp-apiv3-any-value-types.json': { spans: [3] }
};

/** The import, once it is on: the page's script has taken over (a file set or dropped before would be lost). */
const importInput = (page: Page) => page.getByLabel('Import traces').and(page.locator(':enabled'));
async function importFile(page: Page, file: string) {
	await importInput(page).setInputFiles(file);
}
const dd = (page: Page, label: string) => page.getByLabel(label, { exact: true }).first();
const timeline = (page: Page) => page.getByRole('treegrid', { name: 'Trace timeline' });

async function totalSpans(page: Page) {
	return (await dd(page, 'Total Spans').innerText()).trim();
}

function writeTrace(name: string, trace: unknown) {
	const f = path.join(tmp, name);
	writeFileSync(f, JSON.stringify(trace));
	return f;
}

const span = (id: string, parent: string | null, start: number, duration: number, extra: Record<string, unknown> = {}) => ({
	traceID: 'abc1', spanID: id, operationName: `op-${id}`, flags: 1,
	references: parent ? [{ refType: 'CHILD_OF', traceID: 'abc1', spanID: parent }] : [],
	startTime: start, duration, tags: [], logs: [], processID: 'p1', ...extra
});

test('every trace fixture opens on /traces with its span count, and edge cases show warnings', async ({ page, url, consoleErrors }) => {
	const files = readdirSync(fixtureDir).filter((f) => f.endsWith('.json')).sort();
	assert.deepEqual(files, Object.keys(expected).sort(), 'the expectation table covers every fixture');
	await page.goto(url('/traces'));
	for (const f of files) {
		const e = expected[f];
		await importFile(page, path.join(fixtureDir, f));
		await page.getByText(f, { exact: true }).waitFor();
		await timeline(page).getByRole('row').first().waitFor();
		assert.equal(await totalSpans(page), String(e.spans[0]), `${f}: Total Spans`);
		if (e.records) assert.ok((await page.locator('.file').innerText()).includes(`${e.records.toLocaleString('en-US')} span record`), `${f}: records`);
		if (e.spans.length > 1) {
			const list = page.getByRole('navigation', { name: 'Imported traces' });
			for (let k = 1; k < e.spans.length; k++) {
				const item = list.getByRole('button', { name: new RegExp(`\\b${e.spans[k]} spans?\\b`) }).last();
				await item.click();
				await page.waitForFunction((n) => document.querySelector('[aria-labelledby] + *, dd') && [...document.querySelectorAll('dd')].some((d) => d.getAttribute('aria-labelledby') && d.textContent === n), String(e.spans[k]));
				assert.equal(await totalSpans(page), String(e.spans[k]), `${f}: trace ${k + 1} Total Spans`);
			}
		}
		if (e.warn) {
			const text = [await page.locator('.file').innerText(), await page.locator('.trace-header').innerText()].join('\n');
			let all = text;
			if (!e.warn.test(all)) {
				// span-level warnings: open each flagged span
				const rows = timeline(page).getByRole('row');
				for (let r = 0; r < (await rows.count()) && !e.warn.test(all); r++) {
					await rows.nth(r).click();
					all += await page.getByRole('region', { name: 'Span details' }).innerText();
				}
			}
			assert.match(all, e.warn, `${f}: shows a warning`);
		}
	}
	assert.deepEqual(consoleErrors, []);
}, { timeoutMs: 120_000 });

test('the timeline: one row per span with aria-level, header values, details with tags, logs and references', async ({ page, url, consoleErrors }) => {
	await page.goto(url('/traces'));
	await importFile(page, path.join(fixtureDir, 'jaeger-tutorial-multiple-services.json'));
	const rows = timeline(page).getByRole('row');
	await rows.first().waitFor();
	assert.equal(await rows.count(), 5);
	assert.equal(await dd(page, 'Services').innerText(), '3');
	assert.equal(await dd(page, 'Depth').innerText(), '3');
	assert.match(await dd(page, 'Duration').innerText(), /^\d+(\.\d+)?(μs|ms|s)$/);
	const levels = await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('aria-level'))));
	assert.equal(levels[0], 1);
	assert.ok(levels.includes(2) && levels.includes(3), `levels ${levels}`);
	await timeline(page).getByRole('row', { name: /formatter.*format/ }).first().click();
	const details = page.getByRole('region', { name: 'Span details' });
	await details.waitFor();
	const text = await details.innerText();
	for (const want of ['formatter', 'Tags', 'Process', 'Logs', 'References', 'CHILD_OF', 'hostname']) assert.ok(text.includes(want), `details show ${want}`);
	// logs carry relative timestamps
	assert.match(text, /\d+(\.\d+)?(μs|ms)\n/);
	// following a reference goes to the parent span
	await details.getByRole('list', { name: 'References' }).getByRole('button').first().click();
	await page.waitForFunction(() => document.querySelector('[role=row][aria-selected=true]')?.getAttribute('aria-level') === '2');
	assert.deepEqual(consoleErrors, []);
});

test('keyboard: arrows move, left collapses, right expands, Enter opens details', async ({ page, url }) => {
	await page.goto(url('/traces'));
	await importFile(page, path.join(fixtureDir, 'jaeger-tutorial-multiple-services.json'));
	const rows = timeline(page).getByRole('row');
	await rows.first().click();
	await page.keyboard.press('ArrowDown');
	const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-row'));
	assert.equal(await focused(), '1');
	await page.keyboard.press('ArrowUp');
	assert.equal(await focused(), '0');
	await page.keyboard.press('ArrowLeft');
	await page.waitForFunction(() => document.querySelectorAll('[role=treegrid] [role=row]').length === 1);
	assert.equal(await rows.first().getAttribute('aria-expanded'), 'false');
	await page.keyboard.press('ArrowRight');
	await page.waitForFunction(() => document.querySelectorAll('[role=treegrid] [role=row]').length === 5);
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('Enter');
	const name = await rows.nth(2).getAttribute('aria-label');
	const details = await page.getByRole('region', { name: 'Span details' }).innerText();
	assert.ok(details.includes(name!.split(' ')[0]), `details for ${name}`);
	assert.equal(await rows.nth(2).getAttribute('aria-selected'), 'true');
});

test('expand and collapse one level at a time, or all', async ({ page, url, consoleErrors }) => {
	await page.goto(url('/traces'));
	await importFile(page, path.join(fixtureDir, 'otlp-apiv3-hotrod-getTrace-response.json'));
	const rows = timeline(page).getByRole('row');
	await rows.first().waitFor();
	const count = async () => Number(await timeline(page).getAttribute('aria-rowcount'));
	assert.equal(await count(), 40);
	const levels = page.getByRole('group', { name: 'Expand and collapse' });
	await levels.getByRole('button', { name: 'Collapse +1' }).click();
	const oneLess = await count();
	assert.ok(oneLess < 40 && oneLess > 1, `the deepest level closed (${oneLess} rows)`);
	await levels.getByRole('button', { name: 'Collapse +1' }).click();
	assert.ok((await count()) < oneLess);
	await levels.getByRole('button', { name: 'Expand +1' }).click();
	assert.equal(await count(), oneLess);
	await levels.getByRole('button', { name: 'Collapse all' }).click();
	assert.equal(await count(), 1);
	await levels.getByRole('button', { name: 'Expand all' }).click();
	assert.equal(await count(), 40);
	assert.deepEqual(consoleErrors, []);
});

test('the name column is resizable: drag the divider or use the arrow keys', async ({ page, url, consoleErrors }) => {
	await page.goto(url('/traces'));
	await importFile(page, path.join(fixtureDir, 'otlp-apiv3-hotrod-getTrace-response.json'));
	const firstName = timeline(page).getByRole('row').first().getByRole('gridcell').first();
	await firstName.waitFor();
	const divider = page.getByRole('separator', { name: 'Width of the name column' });
	assert.equal(await divider.getAttribute('aria-valuenow'), '34');
	const before = (await firstName.boundingBox())!.width;
	const box = (await divider.boundingBox())!;
	const tl = (await page.locator('.timeline').boundingBox())!;
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await page.mouse.down();
	await page.mouse.move(tl.x + tl.width * 0.6, box.y + box.height / 2, { steps: 5 });
	await page.mouse.up();
	assert.equal(await divider.getAttribute('aria-valuenow'), '60');
	const after = (await firstName.boundingBox())!.width;
	assert.ok(after > before * 1.5, `the name cells widen with it (${before} → ${after})`);
	await divider.focus();
	await page.keyboard.press('ArrowLeft');
	assert.equal(await divider.getAttribute('aria-valuenow'), '58');
	await page.keyboard.press('Home');
	assert.equal(await divider.getAttribute('aria-valuenow'), '15');
	assert.deepEqual(consoleErrors, []);
});

test('tag values, log fields and names are text, never HTML', async ({ page, url, consoleErrors }) => {
	const evil = '<img src=x onerror="window.__xss=1">';
	const file = writeTrace('xss.json', {
		data: [{
			traceID: 'abc1',
			processes: { p1: { serviceName: `svc ${evil}`, tags: [{ key: 'ip', type: 'string', value: evil }] } },
			spans: [span('a1', null, 1_700_000_000_000_000, 1000, {
				operationName: `op ${evil}`,
				tags: [{ key: 'payload', type: 'string', value: evil }, { key: 'error', type: 'bool', value: true }],
				logs: [{ timestamp: 1_700_000_000_000_100, fields: [{ key: 'event', type: 'string', value: evil }] }]
			})]
		}]
	});
	await page.goto(url('/traces'));
	await importFile(page, file);
	await timeline(page).getByRole('row').first().click();
	const details = page.getByRole('region', { name: 'Span details' });
	await details.waitFor();
	await page.getByRole('tab', { name: 'Graph', exact: true }).click();
	await page.getByRole('tab', { name: 'Flamegraph' }).click();
	await page.getByRole('tab', { name: 'Statistics' }).click();
	await page.getByRole('tab', { name: 'JSON' }).click();
	await page.getByRole('tab', { name: 'Timeline' }).click();
	await page.waitForTimeout(300);
	assert.ok((await details.innerText()).includes(evil), 'the tag value shows as text');
	assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
	assert.equal(await page.locator('main img').count(), 0, 'no <img> was created');
	assert.deepEqual(consoleErrors, []);
});

test('find in trace highlights matches and steps through them; critical path and zoom', async ({ page, url }) => {
	await page.goto(url('/traces'));
	await importFile(page, path.join(fixtureDir, 'otlp-apiv3-hotrod-getTrace-response.json'));
	await timeline(page).getByRole('row').first().waitFor();
	await page.getByRole('searchbox', { name: 'Find in trace' }).fill('redis');
	const status = page.locator('.find [role=status]');
	await page.waitForFunction(() => /\d+ match/.test(document.querySelector('.find [role=status]')?.textContent ?? ''));
	const n = Number((await status.innerText()).match(/(\d+) match/)![1]);
	assert.ok(n > 1, `matches: ${n}`);
	await page.getByRole('button', { name: 'Next match' }).click();
	await page.getByRole('button', { name: 'Next match' }).click();
	assert.match(await status.innerText(), new RegExp(`^2 of ${n}`));
	const sel = await page.locator('[role=row][aria-selected=true]').getAttribute('aria-label');
	assert.match(sel!, /redis/);
	assert.ok((await page.locator('[role=row].match').count()) >= 1);
	await page.getByLabel('Critical path').check();
	await page.locator('.crit').first().waitFor();
	// zoom by dragging on the minimap
	const box = (await page.getByRole('slider', { name: /minimap/ }).boundingBox())!;
	await page.mouse.move(box.x + box.width * 0.5, box.y + 20);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width * 0.75, box.y + 20, { steps: 4 });
	await page.mouse.up();
	await page.getByRole('button', { name: 'Reset zoom' }).waitFor();
	assert.match(await page.getByRole('slider', { name: /minimap/ }).getAttribute('aria-valuetext') as string, /^50% to 75%/);
});

test('alternate views: graph, statistics, flamegraph and JSON with downloads', async ({ page, url, consoleErrors }) => {
	await page.goto(url('/traces'));
	await importFile(page, path.join(fixtureDir, 'otlp-apiv3-hotrod-getTrace-response.json'));
	await timeline(page).getByRole('row').first().waitFor();
	await page.getByRole('tab', { name: 'Graph', exact: true }).click();
	// Jaeger UI's grouping by call path first; by service and operation folds it further
	const byPath = page.getByRole('img', { name: /Trace graph of \d+ call-path nodes/ });
	await byPath.waitFor();
	assert.ok((await byPath.locator('text').allTextContents()).some((t) => t === 'frontend'));
	const pathNodes = Number((await byPath.getAttribute('aria-label'))!.match(/\d+/)![0]);
	await page.getByLabel('Group spans').selectOption('operation');
	const byOperation = page.getByRole('img', { name: /Trace graph of \d+ operations/ });
	await byOperation.waitFor();
	const opNodes = Number((await byOperation.getAttribute('aria-label'))!.match(/\d+/)![0]);
	assert.ok(opNodes <= pathNodes, `service+operation never has more nodes (${opNodes} ≤ ${pathNodes})`);
	await page.getByRole('tab', { name: 'Statistics' }).click();
	const table = page.getByRole('region', { name: 'Trace statistics' }).getByRole('table');
	assert.ok((await table.getByRole('row').count()) > 5);
	assert.ok((await table.innerText()).includes('mysql'));
	await page.getByRole('tab', { name: 'Flamegraph' }).click();
	assert.ok((await page.getByRole('region', { name: 'Flamegraph' }).getByRole('button').count()) > 5);
	await page.getByRole('tab', { name: 'JSON' }).click();
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download OTLP JSON' }).click()]);
	const body = JSON.parse(await new Response((await download.createReadStream()) as unknown as ReadableStream).text());
	assert.ok(Array.isArray(body.resourceSpans));
	const [d2] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Jaeger JSON' }).click()]);
	const j = JSON.parse(await new Response((await d2.createReadStream()) as unknown as ReadableStream).text());
	assert.equal(j.data[0].spans.length, 40);
	assert.deepEqual(consoleErrors, []);
});

test('a broken file shows a clear alert', async ({ page, url }) => {
	await page.goto(url('/traces'));
	const f = path.join(tmp, 'broken.json');
	writeFileSync(f, '{"data": [ {"nope": 1 ');
	await importFile(page, f);
	const alert = page.getByRole('alert');
	await alert.waitFor();
	assert.match(await alert.innerText(), /broken\.json/);
});

test('search imported traces (tags in logfmt), scatter plot, compare two, dependency graph', async ({ page, url, consoleErrors }) => {
	await page.goto(url('/traces'));
	const mk = (id: string, slow: boolean, extra: boolean) => ({
		traceID: id,
		processes: { p1: { serviceName: 'web', tags: [] }, p2: { serviceName: 'db', tags: [] } },
		spans: [
			{ ...span('1', null, 1_700_000_000_000_000, slow ? 9000 : 3000, { tags: [{ key: 'http.status_code', type: 'int64', value: slow ? 500 : 200 }] }), traceID: id, operationName: 'GET /' },
			{ ...span('2', '1', 1_700_000_000_000_100, slow ? 8000 : 2000, { processID: 'p2' }), traceID: id, operationName: 'query', references: [{ refType: 'CHILD_OF', traceID: id, spanID: '1' }] },
			...(extra ? [{ ...span('3', '1', 1_700_000_000_000_200, 100, { processID: 'p2' }), traceID: id, operationName: 'cache', references: [{ refType: 'CHILD_OF', traceID: id, spanID: '1' }] }] : [])
		]
	});
	const file = writeTrace('two.json', { data: [mk('aaaa1', false, false), mk('bbbb2', true, true)] });
	await importFile(page, file);
	await page.getByText('2 traces searchable').waitFor();
	await page.getByRole('tab', { name: 'Search' }).click();
	await page.getByLabel('Service').selectOption('web');
	await page.getByLabel('Tags').fill('http.status_code=500');
	await page.getByRole('button', { name: 'Find Traces' }).click();
	await page.getByText('1 trace found').waitFor();
	await page.getByLabel('Tags').fill('');
	await page.getByRole('button', { name: 'Find Traces' }).click();
	await page.getByText('2 traces found').waitFor();
	assert.equal(await page.getByRole('group', { name: /duration over time/ }).getByRole('button').count(), 2);
	await page.getByLabel('Min duration').fill('fast');
	await page.getByRole('button', { name: 'Find Traces' }).click();
	await page.getByRole('alert').waitFor();
	await page.getByLabel('Min duration').fill('5ms');
	await page.getByRole('button', { name: 'Find Traces' }).click();
	await page.getByText('1 trace found').waitFor();
	await page.getByLabel('Min duration').fill('');
	await page.getByRole('button', { name: 'Find Traces' }).click();
	await page.getByText('2 traces found').waitFor();
	const results = page.getByRole('list', { name: 'Search results' });
	const firstID = () => results.locator(':scope > li .mono').first().innerText();
	await page.getByLabel('Sort').selectOption('Longest First');
	assert.equal(await firstID(), 'bbbb2');
	await page.getByLabel('Sort').selectOption('Least Spans');
	assert.equal(await firstID(), 'aaaa1');
	for (const cb of await results.getByRole('checkbox').all()) await cb.check();
	await page.getByRole('button', { name: 'Compare selected (2/2)' }).click();
	const cmp = page.getByRole('region', { name: 'Trace comparison' });
	await cmp.waitFor();
	const ct = await cmp.innerText();
	assert.match(ct, /only in (A|B)/);
	assert.match(ct, /db: cache/);
	assert.match(ct, /(A|B) took longer/);
	await page.getByRole('tab', { name: 'Dependencies' }).click();
	const deps = page.getByRole('list', { name: 'Service calls' });
	await deps.waitFor();
	assert.equal((await deps.innerText()).trim(), 'web → db: 3 calls');
	const svg = page.getByRole('img', { name: /Service dependencies: 2 services, 1 edges/ });
	assert.deepEqual((await svg.locator('text').allTextContents()).sort(), ['3 calls', 'db', 'web']);
	// opening a search result shows that trace
	await page.getByRole('tab', { name: 'Search' }).click();
	await page.getByRole('button', { name: 'Find Traces' }).click();
	await page.getByRole('list', { name: 'Search results' }).getByRole('button', { name: 'web: GET /' }).first().click();
	await timeline(page).getByRole('row').first().waitFor();
	assert.deepEqual(consoleErrors, []);
});

test('a 10,000-deep chain stays usable: virtualised rows, scrolls to depth 10000', async ({ page, url, consoleErrors }) => {
	const chain = Array.from({ length: 10_000 }, (_, i) => span(`c${i}`, i ? `c${i - 1}` : null, 1_700_000_000_000_000 + i, 2 * (10_000 - i)));
	const f = writeTrace('chain.json', { data: [{ traceID: 'abc1', processes: { p1: { serviceName: 'deep', tags: [] } }, spans: chain }] });
	await page.goto(url('/traces'));
	await importFile(page, f);
	await timeline(page).getByRole('row').first().waitFor();
	assert.equal(await totalSpans(page), '10000');
	assert.equal(await dd(page, 'Depth').innerText(), '10000');
	const rendered = await timeline(page).getByRole('row').count();
	assert.ok(rendered < 100, `only visible rows are rendered (${rendered})`);
	await timeline(page).evaluate((el) => (el.scrollTop = el.scrollHeight));
	await page.waitForFunction(() => [...document.querySelectorAll('[role=treegrid] [role=row]')].some((r) => r.getAttribute('aria-level') === '10000'));
	// find on a big trace waits for a pause in typing, then counts; Enter applies what is typed at once
	const find = page.getByRole('searchbox', { name: 'Find in trace' });
	const count = page.locator('.find [role=status]');
	await find.pressSequentially('c999', { delay: 20 });
	await page.waitForFunction(() => document.querySelector('.find [role=status]')?.textContent === '11 matches');
	await find.fill('c9999');
	await find.press('Enter');
	assert.equal(await count.innerText(), '1 of 1 match');
	assert.equal(await timeline(page).locator('[aria-selected=true], .current').first().getAttribute('aria-level'), '10000');
	assert.deepEqual(consoleErrors, []);
});

test('dropping a file on the drop zone opens it', async ({ page, url, consoleErrors }) => {
	await page.goto(url('/traces'));
	await importInput(page).waitFor({ state: 'attached' });
	const text = (await import('node:fs')).readFileSync(path.join(fixtureDir, 'zipkin2-skew.json'), 'utf8');
	await page.evaluate((body) => {
		const dt = new DataTransfer();
		dt.items.add(new File([body], 'dropped.json', { type: 'application/json' }));
		const zone = document.querySelector('[aria-label="Drop trace files here"]')!;
		zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
		zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
	}, text);
	await page.getByText('dropped.json', { exact: true }).waitFor();
	assert.equal(await totalSpans(page), '4');
	assert.match(await page.locator('.file').innerText(), /Zipkin v2/);
	assert.deepEqual(consoleErrors, []);
});

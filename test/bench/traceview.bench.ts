// The trace view at scale, in Chromium, through the real UI: a generated Jaeger JSON file goes into
// the "Import traces" input; we time from the input event to the first timeline rows painted, then
// scroll the timeline programmatically, one step per animation frame, and time each frame.
import { mkdtempSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadavg, cpus } from 'node:os';
import { printTable, percentile } from './lib/table';
import { openSite } from './lib/site';

interface Gen {
	label: string;
	spans: number;
	chain: boolean;
}
const ALL_CASES: Gen[] = [
	{ label: '1k spans', spans: 1_000, chain: false },
	{ label: '10k spans', spans: 10_000, chain: false },
	{ label: '100k spans', spans: 100_000, chain: false },
	{ label: '10,000-deep chain', spans: 10_000, chain: true }
];
// TRACEVIEW_BENCH_CASES=10k,chain runs only the cases whose label contains one of the words
const only = process.env.TRACEVIEW_BENCH_CASES?.split(',').filter(Boolean);
const CASES = only ? ALL_CASES.filter((c) => only.some((w) => c.label.includes(w))) : ALL_CASES;
const SAMPLES = Number(process.env.TRACEVIEW_BENCH_SAMPLES ?? 3);
const SCROLL_FRAMES = 120;

/** Deterministic: each span's parent is a random earlier span (or the previous one for a chain), 8 services, tags, some logs and errors. */
function generate(n: number, chain: boolean) {
	let x = 42;
	const rand = () => (x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
	const t0 = 1_700_000_000_000_000;
	const start: number[] = [];
	const dur: number[] = [];
	const spans = [];
	for (let i = 0; i < n; i++) {
		const parent = i === 0 ? -1 : chain ? i - 1 : Math.floor(rand() * i);
		const s = parent < 0 ? t0 : start[parent] + Math.floor(rand() * Math.max(1, dur[parent] / 2));
		const d = parent < 0 ? 10_000_000 : chain ? Math.max(1, dur[parent] - 2) : Math.max(1, Math.floor(rand() * (start[parent] + dur[parent] - s)));
		start.push(s);
		dur.push(d);
		const svc = i % 8;
		spans.push({
			traceID: '5eed', spanID: (i + 1).toString(16), operationName: `op-${svc}-${i % 37}`, flags: 1,
			references: parent < 0 ? [] : [{ refType: 'CHILD_OF', traceID: '5eed', spanID: (parent + 1).toString(16) }],
			startTime: s, duration: d,
			tags: [
				{ key: 'span.kind', type: 'string', value: i % 2 ? 'server' : 'client' },
				{ key: 'http.status_code', type: 'int64', value: i % 97 === 0 ? 500 : 200 },
				...(i % 97 === 0 ? [{ key: 'error', type: 'bool', value: true }] : [])
			],
			logs: i % 5 === 0 ? [{ timestamp: s + Math.floor(d / 2), fields: [{ key: 'event', type: 'string', value: 'checkpoint' }] }] : [],
			processID: `p${svc + 1}`
		});
	}
	const processes: Record<string, unknown> = {};
	for (let k = 0; k < 8; k++) processes[`p${k + 1}`] = { serviceName: `service-${k}`, tags: [{ key: 'hostname', type: 'string', value: `host-${k}` }] };
	return { data: [{ traceID: '5eed', spans, processes }] };
}

const dir = mkdtempSync(path.join(tmpdir(), 'traceview-bench-'));
const files = CASES.map((c) => {
	const f = path.join(dir, `${c.label.replace(/\W+/g, '-')}.json`);
	writeFileSync(f, JSON.stringify(generate(c.spans, c.chain)));
	return f;
});

const site = await openSite();
type W = { __tv: { input?: number; painted?: number } };

async function run(file: string) {
	const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	await page.addInitScript(() => {
		const tv: W['__tv'] = ((window as unknown as W).__tv = {});
		document.addEventListener('input', (e) => {
			if ((e.target as HTMLInputElement).type === 'file') tv.input = performance.now();
		}, true);
		// The Element Timing API: when the first timeline row's text was painted (the frame's
		// presentation time), whatever tasks the page runs after that frame.
		new PerformanceObserver((list) => {
			for (const e of list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number })[])
				if (e.identifier === 'trace-timeline-first-row' && tv.input !== undefined && tv.painted === undefined) tv.painted = e.renderTime || e.startTime;
		}).observe({ type: 'element', buffered: true });
	});
	await page.goto(site.origin + '/traces');
	await page.getByLabel('Import traces').waitFor({ state: 'attached' });
	await page.waitForFunction(() => document.querySelector('.drop') !== null);
	await page.waitForTimeout(200); // hydration
	await page.getByLabel('Import traces').setInputFiles(file);
	await page.waitForFunction(() => (window as unknown as W).__tv.painted !== undefined, null, { timeout: 120_000 });
	const { paint, read, parse } = await page.evaluate(() => {
		const tv = (window as unknown as W).__tv;
		// (no local function here: tsx would wrap it in a __name() the page does not have)
		const [read, parsed] = ['traceview:read', 'traceview:parsed'].map((n) => performance.getEntriesByName(n, 'mark').at(-1)?.startTime ?? NaN);
		return { paint: tv.painted! - tv.input!, read: read - tv.input!, parse: parsed - read };
	});
	const rowsInDom = await page.locator('[role=treegrid] [role=row]').count();
	// wait for the background ingest into the in-page backend, so it does not share frames with scrolling
	await page.getByText(/traces? searchable/).waitFor({ timeout: 120_000 });
	const frames = await page.evaluate(async (n) => {
		const el = document.querySelector<HTMLElement>('[role=treegrid]')!;
		const work: number[] = [];
		const interval: number[] = [];
		let last = 0;
		const step = Math.max(24, Math.floor((el.scrollHeight - el.clientHeight) / n));
		for (let k = 0; k < n; k++) {
			await new Promise<void>((ok) =>
				requestAnimationFrame(async (ts) => {
					if (last) interval.push(ts - last);
					last = ts;
					const t0 = performance.now();
					el.scrollTop = (k + 1) * step;
					el.dispatchEvent(new Event('scroll')); // handle it now, not at the next frame's scroll steps
					await Promise.resolve();
					await Promise.resolve();
					void document.body.offsetHeight; // style + layout of the new rows
					work.push(performance.now() - t0);
					ok();
				})
			);
		}
		return { work, interval };
	}, SCROLL_FRAMES);
	await context.close();
	return { paint, read, parse, rowsInDom, work: frames.work, interval: frames.interval };
}

const rows: (string | number)[][] = [];
for (let c = 0; c < CASES.length; c++) {
	const paints: number[] = [];
	const reads: number[] = [];
	const parses: number[] = [];
	const work: number[] = [];
	const interval: number[] = [];
	let dom = 0;
	for (let s = 0; s < SAMPLES; s++) {
		const r = await run(files[c]);
		paints.push(r.paint);
		reads.push(r.read);
		parses.push(r.parse);
		work.push(...r.work);
		interval.push(...r.interval);
		dom = r.rowsInDom;
	}
	const target = CASES[c].spans >= 100_000 ? '< 2000' : CASES[c].spans >= 10_000 ? '< 300' : '';
	rows.push([
		CASES[c].label,
		(statSync(files[c]).size / 1048576).toFixed(1),
		percentile(paints, 50),
		Math.max(...paints),
		target,
		percentile(reads, 50),
		percentile(parses, 50),
		percentile(paints.map((x, k) => x - reads[k] - parses[k]), 50),
		dom,
		percentile(work, 50),
		percentile(work, 95),
		percentile(interval, 50),
		percentile(interval, 95)
	]);
}
await site.close();

printTable({
	title: `Trace view: import → first timeline paint, and scrolling (Chromium, ${SAMPLES} cold contexts per case, ${SCROLL_FRAMES} scroll frames each)`,
	columns: ['trace', 'file MiB', 'paint p50 ms', 'paint max ms', 'target ms', 'read ms', 'import ms', 'view ms', 'rows in DOM', 'scroll work p50 ms', 'scroll work p95 ms', 'frame p50 ms', 'frame p95 ms'],
	rows,
	notes: [
		`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min) at the end of the run — figures scale with it.`,
		'paint: from the file input\'s input event to the paint of the first timeline row (Element Timing renderTime) = read (File.text) + import (parseTraceFile: JSON.parse, convert, repair, clock skew — $lib/model) + view (tree, prepare, render, paint — the trace view), p50 of each.',
		'scroll work: script + style + layout for one programmatic scroll step (target < 16 ms); frame: interval between animation frames while scrolling (16.7 = no dropped frame).'
	]
});

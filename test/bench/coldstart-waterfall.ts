// `npx tsx test/bench/coldstart-waterfall.ts`: where a cold first visit's time goes, for one visit
// of the coldstart bench's step (served compressed, behind 10 Mbit/s / 40 ms): every request through
// the throttling proxy (asked, first byte, last byte, size) interleaved with the page's milestones
// (text, editor, Solve, Run, the compiler's states and the run's phases from the app's performance
// marks, the pass) and the long tasks until the pass, each named by a CPU profile's heaviest
// functions. A tool for finding what to fix, not a bench.
//
//   WATERFALL_LINK=2 …        2 Mbit/s / 100 ms instead (=0: unthrottled, to see the CPU alone)
//   WATERFALL_PROFILE=0 …     no CPU profile (it slows the page a little)
//   WATERFALL_TRACE=1 …       also a Chromium trace: each thread's busy time between the milestones
//   WATERFALL_TRACE_FILE=f …  and the trace saved to f (opens in chrome://tracing or Perfetto)
import { createServer } from 'node:http';
import { siteHandler } from '../../src/lib/course/site-server';
import { launchChromium } from '../e2e/browser';
import { BUILD_DIR } from '../e2e/serve';
import { ensureBuild } from './lib/site';
import { throttledProxy } from './lib/throttle';
import { ALIGN_MARK, blameTasks, type Profile } from './lib/cpu-profile';
import { pageMilestones, type Milestones } from './lib/page-milestones';

const STEP = '/tutorial/hello-span/real-tracer';
const LINKS = {
	'10': { name: '10 Mbit/s, 40 ms', bitsPerSecond: 10e6, latencyMs: 40 },
	'2': { name: '2 Mbit/s, 100 ms', bitsPerSecond: 2e6, latencyMs: 100 },
	'0': { name: 'an unthrottled link (10 Gbit/s, 0 ms)', bitsPerSecond: 1e10, latencyMs: 0 }
};
const link = LINKS[(process.env.WATERFALL_LINK ?? '10') as keyof typeof LINKS] ?? LINKS['10'];
const profiling = process.env.WATERFALL_PROFILE !== '0';
const tracing = process.env.WATERFALL_TRACE === '1';
type TraceEvent = { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: Record<string, any> };
const traceEvents: TraceEvent[] = [];

await ensureBuild();
const server = createServer(siteHandler(BUILD_DIR, { compressed: true }));
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const a = server.address();
const proxy = await throttledProxy(`http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`, link);
const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
await page.addInitScript(pageMilestones);
const cdp = await context.newCDPSession(page);
if (profiling) {
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
	await cdp.send('Profiler.start');
}
const browserCdp = tracing ? await browser.newBrowserCDPSession() : null;
if (browserCdp) {
	(browserCdp as unknown as { on(e: string, f: (x: { value: TraceEvent[] }) => void): void }).on('Tracing.dataCollected', (e) => traceEvents.push(...e.value));
	await browserCdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.wasm', 'disabled-by-default-v8.wasm.detailed', 'blink.user_timing', 'v8', 'disabled-by-default-v8.compile', 'disabled-by-default-v8.runtime_stats'] } } as never);
}
const now = () => page.evaluate(() => performance.now());
await page.goto(proxy.origin + STEP, { waitUntil: 'commit' });
await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 120_000 });
await page.getByRole('button', { name: 'Solve' }).click();
const solveAt = await now();
await page.getByRole('button', { name: 'Run' }).click();
const runAt = await now();
await page.getByRole('region', { name: 'Checks' }).getByText('All checks passed').waitFor({ timeout: 120_000 });
const passLog = proxy.log.slice();
const t = await page.evaluate(() => (window as unknown as { __milestones: Milestones }).__milestones);
const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => ({ name: m.name, at: m.startTime })));
const timeOrigin = await page.evaluate(() => performance.timeOrigin);
if (browserCdp) {
	const done = new Promise((r) => (browserCdp as unknown as { once(e: string, f: () => void): void }).once('Tracing.tracingComplete', () => r(null)));
	await browserCdp.send('Tracing.end');
	await done;
}
let blame: string[][] = t.tasks.map(() => []);
if (profiling) {
	const markAt = (await page.evaluate(ALIGN_MARK)) as number;
	const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
	blame = blameTasks(t.tasks, profile, markAt, 4);
}
await context.close();
await browser.close();
await proxy.close();
server.closeAllConnections();
server.close();

// the proxy's clock (Date.now() since it started) on the page's (performance.now() since navigation)
const shift = proxy.startedAt - timeOrigin;
const rows: { at: number; line: string }[] = [];
const f = (ms: number) => (Number.isFinite(ms) ? (ms / 1000).toFixed(2).padStart(6) : '     ?');
for (const r of passLog) {
	const kb = (r.bytes / 1024).toFixed(0).padStart(6);
	rows.push({ at: r.start + shift, line: `${f(r.start + shift)} ${f(r.firstByte + shift)} ${f(r.end + shift)} ${kb} KB ${(r.encoding || '-').padEnd(3)} ${r.path}` });
}
const milestone = (at: number | undefined, what: string) => at !== undefined && rows.push({ at, line: `${f(at)} ${''.padStart(6)} ${''.padStart(6)} ${''.padStart(9)}     ── ${what}` });
milestone(fcp, 'first contentful paint');
milestone(t.text, 'lesson text (article h1)');
milestone(t.editor, 'editor ready (first view-line)');
milestone(solveAt, 'Solve clicked');
milestone(runAt, 'Run clicked');
milestone(t.pass, 'All checks passed');
for (const m of marks) if (m.name.startsWith('tour: ')) milestone(m.at, m.name.slice(6));
for (const [i, task] of t.tasks.entries()) if (task.start < (t.pass ?? Infinity)) milestone(task.start, `long task ${task.duration.toFixed(0)} ms${blame[i].length ? ': ' + blame[i].join('; ') : ''}`);
rows.sort((x, y) => x.at - y.at);
console.log(`Cold first visit of ${STEP}, compressed, behind ${link.name}${profiling ? ', CPU profile on' : ''}`);
console.log(`${'asked'.padStart(6)} ${'1st B'.padStart(6)} ${'done'.padStart(6)} ${'size'.padStart(9)} enc path (s since navigation)`);
for (const r of rows) console.log(r.line);
// the link's use per half second: how far from its rate it ran (idle gaps, or a proxy starved of CPU)
const perHalf: string[] = [];
const tl = proxy.timeline;
for (let i = 2; i < tl.length; i += 2) {
	const from = tl[i - 2] ?? 0;
	const to = tl[i] ?? from;
	const at = (i - 2) * 250 + shift;
	if (at > (t.pass ?? Infinity)) break;
	perHalf.push(`${(at / 1000).toFixed(1)}s:${Math.round((((to - from) * 8) / 0.5 / link.bitsPerSecond) * 100)}%`);
}
console.log(`\nlink use per 0.5 s (of ${link.bitsPerSecond / 1e6} Mbit/s): ${perHalf.join(' ')}`);
if (tracing) threadBusy();
if (tracing && process.env.WATERFALL_TRACE_FILE) (await import('node:fs')).writeFileSync(process.env.WATERFALL_TRACE_FILE, JSON.stringify({ traceEvents }));
const total = passLog.reduce((n, r) => n + r.bytes, 0);
console.log(`\n${passLog.length} requests, ${(total / 1e6).toFixed(2)} MB until the pass (${(proxy.bytes / 1e6).toFixed(2)} MB by now)`);

/** Per thread: ms inside top-level tasks in each window between the compiler's stages and the pass. */
function threadBusy() {
	const nav = traceEvents.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && e.args?.data?.documentLoaderURL?.includes(STEP));
	if (!nav) return console.log('\n(trace: no navigationStart found)');
	const names = new Map<string, string>();
	for (const e of traceEvents) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name);
	const at = (name: string) => marks.find((m) => m.name === `tour: ${name}`)?.at;
	const edges: [string, number | undefined][] = [
		['navigation', 0],
		['compiler lastByte', at('compiler lastByte')],
		['compiler initialized', at('compiler initialized')],
		['compiler warmed', at('compiler warmed')],
		['run starting', at('run starting')],
		['pass', t.pass]
	];
	const windows = edges.slice(1).map(([name, end], i) => ({ label: `${edges[i][0]} → ${name}`, from: edges[i][1], to: end }));
	const tasks = traceEvents.filter((e) => e.ph === 'X' && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') && e.dur);
	console.log('\nbusy ms per thread (top-level tasks) in each window:');
	for (const w of windows) {
		if (w.from === undefined || w.to === undefined) continue;
		const lo = nav.ts + w.from * 1000;
		const hi = nav.ts + w.to * 1000;
		const busy = new Map<string, number>();
		for (const e of tasks) {
			const overlap = Math.min(hi, e.ts + e.dur!) - Math.max(lo, e.ts);
			if (overlap > 0) busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + overlap / 1000);
		}
		const top = [...busy].sort((a, b) => b[1] - a[1]).slice(0, 6);
		console.log(`  ${w.label} (${((w.to - w.from) / 1000).toFixed(2)} s): ${top.map(([k, ms]) => `${names.get(k) ?? k} ${ms.toFixed(0)}`).join(', ')}`);
		// what the busiest thread did: trace events inside its tasks, by name (nested ones counted again)
		const [busiest] = top[0] ?? [];
		const parts = [...ranInside(busiest, lo, hi, (e) => e.name)].sort((a, b) => b[1] - a[1]).slice(0, 6);
		if (parts.length) console.log(`      ${names.get(busiest) ?? busiest}: ${parts.map(([n, ms]) => `${n} ${ms.toFixed(0)}`).join(', ')}`);
	}
	// the page's main thread: each task over 50 ms before the pass, by what ran inside it
	// the page's renderer: of the CrRendererMain threads, the one busiest after navigation
	const mainBusy = new Map<string, number>();
	for (const e of tasks) if (names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain' && e.ts >= nav.ts) mainBusy.set(`${e.pid}:${e.tid}`, (mainBusy.get(`${e.pid}:${e.tid}`) ?? 0) + e.dur!);
	const mainKey = [...mainBusy].sort((a, b) => b[1] - a[1])[0]?.[0];
	console.log('\nmain-thread tasks over 50 ms before the pass (what ran inside, ms; nested events counted again):');
	for (const task of tasks) {
		if (`${task.pid}:${task.tid}` !== mainKey || task.dur! < 50_000 || task.ts < nav.ts || task.ts > nav.ts + (t.pass ?? Infinity) * 1000) continue;
		const inside = ranInside(mainKey, task.ts, task.ts + task.dur!, (e) => e.name + (e.args?.data?.url ? ` ${String(e.args.data.url).split('/').pop()}` : ''));
		const parts = [...inside].sort((a, b) => b[1] - a[1]).slice(0, 14);
		console.log(`  ${((task.ts - nav.ts) / 1e6).toFixed(2)} s, ${(task.dur! / 1000).toFixed(0)} ms: ${parts.map(([n, ms]) => `${n} ${ms.toFixed(0)}`).join(', ')}`);
	}
}

/** ms of each kind of trace event one thread ran between `lo` and `hi` (trace µs), by `label`: nested events are counted again; the tasks that hold them are not. */
function ranInside(thread: string | undefined, lo: number, hi: number, label: (e: TraceEvent) => string): Map<string, number> {
	const inside = new Map<string, number>();
	for (const e of traceEvents) {
		if (`${e.pid}:${e.tid}` !== thread || e.ph !== 'X' || !e.dur || e.name.endsWith('RunTask')) continue;
		const overlap = Math.min(hi, e.ts + e.dur) - Math.max(lo, e.ts);
		if (overlap > 0) inside.set(label(e), (inside.get(label(e)) ?? 0) + overlap / 1000);
	}
	return inside;
}

// `npx tsx test/bench/profile-trace.ts`: what the page's main thread and the backend worker do during
// the backend bench's 100,000-span burst, from a Chromium trace (every thread, unlike a page CPU
// profile): per thread, busy time by trace event and JS self time; for the main thread's long
// tasks (> 50 ms), what they were made of. A tool for finding what to fix, not a bench.
import { backendBurst } from './lib/backend-burst';
import type { CDPSession, Page } from 'playwright-core';
import { openSite } from './lib/site';
import { timedRun } from './lib/timed-run';
import { drain } from './lib/world-programs';
import { encodeShare } from '../../src/lib/course/share';

type Ev = { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; id?: string; args?: Record<string, any> };
import { readFileSync, writeFileSync } from 'node:fs';

// `… profile-trace.ts /tmp/burst-trace.json` analyses a trace saved by an earlier run instead of running;
// `… profile-trace.ts drain` traces the world bench's 10,000-message drain (after a warm-up run) instead;
// `… profile-trace.ts capstone` traces a warm run of the capstone (/playground?example=hotrod)
const mode = process.argv[2] === 'drain' || process.argv[2] === 'capstone' ? process.argv[2] : null;
const saved = process.argv[2] && !mode ? process.argv[2] : null;
const events: Ev[] = saved ? JSON.parse(readFileSync(saved, 'utf8')) : [];
let cdp: CDPSession | null = null;
const hooks = {
	async beforeRun(page: Page) {
		cdp = await page.context().browser()!.newBrowserCDPSession();
		(cdp as unknown as { on(e: string, f: (x: { value: Ev[] }) => void): void }).on('Tracing.dataCollected', (e) => events.push(...e.value));
		await cdp.send('Tracing.start', {
			transferMode: 'ReportEvents',
			traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing'] }
		} as never);
	},
	async afterRun() {
		const done = new Promise((r) => (cdp as unknown as { once(e: string, f: () => void): void }).once('Tracing.tracingComplete', () => r(null)));
		await cdp!.send('Tracing.end');
		await done;
	}
};
async function tracedRun(what: 'drain' | 'capstone') {
	const site = await openSite();
	try {
		const page = await (await site.browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
		await page.goto(site.origin + (what === 'drain' ? '/playground?offline=0' + encodeShare(drain) : '/playground?offline=0&example=hotrod'));
		await page.getByRole('tab', { name: what === 'drain' ? 'producer.ts' : 'frontend.ts' }).waitFor({ timeout: 30_000 });
		await page.evaluate(() => {
			const w = window as unknown as { __long: number[] };
			w.__long = [];
			new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask' });
		});
		await timedRun(page).catch(() => {});
		await page.evaluate(() => ((window as unknown as { __long: number[] }).__long = []));
		await hooks.beforeRun(page);
		const ms = await timedRun(page).catch(() => NaN);
		await hooks.afterRun();
		const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
		console.log(`${what}: ${Math.round(ms)} ms; long tasks (${long.length}): ${long.map(Math.round).join(' ')}`);
	} finally {
		await site.close();
	}
}
const result = saved || mode ? null : await backendBurst(hooks);
if (mode) await tracedRun(mode);
if (!saved) writeFileSync('/tmp/burst-trace.json', JSON.stringify(events));
if (result) console.log(`run: ${result.status}; written ${result.written} of ${result.spans}; dropped packets ${result.dropped}; ${Math.round((result.written / result.ingestMs) * 1000)} spans/s`);
if (result) console.log(`long tasks (${result.longTasks.length}): ${result.longTasks.map(Math.round).join(' ')}`);

const threadName = new Map<string, string>();
for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args?.name);
const key = (e: Ev) => `${e.pid}:${e.tid}`;
// threads with the most top-level task time
const tasks = events.filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur);
const busy = new Map<string, number>();
for (const t of tasks) busy.set(key(t), (busy.get(key(t)) ?? 0) + t.dur! / 1000);
const threads = [...busy].sort((a, b) => b[1] - a[1]).slice(0, 6);
console.log('\nbusiest threads (ms in tasks):');
for (const [k, ms] of threads) console.log(`${ms.toFixed(0).padStart(8)} ms  ${threadName.get(k) ?? k} (${k})`);

// JS self time per thread from the sampling profiler's chunks
type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; parent?: number };
const profiles = new Map<string, { thread: string; nodes: Map<number, Node>; samples: { node: number; ts: number }[]; clock: number }>();
for (const e of events) {
	if (e.name === 'Profile') profiles.set(`${e.pid}:${e.id}`, { thread: key(e), nodes: new Map(), samples: [], clock: e.args?.data?.startTime ?? e.ts });
	if (e.name !== 'ProfileChunk') continue;
	const p = profiles.get(`${e.pid}:${e.id}`);
	if (!p) continue;
	const d = e.args?.data ?? {};
	for (const n of d.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
	const samples: number[] = d.cpuProfile?.samples ?? [];
	const deltas: number[] = d.timeDeltas ?? [];
	samples.forEach((s, i) => {
		p.clock += deltas[i] ?? 0;
		p.samples.push({ node: s, ts: p.clock });
	});
}
const label = (n: Node) => `${n.callFrame.functionName || '(anon)'} ${(n.callFrame.url ?? '').split('/').pop()}:${n.callFrame.lineNumber + 1}`;
for (const p of profiles.values()) {
	if (!threads.some(([k]) => k === p.thread)) continue;
	const self = new Map<string, number>();
	for (let i = 1; i < p.samples.length; i++) {
		const n = p.nodes.get(p.samples[i].node);
		if (!n || n.callFrame.functionName === '(idle)') continue;
		const l = label(n);
		self.set(l, (self.get(l) ?? 0) + (p.samples[i].ts - p.samples[i - 1].ts) / 1000);
	}
	console.log(`\nJS self time, ${threadName.get(p.thread) ?? p.thread}:`);
	for (const [l, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${l}`);
}

// the main thread's long tasks: the trace events directly inside each, by name
const main = [...threadName].find(([, n]) => n === 'CrRendererMain' && busy.has(threadName.size ? [...threadName].find(([, m]) => m === 'CrRendererMain')![0] : ''))?.[0];
const mains = [...threadName].filter(([, n]) => n === 'CrRendererMain').map(([k]) => k).sort((a, b) => (busy.get(b) ?? 0) - (busy.get(a) ?? 0));
const mainKey = mains[0] ?? main;
const long = tasks.filter((t) => key(t) === mainKey && t.dur! > 50_000).sort((a, b) => b.dur! - a.dur!);
console.log(`\nmain thread (${mainKey}) long tasks in the trace: ${long.map((t) => Math.round(t.dur! / 1000)).join(' ')}`);
const inside = events.filter((e) => key(e) === mainKey && e.ph === 'X' && e.dur && e.name !== 'RunTask');
const mainProfile = [...profiles.values()].find((p) => p.thread === mainKey);
for (const t of long.slice(0, 6)) {
	const end = t.ts + t.dur!;
	const byName = new Map<string, number>();
	for (const e of inside) if (e.ts >= t.ts && e.ts + e.dur! <= end) byName.set(e.name + (e.args?.data?.type ? `(${e.args.data.type})` : ''), (byName.get(e.name) ?? 0) + e.dur! / 1000);
	console.log(`\n  task of ${Math.round(t.dur! / 1000)} ms — events inside (inclusive, nested ones counted again):`);
	for (const [n, ms] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${ms.toFixed(1).padStart(10)} ms  ${n}`);
	if (mainProfile) {
		const incl = new Map<string, number>();
		const ss = mainProfile.samples;
		for (let i = 1; i < ss.length; i++) {
			if (ss[i].ts < t.ts || ss[i].ts > end) continue;
			const seen = new Set<string>();
			for (let n = mainProfile.nodes.get(ss[i].node); n; n = n.parent !== undefined ? mainProfile.nodes.get(n.parent) : undefined) seen.add(label(n));
			for (const s of seen) incl.set(s, (incl.get(s) ?? 0) + (ss[i].ts - ss[i - 1].ts) / 1000);
		}
		console.log('    JS inclusive:');
		for (const [l, ms] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE_DEPTH ?? 14))) console.log(`${ms.toFixed(1).padStart(10)} ms  ${l}`);
	}
}

// `npx tsx test/bench/profile-world.ts [drain|four]`: a CPU profile of the page's main thread while the
// world bench's drain (or 4-service) run plays, via Chromium's DevTools protocol. Prints the functions
// with the most self time (grouped by function + script) and the long tasks seen. A tool for finding
// what to fix, not a bench: not named *.bench.ts, so `npm run bench` does not run it.
import { openSite } from './lib/site';
import { timedRun } from './lib/timed-run';
import { encodeShare } from '../../src/lib/course/share';
import { drain, fourServices } from './lib/world-programs';

const which = process.argv[2] === 'four' ? 'four' : 'drain';
const files = which === 'four' ? fourServices : drain;
const site = await openSite();
const context = await site.browser.newContext();
const page = await context.newPage();
await page.goto(site.origin + '/playground' + encodeShare(files));
await page.getByRole('tab', { name: which === 'four' ? 'customer.ts' : 'producer.ts' }).waitFor({ timeout: 30_000 });
await page.evaluate(() => {
	const w = window as unknown as { __long: number[] };
	w.__long = [];
	new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(Math.round(e.duration)))).observe({ type: 'longtask' });
});
await timedRun(page).catch((e) => console.log('warm-up run:', String(e).slice(0, 200)));
await page.evaluate(() => ((window as unknown as { __long: number[] }).__long = []));
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
const ms = await timedRun(page).catch((e) => String(e).slice(0, 300));
const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }[]; samples: number[]; timeDeltas: number[] } };
const text = await page.getByRole('log', { name: 'Console' }).innerText();
const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
console.log(`run: ${typeof ms === 'number' ? Math.round(ms) + ' ms' : ms}; console tail: ${JSON.stringify(text.slice(-200))}`);
console.log(`long tasks (${long.length}): ${long.slice(0, 40).join(' ')}${long.length > 40 ? ' …' : ''}`);

// self time per node from samples × time deltas
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (id: number) => {
	const f = byId.get(id)!.callFrame;
	return `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
};
const group = new Map<string, number>();
for (const [id, t] of self) group.set(label(id), (group.get(label(id)) ?? 0) + t);
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(`\nsampled ${Math.round(total)} ms; top self time:`);
for (const [k, t] of [...group].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${t.toFixed(1).padStart(8)} ms  ${k}`);
// inclusive time per function label (each sample counted once per distinct label on its stack)
const incl = new Map<string, number>();
profile.samples.forEach((id, i) => {
	const seen = new Set<string>();
	for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) seen.add(label(n));
	for (const s of seen) incl.set(s, (incl.get(s) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
});
console.log('\ntop inclusive time:');
for (const [k, t] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 50)) console.log(`${t.toFixed(1).padStart(8)} ms  ${k}`);
// tasks: runs of samples that are not idle; for the long ones, what they spent their time in
const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
const tasks: { ms: number; at: number; samples: number[] }[] = [];
let cur: { ms: number; at: number; samples: number[] } | null = null;
let clock = 0;
profile.samples.forEach((id, i) => {
	const dt = (profile.timeDeltas[i] ?? 0) / 1000;
	clock += dt;
	if (idle.has(id)) {
		if (cur) tasks.push(cur);
		cur = null;
		return;
	}
	cur ??= { ms: 0, at: clock, samples: [] };
	cur.ms += dt;
	cur.samples.push(i);
});
if (cur) tasks.push(cur);
const longTasks = tasks.filter((t) => t.ms > 30).sort((a, b) => b.ms - a.ms).slice(0, 5);
for (const t of longTasks) {
	const inc = new Map<string, number>();
	for (const i of t.samples) {
		const seen = new Set<string>();
		for (let n: number | undefined = profile.samples[i]; n !== undefined; n = parent.get(n)) seen.add(label(n));
		for (const s of seen) inc.set(s, (inc.get(s) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
	}
	console.log(`\nbusy stretch of ${t.ms.toFixed(0)} ms at ${t.at.toFixed(0)} ms:`);
	for (const [k, v] of [...inc].sort((a, b) => b[1] - a[1]).slice(1, 16)) console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
}
await context.close();
await site.close();

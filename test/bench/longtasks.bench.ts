// Main-thread long tasks (PerformanceObserver 'longtask', ≥ 50 ms) of a cold load of /playground
// and the first step that makes a span, until the editor is ready and then until a first Run has
// finished; each long task named by the functions that took its time (a CPU profile's samples
// inside it, by self time). Unthrottled: this is about the CPU, coldstart.bench.ts about the link.
//
//   npm run bench -- longtasks
import type { Page } from 'playwright-core';
import { openSite } from './lib/site';
import { percentile, printTable } from './lib/table';

const PAGES = ['/playground', '/tutorial/hello-span/real-tracer'];
const SAMPLES = Number(process.env.LONGTASKS_SAMPLES ?? 3);
const site = await openSite();

type Task = { start: number; duration: number };
type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] };
type Profile = { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] };

async function load(path: string) {
	const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page: Page = await context.newPage();
	await page.addInitScript(() => {
		const tasks: Task[] = [];
		(window as unknown as { __tasks: Task[] }).__tasks = tasks;
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
		}).observe({ type: 'longtask', buffered: true });
	});
	const cdp = await context.newCDPSession(page);
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
	await cdp.send('Profiler.start');
	await page.goto(site.origin + path);
	await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 60_000 });
	const editorAt = await page.evaluate(() => performance.now());
	if (path.startsWith('/tutorial')) await page.getByRole('button', { name: 'Solve' }).click();
	await page.getByRole('button', { name: 'Run' }).click();
	await page.getByRole('status', { name: 'Run status' }).getByText(/^Finished/).waitFor({ timeout: 60_000 });
	await page.waitForTimeout(300);
	const tasks = await page.evaluate(() => (window as unknown as { __tasks: Task[] }).__tasks.slice());
	// a named busy loop at a known page time, to find in the profile
	const markAt = await page.evaluate('(function __alignMark() { const t = performance.now(); while (performance.now() < t + 15) {} return t; })()') as number;
	const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
	await context.close();
	const longest = tasks.reduce((a, b) => (b.duration > a.duration ? b : a), { start: 0, duration: 0 });
	if (process.env.LONGTASKS_STACKS) console.log(`${path} longest ${longest.duration.toFixed(0)} ms @ ${longest.start.toFixed(0)}:\n  ${heaviestStacks(longest, profile, markAt).join('\n  ')}`);
	return { tasks, editorAt, blame: blameTasks(tasks, profile, markAt) };
}

/**
 * For each long task: the functions with the most self time in it. The profile's clock (µs,
 * monotonic) is aligned with performance.now() by a named busy loop run at a known page time.
 */
function blameTasks(tasks: Task[], profile: Profile, markAt: number): string[][] {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	let t = profile.startTime;
	const samples = profile.samples.map((id, i) => ((t += profile.timeDeltas[i]), { id, at: t / 1000 }));
	const mark = samples.find((s) => byId.get(s.id)?.callFrame.functionName === '__alignMark');
	if (!mark) return tasks.map(() => []);
	const offset = mark.at - markAt;
	return tasks.map((task) => {
		const self = new Map<string, number>();
		for (const s of samples) {
			const at = s.at - offset;
			if (at < task.start || at > task.start + task.duration) continue;
			const f = byId.get(s.id)!.callFrame;
			if (/^\((idle|program|garbage collector)\)$/.test(f.functionName)) continue;
			const name = `${f.functionName || "(anonymous)"} ${f.url.split("/").pop()}:${f.lineNumber + 1}:${(f as { columnNumber?: number }).columnNumber ?? 0}`;
			self.set(name, (self.get(name) ?? 0) + 1);
		}
		return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([n, c]) => `${n} (${(c / 2).toFixed(0)} ms)`);
	});
}

/** The heaviest call stacks inside the longest task (leaf first), for LONGTASKS_STACKS=1. */
export function heaviestStacks(task: Task, profile: Profile, markAt: number): string[] {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	let t = profile.startTime;
	const samples = profile.samples.map((id, i) => ((t += profile.timeDeltas[i]), { id, at: t / 1000 }));
	const mark = samples.find((s) => byId.get(s.id)?.callFrame.functionName === '__alignMark');
	if (!mark) return [];
	const offset = mark.at - markAt;
	const stacks = new Map<string, number>();
	for (const s of samples) {
		const at = s.at - offset;
		if (at < task.start || at > task.start + task.duration) continue;
		const frames: string[] = [];
		for (let id: number | undefined = s.id; id !== undefined && frames.length < 8; id = parent.get(id)) {
			const f = byId.get(id)!.callFrame;
			if (f.functionName === '(root)') break;
			frames.push(`${f.functionName || '(anon)'}@${f.url.split('/').pop()}:${f.columnNumber}`);
		}
		const key = frames.join(' < ');
		stacks.set(key, (stacks.get(key) ?? 0) + 1);
	}
	return [...stacks.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, c]) => `${(c / 2).toFixed(0)} ms: ${k}`);
}

for (const path of PAGES) {
	const runs = [];
	for (let i = 0; i < SAMPLES; i++) runs.push(await load(path));
	const worst = runs.map((r) => Math.max(0, ...r.tasks.map((t) => t.duration)));
	const beforeEditor = runs.map((r) => Math.max(0, ...r.tasks.filter((t) => t.start < r.editorAt).map((t) => t.duration)));
	const total = runs.map((r) => r.tasks.reduce((a, t) => a + t.duration, 0));
	const first = runs[0];
	printTable({
		title: `Long tasks, cold load of ${path} until a first Run (Chromium, ${SAMPLES} cold contexts, unthrottled)`,
		columns: ['metric', 'p50', 'max'],
		rows: [
			['longest task until the editor is ready (ms)', percentile(beforeEditor, 50), Math.max(...beforeEditor)],
			['longest task until the first Run has finished (ms)', percentile(worst, 50), Math.max(...worst)],
			['long tasks, total (ms)', percentile(total, 50), Math.max(...total)],
			['long tasks, count', percentile(runs.map((r) => r.tasks.length), 50), Math.max(...runs.map((r) => r.tasks.length))]
		],
		notes: [
			`First sample (editor ready at ${first.editorAt.toFixed(0)} ms); long tasks ≥ 100 ms, start → duration, top self time:`,
			...first.tasks.flatMap((t, i) => (t.duration >= 100 ? [`- ${t.start.toFixed(0)} → ${t.duration.toFixed(0)} ms: ${first.blame[i].join('; ') || '?'}`] : []))
		]
	});
}
await site.close();

// Main-thread long tasks (PerformanceObserver 'longtask', ≥ 50 ms) of a cold load of /playground
// and the first step that makes a span, until the editor is ready and then until a first Run has
// finished; each long task named by the functions that took its time (a CPU profile's samples
// inside it, by self time). Unthrottled: this is about the CPU, coldstart.bench.ts about the link.
//
//   npm run bench -- longtasks
import type { Page } from 'playwright-core';
import { openSite } from './lib/site';
import { percentile, printTable } from './lib/table';
import { blameTasks, heaviestStacks, type Profile, type Task } from './lib/cpu-profile';

const PAGES = ['/playground', '/tutorial/hello-span/real-tracer'];
const SAMPLES = Number(process.env.LONGTASKS_SAMPLES ?? 3);
const site = await openSite();


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

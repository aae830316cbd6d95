// What a cold-visit bench reads in the page: when the lesson text, the editor's first line and
// "All checks passed" appeared, and every main-thread long task. The functions here run in the page
// before its own scripts (Playwright's addInitScript, or CDP's addScriptToEvaluateOnNewDocument via
// `milestonesScript`), so they are stringified: they may use nothing from this module's scope.

import type { Task } from './cpu-profile';
export type { Task };

/** Read from `window.__milestones` (ms since navigation). */
export interface Milestones {
	text?: number;
	editor?: number;
	pass?: number;
	/** first-contentful-paint, read at the pass */
	fcp?: number;
	tasks: Task[];
}

/** Records the milestones and long tasks into `window.__milestones`. */
export function pageMilestones(): void {
	const state: Milestones = { tasks: [] };
	(window as unknown as { __milestones: Milestones }).__milestones = state;
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) state.tasks.push({ start: e.startTime, duration: e.duration });
	}).observe({ type: 'longtask', buffered: true });
	new MutationObserver((_, obs) => {
		const now = performance.now();
		if (!state.text && document.querySelector('article h1')) state.text = now;
		if (!state.editor && document.querySelector('.monaco-editor .view-lines .view-line')) state.editor = now;
		if (!state.pass && /All checks passed/.test(document.querySelector('section.checks')?.textContent ?? '')) {
			state.pass = now;
			state.fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
			obs.disconnect();
		}
	}).observe(document, { childList: true, subtree: true, characterData: true });
}

/**
 * What a learner does once the editor shows the code: Solve, then Run — what Playwright's clicks do
 * in the other benches, without their actionability waits.
 */
export function learnerClicks(): void {
	const state = (window as unknown as { __milestones: Milestones }).__milestones;
	const button = (name: string) => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
	let solved = false;
	new MutationObserver((_, obs) => {
		if (state.editor && !solved && button('Solve')) {
			solved = true;
			button('Solve')!.click();
		}
		if (solved && button('Run')) {
			obs.disconnect();
			setTimeout(() => button('Run')!.click(), 0);
		}
	}).observe(document, { childList: true, subtree: true, characterData: true });
}

/**
 * The page-side functions as one script for CDP. tsx (esbuild, keepNames) may wrap their inner
 * functions in __name(): defined first.
 */
export const milestonesScript = (...fns: (() => void)[]) => `var __name = (f) => f; ${fns.map((f) => `(${f.toString()})();`).join(' ')}`;

/** The milestones as a bench reports them: the text counts once painted (the heading is parsed before the first paint); long tasks until the pass. */
export function settled(m: Milestones): { text: number; editor: number; pass: number; tasks: Task[] } {
	const pass = m.pass!;
	return { text: Math.max(m.text ?? NaN, m.fcp ?? 0), editor: m.editor!, pass, tasks: m.tasks.filter((t) => t.start < pass) };
}

/** The longest of `tasks` (duration 0 when none). */
export const longestTask = (tasks: Task[]): Task => tasks.reduce((a, b) => (b.duration > a.duration ? b : a), { start: NaN, duration: 0 });

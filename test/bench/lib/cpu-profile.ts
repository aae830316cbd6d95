// A CPU profile (CDP Profiler) read against the page's long tasks: which functions took a task's
// time. The profile's clock (µs, monotonic) is aligned with performance.now() by a named busy loop
// (__alignMark) the bench runs at a known page time.
export type Task = { start: number; duration: number };
type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] };
export type Profile = { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] };

/** Run in the page: returns the page time the mark started at. */
export const ALIGN_MARK = '(function __alignMark() { const t = performance.now(); while (performance.now() < t + 15) {} return t; })()';

/**
 * For each long task: the functions with the most self time in it. The profile's clock (µs,
 * monotonic) is aligned with performance.now() by a named busy loop run at a known page time.
 */
export function blameTasks(tasks: Task[], profile: Profile, markAt: number, top = 3): string[][] {
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
		return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([n, c]) => `${n} (${(c / 2).toFixed(0)} ms)`);
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

// Many spans of one operation judged as a load test judges them: as a distribution of durations
// (percentiles over every trace of the run) and as intervals in time (how many ran at once). A
// bottleneck shows in both: a lock makes the tail long and lets one through at a time.
import type { CheckItem, CheckText, RunOutput } from './types';
import { findSpans, logsOf, type FoundSpan, type SpanSelector } from './spans';
import { item, withMissing } from './item';
import { text } from './text';

/** A span's time in the run, in µs since the epoch: [start, end). */
export interface Interval {
	start: number;
	end: number;
}

/**
 * The value `p` (0–1) of the sorted `values` lie at or below: the nearest-rank percentile, as a
 * load tester reports p50/p95. NaN for no values.
 */
export function percentile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) return NaN;
	const rank = Math.ceil(Math.min(1, Math.max(0, p)) * sorted.length);
	return sorted[Math.max(0, rank - 1)];
}

/** The durations of every span `sel` selects, in ms, shortest first. */
export function durationsMs(run: RunOutput, sel: SpanSelector): number[] {
	return findSpans(run, sel)
		.map((f) => f.span.duration / 1000)
		.sort((a, b) => a - b);
}

/** The most intervals that hold one instant in common (a sweep; one ending as another starts is not overlap). */
export function mostAtOnce(intervals: readonly Interval[]): number {
	const edges: [number, number][] = [];
	for (const i of intervals) {
		if (!(i.end > i.start)) continue;
		edges.push([i.start, 1], [i.end, -1]);
	}
	// at one instant, ends before starts: touching intervals do not overlap
	edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	let now = 0;
	let most = 0;
	for (const [, d] of edges) {
		now += d;
		if (now > most) most = now;
	}
	return most;
}

/**
 * Each span's interval, optionally from its last log whose `event` starts with `sinceLog` (a lock's
 * "Acquired lock": the time it worked, not the time it waited) — the start when it has none.
 */
export function intervalsOf(found: readonly FoundSpan[], sinceLog?: string): Interval[] {
	return found.map((f) => {
		let start = f.span.startTime;
		if (sinceLog) {
			for (const l of f.span.logs) {
				const event = l.fields.find((kv) => kv.key === 'event')?.value;
				if (typeof event === 'string' && event.startsWith(sinceLog) && l.timestamp > start) start = l.timestamp;
			}
		}
		return { start, end: f.span.startTime + f.span.duration };
	});
}

/** How many of the spans `sel` selects logged an event starting with `prefix`. */
export function countLogged(run: RunOutput, sel: SpanSelector, prefix: string): number {
	return findSpans(run, sel).filter((f) => logsOf(f).some((l) => typeof l.event === 'string' && l.event.startsWith(prefix))).length;
}

const pct = (p: number) => `p${Math.round(p * 100)}`;
const ms = (v: number) => `${Math.round(v)} ms`;

/** `shop's "SQL SELECT"`, in each language, for labels about a group. */
function named(sel: SpanSelector) {
	return sel.service ? text(`${sel.service}'s "${sel.operation}"`, `${sel.service} 的 "${sel.operation}"`) : text(`"${sel.operation}"`, `"${sel.operation}"`);
}

/**
 * At some instant at least `n` of the spans `sel` selects ran at once (from `sinceLog`, see
 * `intervalsOf`): queries that no longer wait in line for each other, calls a pool lets out together.
 * The label says how many did at most.
 */
export function atOnce(run: RunOutput, sel: SpanSelector, n: number, hint: CheckText, sinceLog?: string): CheckItem {
	const most = mostAtOnce(intervalsOf(findSpans(run, sel), sinceLog));
	const d = named(sel);
	return withMissing(
		item(
			text(`at least ${n} of ${d.en} run at the same moment (at most ${most} did)`, `至少 ${n} 个 ${d['zh-CN']} 在同一时刻运行（最多 ${most} 个）`),
			most >= n,
			hint
		),
		run,
		sel
	);
}

/**
 * The `p` percentile of `sel`'s durations is less than `factor` times the fastest one: the slow tail
 * of a load is the same work, not work that waited in a queue. The label gives both numbers.
 */
export function tailWithin(run: RunOutput, sel: SpanSelector, p: number, factor: number, hint: CheckText): CheckItem {
	const d = durationsMs(run, sel);
	const tail = percentile(d, p);
	const fastest = d[0];
	const ok = d.length > 0 && tail < factor * fastest;
	const n = named(sel);
	const seen = d.length ? ` (${pct(p)} ${ms(tail)}, fastest ${ms(fastest)})` : '';
	const seenZh = d.length ? `（${pct(p)} ${ms(tail)}，最快 ${ms(fastest)}）` : '';
	return withMissing(
		item(
			text(`${pct(p)} of ${n.en} is under ${factor} × the fastest${seen}`, `${n['zh-CN']} 的 ${pct(p)} 不到最快那个的 ${factor} 倍${seenZh}`),
			ok,
			hint
		),
		run,
		sel
	);
}

/** The `p` percentile of `sel`'s durations is under `factor` times the `p` percentile of `unit`'s: a whole request against one of its parts. */
export function tailUnder(run: RunOutput, sel: SpanSelector, unit: SpanSelector, p: number, factor: number, hint: CheckText): CheckItem {
	const whole = percentile(durationsMs(run, sel), p);
	const part = percentile(durationsMs(run, unit), p);
	const ok = whole < factor * part;
	const [w, u] = [named(sel), named(unit)];
	const seen = Number.isFinite(whole) && Number.isFinite(part) ? ` (${ms(whole)} against ${ms(part)})` : '';
	const seenZh = Number.isFinite(whole) && Number.isFinite(part) ? `（${ms(whole)} 对 ${ms(part)}）` : '';
	return withMissing(
		item(
			text(`${pct(p)} of ${w.en} is under ${factor} × the ${pct(p)} of ${u.en}${seen}`, `${w['zh-CN']} 的 ${pct(p)} 不到 ${u['zh-CN']} 的 ${pct(p)} 的 ${factor} 倍${seenZh}`),
			ok,
			hint
		),
		run,
		sel,
		unit
	);
}

/** `sel`'s spans grouped by trace, for traces holding at least two of them. */
function byTrace(found: readonly FoundSpan[]): FoundSpan[][] {
	const groups = new Map<string, FoundSpan[]>();
	for (const f of found) groups.set(f.span.traceID, [...(groups.get(f.span.traceID) ?? []), f]);
	return [...groups.values()].filter((g) => g.length >= 2);
}

/** Of the traces with two or more of `sel`'s spans, how many have them all running at one instant. */
export function tracesAllOverlapping(run: RunOutput, sel: SpanSelector): { overlapping: number; traces: number } {
	const groups = byTrace(findSpans(run, sel));
	return { overlapping: groups.filter((g) => mostAtOnce(intervalsOf(g)) === g.length).length, traces: groups.length };
}

/**
 * In at least `share` (0–1) of the traces with two or more of `sel`'s spans, those spans all run at
 * one instant: a request's calls go out together, not in waves (a staircase) or one by one.
 */
export function overlapWithinTraces(run: RunOutput, sel: SpanSelector, share: number, hint: CheckText): CheckItem {
	const { overlapping, traces } = tracesAllOverlapping(run, sel);
	const d = named(sel);
	const pc = Math.round(share * 100);
	return withMissing(
		item(
			text(`in ${pc}% of the traces, ${d.en} all run at the same moment (${overlapping} of ${traces})`, `在 ${pc}% 的 trace 里，${d['zh-CN']} 全部在同一时刻运行（${traces} 条中有 ${overlapping} 条）`),
			traces > 0 && overlapping >= share * traces,
			hint
		),
		run,
		sel
	);
}

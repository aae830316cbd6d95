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

/** One query as the simulated SQL host answered it. */
export interface DatabaseQuery {
	/** how long it waited for one of its pool's connections */
	waitedMs: number;
	/** how many of the pool's connections were busy when it got one, its own included; 0 when it never got one */
	running: number;
}

/**
 * The queries the simulated SQL host `host` answered, read off the wire (each answer carries
 * `waitedMs` and `running`). Requests without a readable answer are left out.
 */
export function databaseQueries(run: RunOutput, host = 'mysql'): DatabaseQuery[] {
	const out: DatabaseQuery[] = [];
	for (const r of run.network) {
		if (r.to.split(':')[0] !== host) continue;
		let body: { waitedMs?: unknown; running?: unknown };
		try {
			body = JSON.parse(r.responseBody) as typeof body;
		} catch {
			continue;
		}
		if (typeof body !== 'object' || body === null) continue;
		const { waitedMs, running } = body;
		if (typeof waitedMs !== 'number' || !Number.isFinite(waitedMs) || waitedMs < 0) continue;
		out.push({ waitedMs, running: typeof running === 'number' && Number.isInteger(running) && running > 0 ? running : 0 });
	}
	return out;
}

/**
 * The database was not a queue of one: when at least `queued` queries waited a millisecond or more
 * for a connection, some query ran with at least `n` of the pool's connections busy. A pool that
 * serves one query at a time (one connection) makes every query wait for all those before it while
 * no two ever run together; a pool of enough connections makes a query wait only while all of them
 * are busy. The counts come from the database, not from times on the wire, which a loaded machine
 * stretches (a late event loop made one-at-a-time queries look like seven at once there).
 */
export function databaseSideBySide(run: RunOutput, host: string, n: number, queued: number, hint: CheckText): CheckItem {
	const queries = databaseQueries(run, host);
	const waited = queries.filter((q) => q.waitedMs >= 1).length;
	const most = queries.reduce((m, q) => Math.max(m, q.running), 0);
	const ok = waited < queued || most >= n;
	return item(
		text(
			`${host} runs queries side by side when they queue for a connection (${waited} of ${queries.length} waited; at most ${most} ran at once)`,
			`查询排队等连接时，${host} 让它们同时执行（${queries.length} 个中有 ${waited} 个等过；最多 ${most} 个同时执行）`
		),
		ok,
		hint
	);
}

/**
 * The database ran at least `n` queries at the same moment, by its own count (`running` in each
 * answer): a lock in front of it, wherever it hides, or a pool of one connection keeps that at 1
 * however the machine's load stretches the spans' times.
 */
export function databaseRanTogether(run: RunOutput, host: string, n: number, hint: CheckText): CheckItem {
	const most = databaseQueries(run, host).reduce((m, q) => Math.max(m, q.running), 0);
	return item(
		text(`${host} ran at least ${n} queries at the same moment (at most ${most} did)`, `${host} 至少有 ${n} 个查询在同一时刻执行（最多时有 ${most} 个）`),
		most >= n,
		hint
	);
}

// The search results scatter plot: each trace a dot at (start time, duration), errors marked.
import { traceSummary, type Trace } from '$lib/model';
import { formatDuration, formatStart } from './format';
import { niceStep } from './ticks';

export interface ResultRow {
	traceID: string;
	name: string;
	start: number;
	duration: number;
	spans: number;
	errors: number;
	services: { name: string; count: number }[];
}

export function resultRows(traces: Trace[]): ResultRow[] {
	return traces.map((t) => {
		const s = traceSummary(t);
		const counts = new Map<string, number>();
		for (const span of t.spans) {
			const name = t.processes[span.processID]?.serviceName ?? 'unknown-service';
			counts.set(name, (counts.get(name) ?? 0) + 1);
		}
		return {
			traceID: t.traceID,
			name: s.name || t.traceID,
			start: s.start,
			duration: s.duration,
			spans: s.totalSpans,
			errors: s.errorSpans,
			services: [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count)
		};
	});
}

/** The orders Jaeger UI's search results offer. */
export const RESULT_ORDERS = {
	'most-recent': 'Most Recent',
	'longest-first': 'Longest First',
	'shortest-first': 'Shortest First',
	'most-spans': 'Most Spans',
	'least-spans': 'Least Spans'
} as const;
export type ResultOrder = keyof typeof RESULT_ORDERS;

/** A sorted copy; ties keep the order they came in (the store's, newest first). */
export function sortResults(rows: readonly ResultRow[], order: ResultOrder): ResultRow[] {
	const by: Record<ResultOrder, (a: ResultRow, b: ResultRow) => number> = {
		'most-recent': (a, b) => b.start - a.start,
		'longest-first': (a, b) => b.duration - a.duration,
		'shortest-first': (a, b) => a.duration - b.duration,
		'most-spans': (a, b) => b.spans - a.spans,
		'least-spans': (a, b) => a.spans - b.spans
	};
	return [...rows].sort(by[order]);
}

export interface ScatterPoint {
	traceID: string;
	/** px inside the plot area */
	x: number;
	y: number;
	r: number;
	error: boolean;
	label: string;
}

export interface ScatterAxis {
	px: number;
	label: string;
}

export function scatterLayout(rows: ResultRow[], width: number, height: number, pad = { left: 56, right: 12, top: 10, bottom: 24 }) {
	const w = Math.max(1, width - pad.left - pad.right);
	const h = Math.max(1, height - pad.top - pad.bottom);
	let t0 = Infinity, t1 = -Infinity, d1 = 0;
	for (const r of rows) {
		t0 = Math.min(t0, r.start);
		t1 = Math.max(t1, r.start);
		d1 = Math.max(d1, r.duration);
	}
	if (!rows.length) (t0 = 0), (t1 = 1);
	if (t1 === t0) (t0 -= 500_000), (t1 += 500_000);
	const dMax = d1 > 0 ? d1 * 1.1 : 1;
	const x = (t: number) => pad.left + ((t - t0) / (t1 - t0)) * w;
	const y = (d: number) => pad.top + h - (d / dMax) * h;
	const points: ScatterPoint[] = rows.map((r) => ({
		traceID: r.traceID,
		x: x(r.start),
		y: y(r.duration),
		r: Math.min(10, 3 + Math.sqrt(r.spans)),
		error: r.errors > 0,
		label: `${r.name}, ${formatDuration(r.duration)}, ${r.spans} spans${r.errors ? `, ${r.errors} errors` : ''}, ${formatStart(r.start)}`
	}));
	const yStep = niceStep(dMax, 4);
	const yTicks: ScatterAxis[] = [];
	for (let d = 0; d <= dMax; d += yStep) yTicks.push({ px: y(d), label: formatDuration(d) });
	const xTicks: ScatterAxis[] = [
		{ px: x(t0), label: formatStart(t0).slice(11, 19) },
		{ px: x(t1), label: formatStart(t1).slice(11, 19) }
	];
	return { points, xTicks, yTicks, plot: { left: pad.left, top: pad.top, width: w, height: h } };
}

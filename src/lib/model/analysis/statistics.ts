// Per-service and per-operation statistics, the columns of Jaeger UI's "Trace Statistics" view:
// count, total / avg / min / max duration, the same for self time, and self time as % of the trace.
import type { Trace } from '../types';
import { isErrorSpan, serviceOf } from './summary';
import { selfTimes } from './self-time';
import { buildTree, type SpanTree } from './tree';

export interface SpanGroupStatistics {
	service: string;
	/** '' when grouped by service only. */
	operation: string;
	count: number;
	errors: number;
	total: number;
	avg: number;
	min: number;
	max: number;
	selfTotal: number;
	selfAvg: number;
	selfMin: number;
	selfMax: number;
	/** selfTotal as a percentage of the trace's duration (Jaeger UI's "ST in Duration"). */
	selfPercent: number;
}

export type StatisticsGrouping = 'operation' | 'service';

/** Rows sorted by total duration, longest first. Operations are keyed by service + operation name. */
export function traceStatistics(trace: Trace, groupBy: StatisticsGrouping = 'operation', tree: SpanTree = buildTree(trace)): SpanGroupStatistics[] {
	const self = selfTimes(trace, tree);
	const rows = new Map<string, SpanGroupStatistics>();
	// One service lookup per process, not per span: this runs over 100k-span traces.
	const serviceByProcess = new Map<string, string>();
	let traceStart = Infinity;
	let traceEnd = -Infinity;
	trace.spans.forEach((span, i) => {
		traceStart = Math.min(traceStart, span.startTime);
		traceEnd = Math.max(traceEnd, span.startTime + span.duration);
		let service = serviceByProcess.get(span.processID);
		if (service === undefined) serviceByProcess.set(span.processID, (service = serviceOf(trace, i)));
		const operation = groupBy === 'operation' ? span.operationName : '';
		const key = `${service}\u0000${operation}`;
		let row = rows.get(key);
		if (!row) {
			row = { service, operation, count: 0, errors: 0, total: 0, avg: 0, min: Infinity, max: -Infinity, selfTotal: 0, selfAvg: 0, selfMin: Infinity, selfMax: -Infinity, selfPercent: 0 };
			rows.set(key, row);
		}
		row.count++;
		if (isErrorSpan(span)) row.errors++;
		row.total += span.duration;
		row.min = Math.min(row.min, span.duration);
		row.max = Math.max(row.max, span.duration);
		row.selfTotal += self[i];
		row.selfMin = Math.min(row.selfMin, self[i]);
		row.selfMax = Math.max(row.selfMax, self[i]);
	});
	const traceDuration = traceEnd - traceStart;
	for (const row of rows.values()) {
		row.avg = row.total / row.count;
		row.selfAvg = row.selfTotal / row.count;
		row.selfPercent = traceDuration > 0 ? (row.selfTotal / traceDuration) * 100 : 0;
	}
	return [...rows.values()].sort((a, b) => b.total - a.total || a.service.localeCompare(b.service) || a.operation.localeCompare(b.operation));
}

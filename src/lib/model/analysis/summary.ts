// The numbers a trace header shows (Jaeger UI's TracePageHeader): name, start, duration, services,
// depth, total spans.
import type { Trace } from '../types';
import { buildTree, type SpanTree } from './tree';

export interface TraceSummary {
	traceID: string;
	/** "service: operation" of the root span, as Jaeger UI titles a trace; '' for an empty trace. */
	name: string;
	/** Index of the span the name comes from, -1 for an empty trace. */
	rootSpan: number;
	/** µs since the epoch: earliest span start. */
	start: number;
	/** µs since the epoch: latest span end. */
	end: number;
	/** µs: end - start. */
	duration: number;
	/** Distinct service names among the spans. */
	services: number;
	/** Levels in the span tree (a lone span has depth 1), as Jaeger UI's "Depth". */
	depth: number;
	totalSpans: number;
	/** Spans with an `error` tag that is true (or the string "true"). */
	errorSpans: number;
}

export function serviceOf(trace: Trace, spanIndex: number): string {
	return trace.processes[trace.spans[spanIndex].processID]?.serviceName ?? 'unknown-service';
}

export function isErrorSpan(span: Trace['spans'][number]): boolean {
	const tags = span.tags;
	if (!tags) return false;
	for (const t of tags) if (t.key === 'error' && (t.value === true || t.value === 'true')) return true;
	return false;
}

/**
 * Jaeger UI names a trace after the root span with the fewest references, ties going to the earliest
 * start — so with several roots (orphans) the span that never claimed a parent wins.
 */
function pickNameSpan(trace: Trace, tree: SpanTree): number {
	let best = -1;
	for (const i of tree.roots) {
		if (best < 0) { best = i; continue; }
		const a = trace.spans[i].references?.length ?? 0;
		const b = trace.spans[best].references?.length ?? 0;
		if (a < b || (a === b && trace.spans[i].startTime < trace.spans[best].startTime)) best = i;
	}
	return best;
}

export function traceSummary(trace: Trace, tree: SpanTree = buildTree(trace)): TraceSummary {
	const spans = trace.spans;
	let start = Infinity;
	let end = -Infinity;
	let errorSpans = 0;
	const services = new Set<string>();
	for (let i = 0; i < spans.length; i++) {
		const s = spans[i];
		if (s.startTime < start) start = s.startTime;
		if (s.startTime + s.duration > end) end = s.startTime + s.duration;
		services.add(serviceOf(trace, i));
		if (isErrorSpan(s)) errorSpans++;
	}
	if (spans.length === 0) start = end = 0;
	const rootSpan = pickNameSpan(trace, tree);
	return {
		traceID: trace.traceID,
		name: rootSpan >= 0 ? `${serviceOf(trace, rootSpan)}: ${spans[rootSpan].operationName}` : '',
		rootSpan,
		start,
		end,
		duration: end - start,
		services: services.size,
		depth: tree.levels,
		totalSpans: spans.length,
		errorSpans
	};
}

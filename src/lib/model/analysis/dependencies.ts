// Service → service edges with call counts (what jaeger-query's /api/dependencies serves). One rule,
// used by the store and by analysis alike: each span has at most one dependency parent, chosen as
// current Jaeger does (model.Span.ParentSpanID) — the first CHILD_OF reference to a span of the same
// trace, else the first FOLLOWS_FROM one — and a parent in another service is one call.
import type { DependencyLink, SpanReference, Trace } from '../types';
import { indexSpanIDs } from './tree';
import { serviceOf } from './summary';

/** The span id a span's dependency edge comes from, or undefined (a root, or only links to other traces). */
export function dependencyParentID(span: { traceID: string; references: readonly SpanReference[] | null | undefined }): string | undefined {
	let followsFrom: string | undefined;
	for (const ref of span.references ?? []) {
		if (ref.traceID !== span.traceID) continue;
		if (ref.refType === 'CHILD_OF') return ref.spanID;
		if (followsFrom === undefined && ref.refType === 'FOLLOWS_FROM') followsFrom = ref.spanID;
	}
	return followsFrom;
}

/** Adds one trace's edges into `counts` (key "parent\u0000child"), for callers that accumulate. */
export function countDependencies(trace: Trace, counts: Map<string, number>): void {
	const byID = indexSpanIDs(trace.spans);
	for (let i = 0; i < trace.spans.length; i++) {
		const parentID = dependencyParentID(trace.spans[i]);
		const p = parentID === undefined ? undefined : byID.get(parentID);
		if (p === undefined || p === i) continue;
		const parent = serviceOf(trace, p);
		const child = serviceOf(trace, i);
		if (parent === child) continue;
		const key = `${parent}\u0000${child}`;
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
}

export function linksFromCounts(counts: Map<string, number>): DependencyLink[] {
	return [...counts]
		.map(([key, callCount]) => {
			const [parent, child] = key.split('\u0000');
			return { parent, child, callCount };
		})
		.sort((a, b) => a.parent.localeCompare(b.parent) || a.child.localeCompare(b.child));
}

export function dependencyLinks(traces: Iterable<Trace>): DependencyLink[] {
	const counts = new Map<string, number>();
	for (const t of traces) countDependencies(t, counts);
	return linksFromCounts(counts);
}

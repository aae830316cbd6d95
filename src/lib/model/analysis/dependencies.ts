// Service → service edges with call counts (what jaeger-query's /api/dependencies serves): one call for
// every span whose referenced span (CHILD_OF or FOLLOWS_FROM, same trace) belongs to another service.
// A span referencing the same span twice (CHILD_OF and FOLLOWS_FROM) is one call.
import type { DependencyLink, Trace } from '../types';
import { indexSpanIDs } from './tree';
import { serviceOf } from './summary';

/** Adds one trace's edges into `counts` (key "parent\u0000child"), for callers that accumulate. */
export function countDependencies(trace: Trace, counts: Map<string, number>): void {
	const byID = indexSpanIDs(trace.spans);
	trace.spans.forEach((span, i) => {
		const child = serviceOf(trace, i);
		const seen = new Set<number>();
		for (const ref of span.references ?? []) {
			if (ref.traceID !== span.traceID) continue;
			const p = byID.get(ref.spanID);
			if (p === undefined || p === i || seen.has(p)) continue;
			seen.add(p);
			const parent = serviceOf(trace, p);
			if (parent === child) continue;
			const key = `${parent}\u0000${child}`;
			counts.set(key, (counts.get(key) ?? 0) + 1);
		}
	});
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

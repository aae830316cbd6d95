// The critical path as Jaeger UI defines it: start at the end of the root and walk back in time; at
// each span, step into the child that finished last before the current point, and when no child is
// left, the span itself is on the path from its start, and we return to its parent at that start.
// Like Jaeger UI, FOLLOWS_FROM children (and their subtrees) are left out, and children overflowing
// their parent are clipped to it (dropped when wholly outside).
// Iterative and O(n log n): children sorted by end once, then a binary search per step.
import type { Trace } from '../types';
import { buildTree, type SpanTree } from './tree';

export interface CriticalPathSection {
	/** Span index in trace.spans. */
	span: number;
	/** µs since the epoch. */
	start: number;
	end: number;
}

/** Which reference made p the parent of i: FOLLOWS_FROM children do not block their parent. */
function isFollowsFrom(trace: Trace, i: number, p: number): boolean {
	const parentID = trace.spans[p].spanID;
	const ref = trace.spans[i].references.find((r) => r.spanID === parentID);
	return ref?.refType === 'FOLLOWS_FROM';
}

/** Sections of the critical path in time order; empty for an empty trace. */
export function criticalPath(trace: Trace, tree: SpanTree = buildTree(trace), root: number = tree.roots[0] ?? -1): CriticalPathSection[] {
	if (root < 0) return [];
	const spans = trace.spans;
	const n = tree.size;
	const { parent, order, childStart, childIndex } = tree;

	// Effective (clipped) intervals, parents before children thanks to the display order.
	const start = new Float64Array(n);
	const end = new Float64Array(n);
	const included = new Uint8Array(n);
	included[root] = 1;
	start[root] = spans[root].startTime;
	end[root] = spans[root].startTime + spans[root].duration;
	for (const i of order) {
		const p = parent[i];
		if (p < 0 || !included[p]) continue;
		const s = spans[i].startTime;
		const e = s + spans[i].duration;
		if (s > end[p] || e < start[p] || isFollowsFrom(trace, i, p)) continue;
		included[i] = 1;
		start[i] = Math.max(s, start[p]);
		end[i] = Math.min(e, end[p]);
	}

	// Per span: its included children, sorted by effective end, in the same CSR slots as the tree.
	const byEnd = new Int32Array(childIndex.length);
	const count = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		if (!included[i]) continue;
		const from = childStart[i];
		let k = from;
		for (let c = from; c < childStart[i + 1]; c++) if (included[childIndex[c]]) byEnd[k++] = childIndex[c];
		count[i] = k - from;
		if (count[i] > 1) byEnd.subarray(from, k).sort((a, b) => end[a] - end[b] || a - b);
	}

	const sections: CriticalPathSection[] = [];
	let cur = root;
	let bound = end[root];
	for (;;) {
		// Last child (among those not yet taken) that ends at or before `bound`.
		const from = childStart[cur];
		let lo = 0;
		let hi = count[cur];
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (end[byEnd[from + mid]] <= bound) lo = mid + 1;
			else hi = mid;
		}
		if (lo > 0) {
			const child = byEnd[from + lo - 1];
			count[cur] = lo - 1; // taken children are never revisited: bounds the walk to O(n) steps
			if (end[child] < bound) sections.push({ span: cur, start: end[child], end: bound });
			cur = child;
			bound = end[child];
			continue;
		}
		if (bound > start[cur] || sections.length === 0) sections.push({ span: cur, start: start[cur], end: bound });
		if (cur === root) break;
		bound = start[cur];
		cur = parent[cur];
	}
	return sections.reverse();
}

/** µs each span spends on the critical path (0 for spans off it). */
export function criticalTimeBySpan(sections: CriticalPathSection[], size: number): Float64Array {
	const out = new Float64Array(size);
	for (const s of sections) out[s.span] += s.end - s.start;
	return out;
}

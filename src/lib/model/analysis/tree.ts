// The span tree of one trace, as flat typed arrays indexed by a span's position in trace.spans.
// Flat arrays (not an object graph) because the trace view walks 100k-span traces on every render:
// no per-span allocation, nothing for the GC to chase, and it clones cheaply into a worker.
import type { Span, Trace } from '../types';

export interface SpanTree {
	/** Number of spans (= trace.spans.length). */
	size: number;
	/** Index of each span's parent, -1 for a root. */
	parent: Int32Array;
	/** Depth of each span: 0 for a root. */
	depth: Int32Array;
	/** Root indices, earliest start first. */
	roots: Int32Array;
	/**
	 * Children in compressed form: the children of span i are
	 * childIndex[childStart[i] .. childStart[i + 1]), earliest start first. Use childrenOf().
	 */
	childStart: Int32Array;
	childIndex: Int32Array;
	/** Depth-first display order (what a timeline lists top to bottom): every span exactly once. */
	order: Int32Array;
	/** Largest depth + 1 (levels in the tree); 0 for an empty trace. */
	levels: number;
	/** Spans that have references but none to a span in this trace: they became extra roots. */
	orphans: Int32Array;
	/** Spans whose parent link was dropped because it closed a cycle: they became roots. */
	cycleBreaks: Int32Array;
	/** spanID → index of the first span with that id (what references resolve to) */
	byID: Map<string, number>;
}

/** Children of span i (a view, not a copy). */
export function childrenOf(tree: SpanTree, i: number): Int32Array {
	return tree.childIndex.subarray(tree.childStart[i], tree.childStart[i + 1]);
}

/**
 * Position of each span id in the trace. With duplicate ids the first one wins — repairTrace renames
 * duplicates before anything relies on ids being unique.
 */
export function indexSpanIDs(spans: Span[]): Map<string, number> {
	const byID = new Map<string, number>();
	for (let i = 0; i < spans.length; i++) if (!byID.has(spans[i].spanID)) byID.set(spans[i].spanID, i);
	return byID;
}

/**
 * A span's parent as Jaeger UI picks it: the first reference (CHILD_OF or FOLLOWS_FROM) to a span
 * of the same trace that exists in it. -1 when there is none.
 */
function findParent(span: Span, self: number, byID: Map<string, number>): number {
	const refs = span.references;
	if (!refs) return -1;
	for (let r = 0; r < refs.length; r++) {
		const ref = refs[r];
		if (ref.traceID !== span.traceID && ref.traceID !== undefined) continue;
		const p = byID.get(ref.spanID);
		if (p !== undefined && p !== self) return p;
	}
	return -1;
}

/** Sorts xs[from, to) by start time, ties by position (stable). */
function sortByStart(xs: Int32Array, from: number, to: number, start: Float64Array): void {
	let sorted = true;
	for (let k = from + 1; k < to && sorted; k++) sorted = start[xs[k - 1]] <= start[xs[k]];
	if (sorted) return;
	if (to - from <= 24) {
		for (let k = from + 1; k < to; k++) {
			const x = xs[k];
			let j = k - 1;
			while (j >= from && start[xs[j]] > start[x]) xs[j + 1] = xs[j--];
			xs[j + 1] = x;
		}
		return;
	}
	xs.subarray(from, to).sort((a, b) => start[a] - start[b] || a - b);
}

/** Builds the tree in O(n log n) (sibling sorts by start time), iteratively: no recursion depth limit. */
export function buildTree(trace: Trace): SpanTree {
	const spans = trace.spans;
	const n = spans.length;
	const byID = indexSpanIDs(spans);
	const parent = new Int32Array(n);
	const start = new Float64Array(n);
	const orphans: number[] = [];
	for (let i = 0; i < n; i++) {
		const s = spans[i];
		start[i] = Number.isFinite(s.startTime) ? s.startTime : 0;
		parent[i] = findParent(s, i, byID);
		if (parent[i] < 0 && s.references && s.references.length > 0) orphans.push(i);
	}

	// Parent links can form cycles (A child of B, B child of A). Walk each chain once, colouring
	// spans: 1 = on the current walk, 2 = known to reach a root. Meeting colour 1 closes a cycle,
	// which we break at the span where the walk started it (its parent link is dropped).
	const cycleBreaks: number[] = [];
	const colour = new Uint8Array(n);
	const path: number[] = [];
	for (let i = 0; i < n; i++) {
		if (colour[i]) continue;
		let j = i;
		while (j >= 0 && colour[j] === 0) {
			colour[j] = 1;
			path.push(j);
			j = parent[j];
		}
		if (j >= 0 && colour[j] === 1) {
			// j is on this walk: the cycle is j → … → j. Make the earliest-starting member its root.
			let best = j;
			for (let k = parent[j]; k !== j; k = parent[k]) if (start[k] < start[best]) best = k;
			parent[best] = -1;
			cycleBreaks.push(best);
		}
		for (const k of path) colour[k] = 2;
		path.length = 0;
	}

	// Bucket children by parent (in span order), then sort each bucket by start: the order the
	// timeline shows siblings in. Buckets are usually already sorted, so checking first is cheap.
	const childStart = new Int32Array(n + 1);
	let rootCount = 0;
	for (let i = 0; i < n; i++) {
		if (parent[i] >= 0) childStart[parent[i] + 1]++;
		else rootCount++;
	}
	for (let i = 0; i < n; i++) childStart[i + 1] += childStart[i];
	const fill = childStart.slice(0, n);
	const childIndex = new Int32Array(n - rootCount);
	const roots = new Int32Array(rootCount);
	let r = 0;
	for (let i = 0; i < n; i++) {
		const p = parent[i];
		if (p >= 0) childIndex[fill[p]++] = i;
		else roots[r++] = i;
	}
	sortByStart(roots, 0, rootCount, start);
	for (let i = 0; i < n; i++) sortByStart(childIndex, childStart[i], childStart[i + 1], start);

	// Pre-order walk with an explicit stack; children pushed in reverse so the earliest pops first.
	const order = new Int32Array(n);
	const depth = new Int32Array(n);
	const stack = new Int32Array(n);
	let top = 0;
	let o = 0;
	let maxDepth = -1;
	for (let k = rootCount - 1; k >= 0; k--) stack[top++] = roots[k];
	while (top > 0) {
		const i = stack[--top];
		order[o++] = i;
		const d = parent[i] >= 0 ? depth[parent[i]] + 1 : 0;
		depth[i] = d;
		if (d > maxDepth) maxDepth = d;
		for (let c = childStart[i + 1] - 1; c >= childStart[i]; c--) stack[top++] = childIndex[c];
	}

	return {
		size: n,
		parent,
		depth,
		roots,
		childStart,
		childIndex,
		order,
		levels: maxDepth + 1,
		orphans: Int32Array.from(orphans),
		cycleBreaks: Int32Array.from(cycleBreaks),
		byID
	};
}

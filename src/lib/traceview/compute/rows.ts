// The timeline's rows: the tree's depth-first order with collapsed subtrees skipped. A subtree is a
// contiguous run of the pre-order, so skipping it is one jump by its size — O(rows), no recursion.
import type { SpanTree } from '$lib/model';

export function visibleRows(tree: SpanTree, subtreeSize: Int32Array, collapsed: Uint8Array): Int32Array {
	const out = new Int32Array(tree.size);
	let k = 0;
	for (let p = 0; p < tree.size; ) {
		const i = tree.order[p];
		out[k++] = i;
		p += collapsed[i] ? subtreeSize[i] : 1;
	}
	return out.subarray(0, k);
}

/** Expands every collapsed ancestor of i (in place); true when something changed. */
export function revealSpan(tree: SpanTree, collapsed: Uint8Array, i: number): boolean {
	let changed = false;
	for (let p = tree.parent[i]; p >= 0; p = tree.parent[p])
		if (collapsed[p]) {
			collapsed[p] = 0;
			changed = true;
		}
	return changed;
}

/** Whether span i has children (so its row can be collapsed). */
export const hasChildren = (tree: SpanTree, i: number): boolean => tree.childStart[i + 1] > tree.childStart[i];

/**
 * Jaeger UI's "collapse +1": among the rows in view, the deepest open parents close — one level of
 * detail less each press. Returns a new array (the same one when there is nothing left to close).
 */
export function collapseOneLevel(tree: SpanTree, rows: Int32Array, collapsed: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
	let deepest = -1;
	for (const i of rows) if (!collapsed[i] && hasChildren(tree, i) && tree.depth[i] > deepest) deepest = tree.depth[i];
	if (deepest < 0) return collapsed;
	const c = collapsed.slice();
	for (const i of rows) if (tree.depth[i] === deepest && hasChildren(tree, i)) c[i] = 1;
	return c;
}

/** "Expand +1": among the rows in view, the shallowest closed parents open. */
export function expandOneLevel(tree: SpanTree, rows: Int32Array, collapsed: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
	let shallowest = Infinity;
	for (const i of rows) if (collapsed[i] && tree.depth[i] < shallowest) shallowest = tree.depth[i];
	if (shallowest === Infinity) return collapsed;
	const c = collapsed.slice();
	for (const i of rows) if (tree.depth[i] === shallowest) c[i] = 0;
	return c;
}

// Trace comparison (Jaeger UI's "Compare"): spans are matched by their path of service:operation
// names from the root, so the same call in two runs lines up even though span ids differ. The result
// is a tree of rows — parent by index, not by path string, so a 10,000-deep chain stays linear.
import type { Trace } from '../types';
import { serviceOf } from './summary';
import { buildTree, type SpanTree } from './tree';

export interface ComparedSide {
	/** Spans at this path. */
	count: number;
	/** Summed duration (µs) of those spans. */
	total: number;
}

export interface ComparisonRow {
	service: string;
	operation: string;
	/** Index of the parent row, -1 at the top. */
	parent: number;
	depth: number;
	a: ComparedSide;
	b: ComparedSide;
	/** 'a' / 'b' when the path occurs in only one trace, else null. */
	onlyIn: 'a' | 'b' | null;
	/** Which trace spent longer at this path (summed), null when equal or present in one only. */
	slower: 'a' | 'b' | null;
	/** b.total - a.total (µs). */
	delta: number;
}

export interface TraceComparison {
	rows: ComparisonRow[];
	onlyInA: number;
	onlyInB: number;
}

export function compareTraces(a: Trace, b: Trace, treeA: SpanTree = buildTree(a), treeB: SpanTree = buildTree(b)): TraceComparison {
	const rows: ComparisonRow[] = [];
	const rowOfKey = new Map<string, number>();
	const add = (trace: Trace, tree: SpanTree, side: 'a' | 'b') => {
		const rowOfSpan = new Int32Array(tree.size);
		for (const i of tree.order) {
			const p = tree.parent[i];
			const parentRow = p >= 0 ? rowOfSpan[p] : -1;
			const service = serviceOf(trace, i);
			const operation = trace.spans[i].operationName;
			const key = `${parentRow}\u0000${service}\u0000${operation}`;
			let row = rowOfKey.get(key);
			if (row === undefined) {
				row = rows.length;
				rowOfKey.set(key, row);
				rows.push({ service, operation, parent: parentRow, depth: parentRow < 0 ? 0 : rows[parentRow].depth + 1, a: { count: 0, total: 0 }, b: { count: 0, total: 0 }, onlyIn: null, slower: null, delta: 0 });
			}
			rowOfSpan[i] = row;
			rows[row][side].count++;
			rows[row][side].total += trace.spans[i].duration;
		}
	};
	add(a, treeA, 'a');
	add(b, treeB, 'b');
	let onlyInA = 0;
	let onlyInB = 0;
	for (const row of rows) {
		row.onlyIn = row.b.count === 0 ? 'a' : row.a.count === 0 ? 'b' : null;
		if (row.onlyIn === 'a') onlyInA++;
		if (row.onlyIn === 'b') onlyInB++;
		row.delta = row.b.total - row.a.total;
		row.slower = row.onlyIn || row.delta === 0 ? null : row.delta > 0 ? 'b' : 'a';
	}
	return { rows, onlyInA, onlyInB };
}

// Everything the trace view needs about one trace, computed once when a trace is opened: the span
// tree (iterative, from the model), service of each span, subtree sizes for collapsing, error flags.
import { treeOf, summaryOf, traceSummary, isErrorSpan, type SpanTree, type Trace, type TraceSummary } from '$lib/model';
import { colorAt } from './colors';

export interface PreparedTrace {
	trace: Trace;
	tree: SpanTree;
	summary: TraceSummary;
	/** distinct services, in order of first appearance in display order */
	services: string[];
	/** per span: index into `services` */
	serviceOf: Uint32Array;
	colors: string[];
	/** per span: number of spans in its subtree (itself included) */
	subtreeSize: Int32Array;
	/** per span: 1 when it carries an error tag */
	error: Uint8Array;
	/** spanID → index */
	byID: Map<string, number>;
	/** µs since the epoch of the earliest span / total duration (≥ 1 so fractions are defined) */
	start: number;
	duration: number;
}

/** Subtree sizes from a pre-order: walking the order backwards visits children before parents. */
export function subtreeSizes(tree: SpanTree): Int32Array {
	const size = new Int32Array(tree.size).fill(1);
	for (let p = tree.size - 1; p >= 0; p--) {
		const i = tree.order[p];
		const up = tree.parent[i];
		if (up >= 0) size[up] += size[i];
	}
	return size;
}

/** With no `tree`, the trace's memoised tree and summary are used (see the model's treeOf). */
export function prepareTrace(trace: Trace, given?: SpanTree): PreparedTrace {
	const n = trace.spans.length;
	const tree = given ?? treeOf(trace);
	const summary = given ? traceSummary(trace, given) : summaryOf(trace);
	const services: string[] = [];
	const serviceIndex = new Map<string, number>();
	const byProcess = new Map<string, number>();
	const serviceOf = new Uint32Array(n);
	const error = new Uint8Array(n);
	for (let p = 0; p < n; p++) {
		const i = tree.order[p];
		const span = trace.spans[i];
		let s = byProcess.get(span.processID);
		if (s === undefined) {
			const name = trace.processes[span.processID]?.serviceName ?? 'unknown-service';
			s = serviceIndex.get(name);
			if (s === undefined) {
				s = services.length;
				services.push(name);
				serviceIndex.set(name, s);
			}
			byProcess.set(span.processID, s);
		}
		serviceOf[i] = s;
		if (isErrorSpan(span)) error[i] = 1;
	}
	return {
		trace,
		tree,
		summary,
		services,
		serviceOf,
		colors: services.map((_, k) => colorAt(k)),
		subtreeSize: subtreeSizes(tree),
		error,
		byID: tree.byID,
		start: summary.start,
		duration: Math.max(1, summary.duration)
	};
}

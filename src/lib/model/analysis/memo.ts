// The tree and summary of a trace that no longer changes (imported, or returned by the store), built
// once per trace object: parsing, naming, and opening a trace in the view would each build them again.
// Code that mutates a trace (repairs) must call buildTree/traceSummary directly.
import type { Trace } from '../types';
import { buildTree, type SpanTree } from './tree';
import { traceSummary, type TraceSummary } from './summary';

const trees = new WeakMap<Trace, SpanTree>();
const summaries = new WeakMap<Trace, TraceSummary>();

export function treeOf(trace: Trace): SpanTree {
	let tree = trees.get(trace);
	if (!tree) trees.set(trace, (tree = buildTree(trace)));
	return tree;
}

export function summaryOf(trace: Trace): TraceSummary {
	let summary = summaries.get(trace);
	if (!summary) summaries.set(trace, (summary = traceSummary(trace, treeOf(trace))));
	return summary;
}

// Clock skew: a child that starts before its parent, on another service, means the two hosts' clocks
// disagree (a span cannot start before the call that caused it). We keep the times as recorded —
// adjusting them would hide exactly what a tracing course wants to show — and warn.
import type { Trace } from '../types';
import { warnSpan } from '../repairs';
import { serviceOf } from './summary';
import { buildTree, type SpanTree } from './tree';

export interface ClockSkew {
	span: number;
	parent: number;
	/** µs the child starts before its parent. */
	skew: number;
}

export function detectClockSkew(trace: Trace, tree: SpanTree = buildTree(trace)): ClockSkew[] {
	const out: ClockSkew[] = [];
	for (let i = 0; i < tree.size; i++) {
		const p = tree.parent[i];
		if (p < 0) continue;
		const skew = trace.spans[p].startTime - trace.spans[i].startTime;
		if (skew > 0 && serviceOf(trace, i) !== serviceOf(trace, p)) out.push({ span: i, parent: p, skew });
	}
	return out;
}

/** Adds a span warning for each skewed span; returns how many there were. */
export function warnClockSkew(trace: Trace, tree: SpanTree = buildTree(trace)): number {
	const found = detectClockSkew(trace, tree);
	for (const { span, parent, skew } of found)
		warnSpan(trace.spans[span], `clock skew: starts ${skew} µs before its parent in ${serviceOf(trace, parent)} (times kept as recorded)`);
	return found.length;
}

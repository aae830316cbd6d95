// What a reader of a trace sees — the numbers of the trace view's Critical path, Statistics, Graph
// and Compare — computed for a check, so a step can ask the learner what they read and compare
// their answer with the truth of the same run. An answer is recorded on a span (a tag, or a field
// of one of its logs), which any way of writing the code can do.
import { buildTree, criticalPath, criticalTimeBySpan, dependencyLinks, serviceOf, type KeyValue, type Trace } from '$lib/model';
import type { RunOutput } from './types';
import { allSpans, matches, type SpanSelector } from './spans';

/** One (service, operation) of a trace, with a number: a count, or µs. */
export interface OperationFigure {
	service: string;
	operation: string;
	value: number;
}

/** The traces whose root span is `sel` (the requests of one kind), in the run's order. */
export function tracesRootedAt(run: RunOutput, sel: SpanSelector): Trace[] {
	return run.traces.filter((trace) => {
		const tree = buildTree(trace);
		const root = tree.roots[0];
		return root !== undefined && matches({ span: trace.spans[root], trace, service: serviceOf(trace, root) }, sel);
	});
}

/** A trace's length as the view's header shows it: first start to last end, in µs. */
export function traceDuration(trace: Trace): number {
	if (trace.spans.length === 0) return 0;
	const start = Math.min(...trace.spans.map((s) => s.startTime));
	const end = Math.max(...trace.spans.map((s) => s.startTime + s.duration));
	return end - start;
}

/** The traces from fastest to slowest, as Search sorts them by duration. */
export function byDuration(traces: readonly Trace[]): Trace[] {
	return [...traces].sort((a, b) => traceDuration(a) - traceDuration(b));
}

function sumBy(trace: Trace, value: (i: number) => number): OperationFigure[] {
	const sums = new Map<string, OperationFigure>();
	trace.spans.forEach((span, i) => {
		const service = serviceOf(trace, i);
		const key = `${service}\u0000${span.operationName}`;
		const figure = sums.get(key) ?? { service, operation: span.operationName, value: 0 };
		figure.value += value(i);
		sums.set(key, figure);
	});
	return [...sums.values()].sort((a, b) => b.value - a.value);
}

/** Statistics' Count column: how many spans of each (service, operation) a trace has, most first. */
export function countsByOperation(trace: Trace): OperationFigure[] {
	return sumBy(trace, () => 1);
}

/** The µs each (service, operation) spends on the trace's critical path (Jaeger UI's rule), most first. */
export function criticalTimeByOperation(trace: Trace): OperationFigure[] {
	const tree = buildTree(trace);
	const onPath = criticalTimeBySpan(criticalPath(trace, tree), trace.spans.length);
	return sumBy(trace, (i) => onPath[i]);
}

/** The services that report spans in the trace (the view header's legend). */
export function servicesOf(trace: Trace): string[] {
	return [...new Set(trace.spans.map((_, i) => serviceOf(trace, i)))];
}

/** Calls from `parent` to `child` in one trace: its edge of the trace's Graph / the Dependencies rule. */
export function callsInTrace(trace: Trace, parent: string, child: string): number {
	return dependencyLinks([trace]).find((l) => l.parent === parent && l.child === child)?.callCount ?? 0;
}

/** The value most of `values` share (the smallest of a tie); undefined for none. */
export function mostCommon(values: readonly number[]): number | undefined {
	const counts = new Map<number, number>();
	for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
	let best: number | undefined;
	for (const [v, n] of counts) {
		const bestN = best === undefined ? 0 : counts.get(best)!;
		if (n > bestN || (n === bestN && best !== undefined && v < best)) best = v;
	}
	return best;
}

/**
 * What the spans `sel` selects recorded under `key`: a tag, else a field of a log — the first span
 * that has it. The way a step reads a learner's answer, written the way they like.
 */
export function recorded(run: RunOutput, sel: SpanSelector, key: string): KeyValue['value'] | undefined {
	for (const f of allSpans(run)) {
		if (!matches(f, sel)) continue;
		const tag = f.span.tags.find((t) => t.key === key);
		if (tag) return tag.value;
		for (const log of f.span.logs) {
			const field = log.fields.find((kv) => kv.key === key);
			if (field) return field.value;
		}
	}
	return undefined;
}

/** A recorded answer as a number: 5 and "5" alike; undefined when it is not one. */
export function answeredNumber(value: KeyValue['value'] | undefined): number | undefined {
	if (typeof value === 'number') return value;
	if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
	return undefined;
}

const squash = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Whether a recorded answer names the operation of `service`: `GetDriver`, `driver GetDriver`,
 * `driver: GetDriver`, `driver/GetDriver` alike, in any case; a gRPC method by its last part too
 * (`FindNearest` for `/driver.Driver/FindNearest`).
 */
export function namesOperation(value: KeyValue['value'] | undefined, service: string, operation: string): boolean {
	if (typeof value !== 'string') return false;
	let answer = squash(value);
	const svc = squash(service);
	const op = squash(operation);
	if (answer === op) return true;
	const prefixed = answer.match(new RegExp(`^${svc.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[:/.\\s]\\s*(.+)$`));
	if (prefixed) answer = prefixed[1];
	if (answer === op) return true;
	return answer.length > 0 && !op.startsWith(answer) && (op.endsWith(`/${answer}`) || op.endsWith(`.${answer}`));
}

/** Whether a recorded answer names `service`, in any case. */
export function namesService(value: KeyValue['value'] | undefined, service: string): boolean {
	return typeof value === 'string' && squash(value) === squash(service);
}

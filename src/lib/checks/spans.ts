// Finding spans in what a run produced. A FoundSpan carries its trace and service so the other
// helpers can judge parents, trace membership and tags without looking anything up again.
import type { KeyValue, Span, Trace } from '$lib/model';
import type { Localized, RunOutput } from './types';
import { text } from './text';

export interface FoundSpan {
	span: Span;
	trace: Trace;
	service: string;
}

/** Which span a check means: the service that reported it and its operation name. */
export interface SpanSelector {
	service?: string;
	operation: string;
}

export function allSpans(run: RunOutput): FoundSpan[] {
	return run.traces.flatMap((trace) =>
		trace.spans.map((span) => ({ span, trace, service: trace.processes[span.processID]?.serviceName ?? '?' }))
	);
}

/** `hello-world's "say-hello" span`, in each language, for the labels of the Checks list. */
export function describeSpan(sel: SpanSelector): Localized {
	return sel.service
		? text(`${sel.service}'s "${sel.operation}" span`, `${sel.service} 的 "${sel.operation}" span`)
		: text(`the "${sel.operation}" span`, `"${sel.operation}" span`);
}

export function findSpans(run: RunOutput, sel: SpanSelector): FoundSpan[] {
	return allSpans(run).filter((f) => f.span.operationName === sel.operation && (!sel.service || f.service === sel.service));
}

export function findSpan(run: RunOutput, sel: SpanSelector): FoundSpan | undefined {
	return findSpans(run, sel)[0];
}

export type RefType = 'CHILD_OF' | 'FOLLOWS_FROM';

/** 'ChildOf' / 'FollowsFrom', as the lessons and OpenTracing's API name them. */
export const refName = (t: RefType): string => (t === 'CHILD_OF' ? 'ChildOf' : 'FollowsFrom');

/**
 * The span this one references with `refType` (ChildOf unless asked otherwise), if in the run. Only
 * that type: a FollowsFrom reference is not a parent when a ChildOf one is asked for.
 */
export function parentOf(run: RunOutput, f: FoundSpan, refType: RefType = 'CHILD_OF'): FoundSpan | undefined {
	const ref = f.span.references.find((r) => r.refType === refType);
	if (!ref) return undefined;
	return allSpans(run).find((o) => o.span.spanID === ref.spanID && o.span.traceID === ref.traceID);
}

/** Every reference of `f` whose span is in the run, with its type. */
export function referencedSpans(run: RunOutput, f: FoundSpan): { refType: RefType; to: FoundSpan }[] {
	const all = allSpans(run);
	return f.span.references.flatMap((r) => {
		const to = all.find((o) => o.span.spanID === r.spanID && o.span.traceID === r.traceID);
		return to ? [{ refType: r.refType as RefType, to }] : [];
	});
}

export function matches(f: FoundSpan, sel: SpanSelector): boolean {
	return f.span.operationName === sel.operation && (!sel.service || f.service === sel.service);
}

export function tagValue(f: FoundSpan, key: string): KeyValue['value'] | undefined {
	return f.span.tags.find((t) => t.key === key)?.value;
}

/** Log records as plain objects: {event: 'string-format', value: 'Hello, Bryan!'}. */
export function logsOf(f: FoundSpan): Record<string, KeyValue['value']>[] {
	return f.span.logs.map((l) => Object.fromEntries(l.fields.map((kv) => [kv.key, kv.value])));
}

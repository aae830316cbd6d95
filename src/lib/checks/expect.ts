// Assertions that become lines in the Checks region. Each takes the hint to show when it fails:
// the hint names the likely mistake, in the lesson's words.
import type { CheckItem, RunOutput } from './types';
import { item } from './item';
import { describe, findSpan, findSpans, logsOf, parentOf, tagValue, type FoundSpan, type SpanSelector } from './spans';


export function spanReported(run: RunOutput, sel: SpanSelector, hint: string): CheckItem {
	return item(`${describe(sel)} was reported`, findSpans(run, sel).length > 0, hint);
}

export function spanCount(run: RunOutput, sel: SpanSelector, count: number, hint: string): CheckItem {
	const n = findSpans(run, sel).length;
	return item(`${describe(sel)} was reported ${count === 1 ? 'once' : `${count} times`}`, n === count, hint);
}

export function traceCount(run: RunOutput, count: number, hint: string): CheckItem {
	return item(`the run produced ${count === 1 ? 'one trace' : `${count} traces`}`, run.traces.length === count, hint);
}

export function totalSpans(run: RunOutput, count: number, hint: string): CheckItem {
	const n = run.traces.reduce((a, t) => a + t.spans.length, 0);
	return item(`${count} spans in all`, n === count, hint);
}

export function isRoot(run: RunOutput, sel: SpanSelector, hint: string): CheckItem {
	const f = findSpan(run, sel);
	return item(`${describe(sel)} is the root of its trace`, Boolean(f && f.span.references.length === 0), hint);
}

export function childOf(run: RunOutput, child: SpanSelector, parent: SpanSelector, hint: string): CheckItem {
	const c = findSpan(run, child);
	const p = c && parentOf(run, c);
	const ok = Boolean(p && p.span.operationName === parent.operation && (!parent.service || p.service === parent.service));
	return item(`${describe(child)} is a child of ${describe(parent)}`, ok, hint);
}

export function referenceType(run: RunOutput, sel: SpanSelector, refType: 'CHILD_OF' | 'FOLLOWS_FROM', hint: string): CheckItem {
	const f = findSpan(run, sel);
	const ok = Boolean(f && f.span.references.some((r) => r.refType === refType));
	return item(`${describe(sel)} has a ${refType === 'CHILD_OF' ? 'ChildOf' : 'FollowsFrom'} reference`, ok, hint);
}

export function sameTrace(run: RunOutput, sels: SpanSelector[], hint: string): CheckItem {
	const found = sels.map((s) => findSpan(run, s));
	const ok = found.every(Boolean) && new Set(found.map((f) => f!.span.traceID)).size === 1;
	return item(`${sels.map((s) => `"${s.operation}"`).join(', ')} are in the same trace`, ok, hint);
}

export function hasTag(run: RunOutput, sel: SpanSelector, key: string, value: string | number | boolean | undefined, hint: string): CheckItem {
	const f = findSpan(run, sel);
	const actual = f && tagValue(f, key);
	const ok = value === undefined ? actual !== undefined : actual !== undefined && String(actual) === String(value);
	return item(`${describe(sel)} has tag ${key}${value === undefined ? '' : `=${value}`}`, ok, hint);
}

export function lacksTag(run: RunOutput, sel: SpanSelector, key: string, hint: string): CheckItem {
	const f = findSpan(run, sel);
	return item(`${describe(sel)} has no tag ${key}`, Boolean(f && tagValue(f, key) === undefined), hint);
}

/** A log on the span whose fields include all of `fields` (values compared as strings). */
export function hasLog(run: RunOutput, sel: SpanSelector, fields: Record<string, string | number | boolean>, hint: string): CheckItem {
	const f = findSpan(run, sel);
	const ok = Boolean(f && logsOf(f).some((log) => Object.entries(fields).every(([k, v]) => k in log && String(log[k]) === String(v))));
	const shown = Object.entries(fields).map(([k, v]) => `${k}=${v}`).join(', ');
	return item(`${describe(sel)} logs {${shown}}`, ok, hint);
}

/** Operation names are a small fixed set: none may contain a value that changes per request. */
export function operationExcludes(run: RunOutput, text: string, hint: string): CheckItem {
	const bad = run.traces.flatMap((t) => t.spans).some((s) => text && s.operationName.includes(text));
	return item(`no operation name contains "${text}"`, !bad, hint);
}


export function noErrors(run: RunOutput, hint: string): CheckItem {
	return item('every service ran without an error', run.errors.length === 0, run.errors.length ? `${run.errors[0]} — ${hint}` : hint);
}

/** The span has tag `key` whose value, as text, matches `pattern`. */
export function tagMatches(run: RunOutput, sel: SpanSelector, key: string, pattern: RegExp, hint: string): CheckItem {
	const f = findSpan(run, sel);
	const t = f?.span.tags.find((kv) => kv.key === key);
	return item(`${describe(sel)} has tag ${key}`, Boolean(t && pattern.test(String(t.value))), hint);
}

/** How many distinct services reported spans into the trace that holds `sel`. */
export function servicesInTrace(run: RunOutput, sel: SpanSelector, count: number, hint: string): CheckItem {
	const f = findSpan(run, sel);
	const n = f ? new Set(f.trace.spans.map((s) => f.trace.processes[s.processID]?.serviceName)).size : 0;
	return item(`the trace of ${describe(sel)} spans ${count} services`, Boolean(f) && n === count, hint);
}

export type { FoundSpan };

// More assertions for lesson checks: console lines by pattern, tags by pattern, requests on the wire
// and the span whose context they carry, and timing between spans (a parent that outlives its
// children, a span that started only after an await). Same shape as expect.ts: each takes the hint
// to show when it fails.
import type { CheckItem, RunOutput } from './types';
import { describe, findSpan, type SpanSelector } from './spans';
import type { NetworkRecord } from '../sim/types';

function item(label: string, ok: boolean, hint: string): CheckItem {
	return ok ? { label, ok } : { label, ok, hint };
}

/** Did `service` print a line matching `pattern`? `label` says what the line is, for the Checks list. */
export function consoleMatches(run: RunOutput, service: string, pattern: RegExp, label: string, hint: string): CheckItem {
	return item(label, run.console.some((l) => l.service === service && pattern.test(l.text)), hint);
}

/** The span has tag `key` whose value, as text, matches `pattern`. */
export function tagMatches(run: RunOutput, sel: SpanSelector, key: string, pattern: RegExp, hint: string): CheckItem {
	const f = findSpan(run, sel);
	const t = f?.span.tags.find((kv) => kv.key === key);
	return item(`${describe(sel)} has tag ${key}`, Boolean(t && pattern.test(String(t.value))), hint);
}

/** Requests to host `to` (any port), in the order they were sent. */
export function requestsTo(run: RunOutput, to: string): NetworkRecord[] {
	return run.network.filter((r) => r.to.split(':')[0] === to);
}

/** A request to `to` whose URL (path and query) matches `url`. */
export function requestSent(run: RunOutput, to: string, url: RegExp, hint: string): CheckItem {
	const ok = requestsTo(run, to).some((r) => url.test(r.url));
	return item(`a request reached ${to}`, ok, hint);
}

const strip = (id: string) => id.toLowerCase().replace(/^0+/, '');

/** The trace context a request carried in `uber-trace-id`, ids without leading zeros. */
export function sentContext(r: NetworkRecord): { traceId: string; spanId: string; parentId: string; flags: string } | null {
	const v = r.requestHeaders['uber-trace-id'];
	if (!v) return null;
	const parts = decodeURIComponent(v).split(':');
	if (parts.length !== 4) return null;
	return { traceId: strip(parts[0]), spanId: strip(parts[1]), parentId: strip(parts[2]), flags: parts[3] };
}

/**
 * Some request to `to` carried the context of the span `sel` (its `uber-trace-id` names that span),
 * so the server's span can become that span's child.
 */
export function requestCarriesSpan(run: RunOutput, to: string, sel: SpanSelector, hint: string): CheckItem {
	const f = findSpan(run, sel);
	const ok = Boolean(
		f &&
			requestsTo(run, to).some((r) => {
				const c = sentContext(r);
				return c !== null && c.spanId === strip(f.span.spanID) && c.traceId === strip(f.span.traceID);
			})
	);
	return item(`the request to ${to} carries the context of ${describe(sel)}`, ok, hint);
}

/** `parent` started before `child` and ended after it: in the timeline, the child's bar sits inside the parent's. */
export function encloses(run: RunOutput, parent: SpanSelector, child: SpanSelector, hint: string): CheckItem {
	const p = findSpan(run, parent);
	const c = findSpan(run, child);
	const ok = Boolean(
		p && c && c.span.startTime >= p.span.startTime && c.span.startTime + c.span.duration <= p.span.startTime + p.span.duration
	);
	return item(`${describe(parent)} lasts until ${describe(child)} has finished`, ok, hint);
}

/** `sel` started at least `ms` milliseconds after `after` started. */
export function startsLater(run: RunOutput, sel: SpanSelector, after: SpanSelector, ms: number, hint: string): CheckItem {
	const s = findSpan(run, sel);
	const a = findSpan(run, after);
	const ok = Boolean(s && a && s.span.startTime - a.span.startTime >= ms * 1000);
	return item(`${describe(sel)} starts at least ${ms} ms after ${describe(after)} starts`, ok, hint);
}

/** How many distinct services reported spans into the trace that holds `sel`. */
export function servicesInTrace(run: RunOutput, sel: SpanSelector, count: number, hint: string): CheckItem {
	const f = findSpan(run, sel);
	const n = f ? new Set(f.trace.spans.map((s) => f.trace.processes[s.processID]?.serviceName)).size : 0;
	return item(`the trace of ${describe(sel)} spans ${count} services`, Boolean(f) && n === count, hint);
}

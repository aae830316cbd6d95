// What crossed the simulated network: requests to a host, the trace context they carried.
import type { CheckItem, CheckText, RunOutput } from './types';
import type { NetworkRecord } from '$lib/sim';
import { allSpans, describeSpan, findSpan, type FoundSpan, type SpanSelector } from './spans';
import { item, withMissing } from './item';
import { joinText, text } from './text';

/** Requests to host `to` (any port), in the order they were sent. */
export function requestsTo(run: RunOutput, to: string): NetworkRecord[] {
	return run.network.filter((r) => r.to.split(':')[0] === to);
}

/** A request to `to` whose URL (path and query) matches `url`. */
export function requestSent(run: RunOutput, to: string, url: RegExp, hint: CheckText): CheckItem {
	const ok = requestsTo(run, to).some((r) => url.test(r.url));
	return item(text(`a request reached ${to}`, `有请求到达了 ${to}`), ok, hint);
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

/** What the requests to host `to` carried, judged against the span `sel` that should have made them. */
export type Carried =
	| { kind: 'no-request' }
	/** no request to `to` carried an uber-trace-id */
	| { kind: 'none' }
	/** a request carried the context of `sel`'s span */
	| { kind: 'span' }
	/** requests carried a context, but another span's: `span` when that span is in the run */
	| { kind: 'other'; span?: FoundSpan; spanId: string };

export function carried(run: RunOutput, to: string, sel: SpanSelector): Carried {
	const reqs = requestsTo(run, to);
	if (reqs.length === 0) return { kind: 'no-request' };
	const f = findSpan(run, sel);
	const contexts = reqs.map(sentContext).filter((c) => c !== null);
	if (contexts.length === 0) return { kind: 'none' };
	if (f && contexts.some((c) => c.spanId === strip(f.span.spanID) && c.traceId === strip(f.span.traceID))) return { kind: 'span' };
	const c = contexts[0];
	const span = allSpans(run).find((o) => strip(o.span.spanID) === c.spanId && strip(o.span.traceID) === c.traceId);
	return { kind: 'other', span, spanId: c.spanId };
}

/**
 * Why a call to `to` made by `sel`'s span did not link up, seen from the wire — the one reading every
 * step that judges propagation shares: no context on the request, or another span's context (the
 * active root instead of the span that made the call). Undefined when the request carried the
 * right context (then the server is the place to look) or never went out.
 */
export function clientPropagationHint(run: RunOutput, to: string, sel: SpanSelector): CheckText | undefined {
	const c = carried(run, to, sel);
	const d = describeSpan(sel);
	if (c.kind === 'none')
		return text(
			`The request to ${to} went out without an uber-trace-id header, so there was no context to continue: inject the calling span's context into a headers object and pass that same object to fetch(url, { headers }).`,
			`发往 ${to} 的请求发出时没有 uber-trace-id 请求头，所以没有可以延续的 context：把发起调用的 span 的 context 注入到一个 headers 对象里，再把同一个对象传给 fetch(url, { headers })。`
		);
	if (c.kind === 'other') {
		const o = c.span ? describeSpan({ service: c.span.service, operation: c.span.span.operationName }) : text(`another span (${c.spanId})`, `另一个 span（${c.spanId}）`);
		return text(
			`The request to ${to} carries the context of ${o.en}, not of ${d.en}, which made the call: inject that span's own context — tracer.inject(span.context(), FORMAT_HTTP_HEADERS, headers) — not whichever span is active.`,
			`发往 ${to} 的请求带的是 ${o['zh-CN']} 的 context，而不是发起这次调用的 ${d['zh-CN']} 的：注入这个 span 自己的 context——tracer.inject(span.context(), FORMAT_HTTP_HEADERS, headers)——而不是碰巧处于活跃状态的那个 span。`
		);
	}
	return undefined;
}

/**
 * The request to `to` carries the context of `sel`'s span. When it does not, the hint says what the
 * wire shows (`clientPropagationHint`) and then the step's own words, if any, for that case.
 */
export function requestCarriesSpan(run: RunOutput, to: string, sel: SpanSelector, hint: CheckText | { none?: CheckText; other?: CheckText; fallback: CheckText }): CheckItem {
	const c = carried(run, to, sel);
	const d = describeSpan(sel);
	const label = text(`the request to ${to} carries the context of ${d.en}`, `发往 ${to} 的请求带着 ${d['zh-CN']} 的 context`);
	if (c.kind === 'span') return item(label, true, '');
	const hints = typeof hint === 'string' || 'en' in hint ? { fallback: hint } : hint;
	const wire = clientPropagationHint(run, to, sel);
	const own = c.kind === 'none' ? hints.none : c.kind === 'other' ? hints.other : undefined;
	const full = wire ? (own ? joinText(wire, own) : wire) : hints.fallback;
	return withMissing(item(label, false, full), run, sel);
}

/** A request to `to` (a host) carried `header`, optionally with a value matching `value`. */
export function headerSent(run: RunOutput, to: string, header: string, value: RegExp | undefined, hint: CheckText): CheckItem {
	const h = header.toLowerCase();
	const ok = run.network.some((r) => r.to.split(':')[0] === to && h in r.requestHeaders && (!value || value.test(r.requestHeaders[h])));
	return item(text(`the request to ${to} carries the ${header} header`, `发往 ${to} 的请求带有 ${header} 请求头`), ok, hint);
}

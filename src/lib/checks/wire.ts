// What crossed the simulated network: requests to a host, the trace context they carried.
import type { CheckItem, CheckText, RunOutput } from './types';
import type { NetworkRecord } from '$lib/sim';
import { describeSpan, findSpan, type SpanSelector } from './spans';
import { item } from './item';
import { text } from './text';

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

export function requestCarriesSpan(run: RunOutput, to: string, sel: SpanSelector, hint: CheckText): CheckItem {
	const f = findSpan(run, sel);
	const ok = Boolean(
		f &&
			requestsTo(run, to).some((r) => {
				const c = sentContext(r);
				return c !== null && c.spanId === strip(f.span.spanID) && c.traceId === strip(f.span.traceID);
			})
	);
	const d = describeSpan(sel);
	return item(text(`the request to ${to} carries the context of ${d.en}`, `发往 ${to} 的请求带着 ${d['zh-CN']} 的 context`), ok, hint);
}

/** A request to `to` (a host) carried `header`, optionally with a value matching `value`. */
export function headerSent(run: RunOutput, to: string, header: string, value: RegExp | undefined, hint: CheckText): CheckItem {
	const h = header.toLowerCase();
	const ok = run.network.some((r) => r.to.split(':')[0] === to && h in r.requestHeaders && (!value || value.test(r.requestHeaders[h])));
	return item(text(`the request to ${to} carries the ${header} header`, `发往 ${to} 的请求带有 ${header} 请求头`), ok, hint);
}

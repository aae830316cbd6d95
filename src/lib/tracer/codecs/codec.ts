// What a propagation codec is, and safe ways to read and write carriers.
// Carriers come from learner code and from the network, so reading them must survive anything:
// non-objects, Proxies, throwing getters, arrays of values, `__proto__` keys. Anything unexpected is
// skipped or throws MalformedCarrier, which the tracer counts and turns into `null`.
import type { SpanContext } from 'opentracing';
import type { JaegerSpanContext } from '../span_context';

export interface Injector {
	inject(context: JaegerSpanContext, carrier: unknown): void;
}

export interface Extractor {
	/** null when the carrier holds no context; throws (anything) when it is malformed */
	extract(carrier: unknown): SpanContext | null;
}

export type Codec = Injector & Extractor;

export class MalformedCarrier extends Error {}

interface HeaderLike {
	forEach(cb: (value: unknown, key: unknown) => void): void;
	set(key: string, value: string): void;
}

function isHeaderLike(c: object): c is HeaderLike {
	// fetch's Headers and Map: iterate with forEach, write with set.
	return typeof (c as HeaderLike).forEach === 'function' && typeof (c as HeaderLike).set === 'function';
}

/** String value of a header, or undefined for anything that is not a string (or list of strings). */
function headerValue(v: unknown): string | undefined {
	if (typeof v === 'string') return v;
	if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')) return v.join(',');
	return undefined;
}

/**
 * Calls `fn(lowerCaseKey, value)` for every string-valued entry of a text-map / headers carrier.
 * Returns false when the carrier is not an object at all.
 */
export function forEachHeader(carrier: unknown, fn: (key: string, value: string) => void): boolean {
	if (carrier === null || typeof carrier !== 'object') return false;
	if (isHeaderLike(carrier)) {
		carrier.forEach((value, key) => {
			const v = headerValue(value);
			if (typeof key === 'string' && v !== undefined) fn(key.toLowerCase(), v);
		});
		return true;
	}
	const obj = carrier as Record<string, unknown>;
	for (const key of Object.keys(obj)) {
		const v = headerValue(obj[key]);
		if (v !== undefined) fn(key.toLowerCase(), v);
	}
	return true;
}

export function setHeader(carrier: unknown, key: string, value: string): void {
	if (carrier === null || typeof carrier !== 'object') throw new TypeError('carrier must be an object');
	if (isHeaderLike(carrier)) carrier.set(key, value);
	else (carrier as Record<string, string>)[key] = value;
}

/** decodeURIComponent that returns the input unchanged on malformed escapes (like jaeger-client). */
export function safeDecode(value: string): string {
	if (value.indexOf('%') === -1) return value;
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

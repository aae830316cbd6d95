import type { HeaderMap } from './types';

export type HeadersInput =
	| HeaderMap
	| Record<string, string | number | boolean | string[] | undefined>
	| Iterable<readonly [string, string]>
	| { forEach(cb: (value: string, key: string) => void): void }
	| undefined
	| null;

/**
 * Any header shape learners pass (a record, a Headers-like object, [name, value] pairs) → a plain
 * lower-case map. Repeated headers are joined with ", " as HTTP allows.
 */
export function normalizeHeaders(input: HeadersInput): HeaderMap {
	const out: HeaderMap = {};
	const add = (k: string, v: unknown) => {
		if (v === undefined || v === null) return;
		const key = String(k).toLowerCase();
		const value = Array.isArray(v) ? v.map(String).join(', ') : String(v);
		out[key] = key in out ? `${out[key]}, ${value}` : value;
	};
	if (!input) return out;
	if (typeof (input as { forEach?: unknown }).forEach === 'function' && !Array.isArray(input)) {
		(input as { forEach(cb: (value: string, key: string) => void): void }).forEach((v, k) => add(k, v));
	} else if (Symbol.iterator in (input as object)) {
		for (const [k, v] of input as Iterable<readonly [string, string]>) add(k, v);
	} else {
		for (const [k, v] of Object.entries(input as Record<string, unknown>)) add(k, v);
	}
	return out;
}

// Limits on baggage, because every item rides along on every downstream request. The defaults follow
// jaeger-client (value ≤ 2048 chars) and the W3C baggage spec (≤ 180 items, ≤ 8192 bytes in total).
import type { Baggage } from './span_context';

export interface BaggageLimits {
	maxValueLength: number;
	maxKeyLength: number;
	/** sum of key + value lengths over all items */
	maxTotalSize: number;
	maxItems: number;
}

export const DEFAULT_BAGGAGE_LIMITS: BaggageLimits = {
	maxValueLength: 2048,
	maxKeyLength: 256,
	maxTotalSize: 8192,
	maxItems: 180
};

const keyCache = new Map<string, string>();

/**
 * jaeger-client's key rule: `_` → `-`, lower-case (keys travel as case-insensitive header names).
 * Cached because lessons use a handful of keys over and over.
 */
export function normalizeBaggageKey(key: string): string {
	const hit = keyCache.get(key);
	if (hit !== undefined) return hit;
	const norm = key.replace(/_/g, '-').toLowerCase();
	if (keyCache.size < 100) keyCache.set(key, norm);
	return norm;
}

/** Header-name token characters (RFC 9110), so every key can be written as `uberctx-<key>`. */
const TOKEN = /^[!#$%&'*+\-.^`|~0-9a-z]+$/;

export function isValidBaggageKey(key: string, limits: BaggageLimits): boolean {
	return key.length > 0 && key.length <= limits.maxKeyLength && TOKEN.test(key);
}

export function baggageSize(baggage: Baggage): { items: number; size: number } {
	let items = 0;
	let size = 0;
	for (const k in baggage) {
		items++;
		size += k.length + baggage[k].length;
	}
	return { items, size };
}

/**
 * Applies the limits to baggage read from a carrier: keys normalized, invalid keys dropped, values
 * truncated, items beyond the count or size budget dropped. Returns the number of changes made.
 */
export function sanitizeBaggage(raw: Baggage, limits: BaggageLimits): { baggage: Baggage; changed: number } {
	const out: Baggage = Object.create(null);
	let changed = 0;
	let items = 0;
	let size = 0;
	for (const rawKey in raw) {
		const key = normalizeBaggageKey(rawKey);
		let value = raw[rawKey];
		if (!isValidBaggageKey(key, limits) || typeof value !== 'string') {
			changed++;
			continue;
		}
		if (value.length > limits.maxValueLength) {
			value = value.slice(0, limits.maxValueLength);
			changed++;
		}
		if (items + 1 > limits.maxItems || size + key.length + value.length > limits.maxTotalSize) {
			changed++;
			continue;
		}
		if (!(key in out)) items++;
		else size -= key.length + out[key].length;
		out[key] = value;
		size += key.length + value.length;
	}
	return { baggage: out, changed };
}

// Turning learner-supplied tag and log values into the typed KeyValues of Jaeger JSON.
// Conversion happens when a span is turned into a record, not when setTag is called, so the hot path
// only stores (key, value) pairs.
import type { KeyValue } from '$lib/model';

export function toKeyValue(key: string, value: unknown): KeyValue {
	switch (typeof value) {
		case 'string':
			return { key, type: 'string', value };
		case 'boolean':
			return { key, type: 'bool', value };
		case 'number':
			return Number.isInteger(value) ? { key, type: 'int64', value } : { key, type: 'float64', value };
		case 'bigint':
			// int64 when it fits a JS number exactly; otherwise keep every digit as a string.
			return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
				? { key, type: 'int64', value: Number(value) }
				: { key, type: 'string', value: value.toString() };
		case 'object':
			return { key, type: 'string', value: objectToString(value) };
		default:
			return { key, type: 'string', value: String(value) };
	}
}

/** Objects become JSON like jaeger-client does; Errors (which JSON-stringify to "{}") keep their message. */
function objectToString(value: object | null): string {
	if (value === null) return 'null';
	if (value instanceof Error) return `${value.name}: ${value.message}`;
	try {
		return JSON.stringify(value) ?? String(value);
	} catch {
		// cycles, BigInt inside, throwing toJSON …: a record must still be produced.
		try {
			return Object.prototype.toString.call(value);
		} catch {
			return '[object]';
		}
	}
}

/** The first `length` slots of pairs stored flat as [k0, v0, k1, v1, …] → KeyValue[]. */
export function pairsToKeyValues(pairs: unknown[], length: number): KeyValue[] {
	const out: KeyValue[] = new Array(length >> 1);
	for (let i = 0, j = 0; i < length; i += 2, j++) out[j] = toKeyValue(pairs[i] as string, pairs[i + 1]);
	return out;
}

/** A fields object (span.log, process tags) → KeyValue[], own enumerable keys only. */
export function objectToKeyValues(fields: Record<string, unknown>): KeyValue[] {
	const out: KeyValue[] = [];
	for (const key of Object.keys(fields)) out.push(toKeyValue(key, fields[key]));
	return out;
}

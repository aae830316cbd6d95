// OTLP's typed values and enums as Jaeger tags, the mapping jaeger's OTLP translator uses: scalars keep
// their type, arrays and key-value lists become JSON strings, bytes stay base64 as a `binary` tag.
import type { KeyValue } from '../types';
import { FieldReader, describe, isObject } from './read';

/** Nesting beyond this is rejected: no honest attribute is 64 arrays deep, and it bounds our recursion. */
const MAX_VALUE_DEPTH = 64;

type Plain = string | number | boolean | null | Plain[] | { [k: string]: Plain };

function intValue(r: FieldReader, v: unknown, path: string): number | string {
	if (typeof v === 'number' && Number.isInteger(v)) return v;
	if (typeof v === 'string' && /^-?\d{1,20}$/.test(v)) {
		// int64 beyond 2^53 stays a decimal string, as jaeger-query writes it: no silent rounding.
		const n = Number(v);
		return Number.isSafeInteger(n) ? n : v;
	}
	return r.fail(path, `is not an integer (it is ${describe(v)})`);
}

/** An AnyValue as plain JSON data (for arrays/kvlists), depth-checked. */
function anyToPlain(r: FieldReader, v: unknown, path: string, depth: number): Plain {
	if (depth > MAX_VALUE_DEPTH) r.fail(path, `nests deeper than ${MAX_VALUE_DEPTH} levels`);
	if (v === null || v === undefined) return null;
	const o = r.object(v, path);
	if ('stringValue' in o) return typeof o.stringValue === 'string' ? o.stringValue : r.fail(`${path}.stringValue`, `is not a string (it is ${describe(o.stringValue)})`);
	if ('boolValue' in o) return typeof o.boolValue === 'boolean' ? o.boolValue : r.fail(`${path}.boolValue`, `is not a boolean (it is ${describe(o.boolValue)})`);
	if ('intValue' in o) return intValue(r, o.intValue, `${path}.intValue`);
	if ('doubleValue' in o) {
		const d = o.doubleValue;
		if (typeof d === 'number') return d;
		if (d === 'NaN' || d === 'Infinity' || d === '-Infinity') return d;
		return r.fail(`${path}.doubleValue`, `is not a number (it is ${describe(d)})`);
	}
	if ('bytesValue' in o) return typeof o.bytesValue === 'string' ? o.bytesValue : r.fail(`${path}.bytesValue`, `is not base64 text (it is ${describe(o.bytesValue)})`);
	if ('arrayValue' in o) {
		const a = o.arrayValue === null ? {} : r.object(o.arrayValue, `${path}.arrayValue`);
		return r.list(a, 'values', `${path}.arrayValue`).map((x, i) => anyToPlain(r, x, `${path}.arrayValue.values[${i}]`, depth + 1));
	}
	if ('kvlistValue' in o) {
		const kv = o.kvlistValue === null ? {} : r.object(o.kvlistValue, `${path}.kvlistValue`);
		const out: { [k: string]: Plain } = {};
		r.list(kv, 'values', `${path}.kvlistValue`).forEach((x, i) => {
			const p = `${path}.kvlistValue.values[${i}]`;
			const e = r.object(x, p);
			out[r.string(e, 'key', p)] = anyToPlain(r, e.value, `${p}.value`, depth + 1);
		});
		return out;
	}
	return null; // an empty AnyValue is legal OTLP: "no value"
}

/** One OTLP attribute {key, value: AnyValue} as a Jaeger tag. */
export function attributeToTag(r: FieldReader, v: unknown, path: string): KeyValue {
	const o = r.object(v, path);
	const key = r.string(o, 'key', path);
	const val = o.value;
	const vp = `${path}.value`;
	if (val === null || val === undefined) return { key, type: 'string', value: '' };
	const vo = r.object(val, vp);
	if ('boolValue' in vo) return { key, type: 'bool', value: anyToPlain(r, vo, vp, 0) as boolean };
	if ('intValue' in vo) return { key, type: 'int64', value: intValue(r, vo.intValue, `${vp}.intValue`) };
	if ('doubleValue' in vo) {
		const d = anyToPlain(r, vo, vp, 0);
		return typeof d === 'number' ? { key, type: 'float64', value: d } : { key, type: 'string', value: String(d) };
	}
	if ('bytesValue' in vo) return { key, type: 'binary', value: anyToPlain(r, vo, vp, 0) as string };
	if ('arrayValue' in vo || 'kvlistValue' in vo) return { key, type: 'string', value: JSON.stringify(anyToPlain(r, vo, vp, 0)) };
	const s = anyToPlain(r, vo, vp, 0);
	return { key, type: 'string', value: s === null ? '' : (s as string) };
}

export function attributesToTags(r: FieldReader, list: unknown[], path: string): KeyValue[] {
	return list.map((a, i) => attributeToTag(r, a, `${path}[${i}]`));
}

/** A Jaeger tag as an OTLP attribute (ints as decimal strings, which OTLP JSON uses for int64). */
export function tagToAttribute(t: KeyValue): { key: string; value: Record<string, unknown> } {
	switch (t.type) {
		case 'bool': return { key: t.key, value: { boolValue: t.value === true || t.value === 'true' } };
		case 'int64': return { key: t.key, value: { intValue: String(t.value) } };
		case 'float64': return { key: t.key, value: { doubleValue: Number(t.value) } };
		case 'binary': return { key: t.key, value: { bytesValue: String(t.value) } };
		default: return { key: t.key, value: { stringValue: String(t.value) } };
	}
}

export const SPAN_KINDS = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'] as const;

/** OTLP span kind (0–5 or "SPAN_KIND_SERVER") as Jaeger's span.kind value; null for unspecified. */
export function readSpanKind(r: FieldReader, v: unknown, path: string): string | null {
	if (v === undefined || v === null) return null;
	let k = -1;
	if (typeof v === 'number') k = v;
	else if (typeof v === 'string') k = SPAN_KINDS.indexOf(v.replace(/^SPAN_KIND_/, '').toLowerCase() as (typeof SPAN_KINDS)[number]);
	if (!Number.isInteger(k) || k < 0 || k >= SPAN_KINDS.length) r.fail(path, `is not a span kind (0–5 or SPAN_KIND_…): it is ${describe(v)}`);
	return k === 0 ? null : SPAN_KINDS[k];
}

export const STATUS_CODES = ['UNSET', 'OK', 'ERROR'] as const;

/** OTLP status code (0–2 or "STATUS_CODE_ERROR") as 'OK' | 'ERROR' | null (unset). */
export function readStatusCode(r: FieldReader, v: unknown, path: string): 'OK' | 'ERROR' | null {
	if (v === undefined || v === null) return null;
	let c = -1;
	if (typeof v === 'number') c = v;
	else if (typeof v === 'string') c = STATUS_CODES.indexOf(v.replace(/^STATUS_CODE_/, '').toUpperCase() as (typeof STATUS_CODES)[number]);
	if (!Number.isInteger(c) || c < 0 || c > 2) r.fail(path, `is not a status code (0–2 or STATUS_CODE_…): it is ${describe(v)}`);
	return c === 0 ? null : STATUS_CODES[c] as 'OK' | 'ERROR';
}

export { isObject };

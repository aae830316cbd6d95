// Checked field access for untrusted JSON: every reader names the format and the path of the value
// it rejects, and none recurses, so any input either converts or throws a TraceImportError.
import { TraceImportError } from '../errors';

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function describe(v: unknown): string {
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'an array';
	if (typeof v === 'string') return v.length > 40 ? `a string "${v.slice(0, 40)}…"` : `the string "${v}"`;
	if (typeof v === 'object') return 'an object';
	return `${typeof v} ${String(v)}`;
}

/** A reader bound to one format, so call sites read `r.string(span, 'spanID', path)`. */
export class FieldReader {
	constructor(readonly format: string) {}

	fail(path: string, problem: string): never {
		throw new TraceImportError(`${this.format}: ${path} ${problem}`, this.format, path);
	}

	object(v: unknown, path: string): JsonObject {
		if (!isObject(v)) this.fail(path, `is not an object (it is ${describe(v)})`);
		return v;
	}

	/** An array field; missing or null reads as [] (producers write null for empty lists). */
	list(obj: JsonObject, key: string, path: string): unknown[] {
		const v = obj[key];
		if (v === undefined || v === null) return [];
		if (!Array.isArray(v)) this.fail(`${path}.${key}`, `is not an array (it is ${describe(v)})`);
		return v;
	}

	string(obj: JsonObject, key: string, path: string, fallback?: string): string {
		const v = obj[key];
		if ((v === undefined || v === null) && fallback !== undefined) return fallback;
		if (typeof v !== 'string') this.fail(`${path}.${key}`, v === undefined ? 'is missing' : `is not a string (it is ${describe(v)})`);
		return v;
	}

	/** A JSON number that is a safe integer; undefined when missing and no fallback is given. */
	int(obj: JsonObject, key: string, path: string, fallback?: number): number | undefined {
		const v = obj[key];
		if (v === undefined || v === null) return fallback;
		if (typeof v !== 'number') this.fail(`${path}.${key}`, `is not a number (it is ${describe(v)})`);
		if (!Number.isSafeInteger(Math.trunc(v))) this.fail(`${path}.${key}`, `is not an integer in range (it is ${v})`);
		return Math.trunc(v);
	}
}

/** Nanoseconds (OTLP's decimal string or number) → µs integer, exactly for strings via BigInt. */
export function nanosToMicros(r: FieldReader, v: unknown, path: string): number | undefined {
	if (v === undefined || v === null || v === '' || v === 0 || v === '0') return undefined;
	if (typeof v === 'number') {
		if (!Number.isFinite(v) || v < 0) r.fail(path, `is not a time in nanoseconds (it is ${v})`);
		return Math.floor(v / 1000);
	}
	if (typeof v !== 'string' || !/^\d{1,20}$/.test(v)) r.fail(path, `is not a time in nanoseconds (it is ${describe(v)})`);
	const micros = Number(BigInt(v) / 1000n);
	if (!Number.isSafeInteger(micros)) r.fail(path, `is out of range (${v})`);
	return micros;
}

// Jaeger JSON (the jaeger-query / Jaeger UI format) in and out. Reading is as tolerant as Jaeger UI's
// upload — envelope, bare array, bare trace, JSON Lines of those, null lists — and strict about types,
// so a wrong value is reported where it is instead of surfacing later as NaN in the timeline.
import type { KeyValue, Process, QueryResponse, RefType, Span, SpanLog, SpanReference, TagType, Trace } from '../types';
import { FieldReader, describe, isObject, type JsonObject } from './read';

const r: FieldReader = new FieldReader('Jaeger JSON');
const TAG_TYPES: readonly TagType[] = ['string', 'bool', 'int64', 'float64', 'binary'];

// Reading works in place: the value is a fresh JSON.parse result, so each checked and normalised
// field is written back onto the object it came from and that object becomes the model's. Copying
// 10k spans into new objects doubled the allocation (and the garbage collection) of an import.
// Fields the model does not know stay as they are and travel with the span.

export function readKeyValue(v: unknown, path: string, reader = r): KeyValue {
	const o = reader.object(v, path);
	const key = reader.string(o, 'key', path);
	const value = o.value;
	let type = o.type as TagType | undefined;
	if (type !== undefined && (typeof type !== 'string' || !TAG_TYPES.includes(type.toLowerCase() as TagType)))
		reader.fail(`${path}.type`, `is not a tag type (${TAG_TYPES.join(', ')}): it is ${describe(type)}`);
	type = type?.toLowerCase() as TagType | undefined;
	const kv = o as unknown as KeyValue;
	kv.key = key;
	if (typeof value === 'boolean') kv.type = type ?? 'bool';
	else if (typeof value === 'number') {
		if (!Number.isFinite(value)) reader.fail(`${path}.value`, 'is not a finite number');
		kv.type = type ?? (Number.isInteger(value) ? 'int64' : 'float64');
	} else if (typeof value === 'string') kv.type = type ?? 'string';
	else if (value === null || value === undefined) {
		kv.type = type ?? 'string';
		kv.value = '';
	} else reader.fail(`${path}.value`, `is not a string, number or boolean (it is ${describe(value)})`);
	return kv;
}

/** Reads every item of a list field in place (the array is the model's afterwards; null → a new []). */
function readList<T>(o: JsonObject, key: string, path: string, read: (v: unknown, path: string) => T): T[] {
	const list = r.list(o, key, path) as unknown[];
	for (let i = 0; i < list.length; i++) list[i] = read(list[i], `${path}.${key}[${i}]`);
	return list as T[];
}

function readLog(v: unknown, path: string): SpanLog {
	const o = r.object(v, path);
	const log = o as unknown as SpanLog;
	log.timestamp = r.int(o, 'timestamp', path, 0)!;
	log.fields = readList(o, 'fields', path, readKeyValue);
	return log;
}

function readReference(v: unknown, path: string, traceID: string): SpanReference {
	const o = r.object(v, path);
	const refType = r.string(o, 'refType', path, 'CHILD_OF').toUpperCase();
	if (refType !== 'CHILD_OF' && refType !== 'FOLLOWS_FROM') r.fail(`${path}.refType`, `is not CHILD_OF or FOLLOWS_FROM (it is "${refType}")`);
	const ref = o as unknown as SpanReference;
	ref.refType = refType as RefType;
	ref.traceID = r.string(o, 'traceID', path, traceID);
	ref.spanID = r.string(o, 'spanID', path);
	return ref;
}

function readWarnings(o: JsonObject, path: string): string[] | null {
	if (o.warnings === null || o.warnings === undefined) return null;
	return r.list(o, 'warnings', path).map((w) => (typeof w === 'string' ? w : JSON.stringify(w) ?? String(w)));
}

function readSpan(v: unknown, path: string, traceID: string): Span {
	const o = r.object(v, path);
	const spanTraceID = r.string(o, 'traceID', path, traceID);
	const spanID = r.string(o, 'spanID', path);
	if (spanID === '') r.fail(`${path}.spanID`, 'is empty');
	const span = o as unknown as Span;
	span.traceID = spanTraceID;
	span.spanID = spanID;
	span.flags = r.int(o, 'flags', path, 1)!;
	span.operationName = r.string(o, 'operationName', path, '');
	span.references = readList(o, 'references', path, (x, p) => readReference(x, p, spanTraceID));
	// Missing start stays NaN here so repairTrace can tell "missing" from a real value and say so.
	span.startTime = r.int(o, 'startTime', path, NaN)!;
	span.duration = r.int(o, 'duration', path, 0)!;
	span.tags = readList(o, 'tags', path, readKeyValue);
	span.logs = readList(o, 'logs', path, readLog);
	span.processID = r.string(o, 'processID', path, '');
	span.warnings = readWarnings(o, path);
	return span;
}

function readProcess(v: unknown, path: string): Process {
	const o = r.object(v, path);
	return {
		serviceName: r.string(o, 'serviceName', path, 'unknown-service'),
		tags: r.list(o, 'tags', path).map((x, i) => readKeyValue(x, `${path}.tags[${i}]`))
	};
}

export function readJaegerTrace(v: unknown, path: string): Trace {
	const o = r.object(v, path);
	const traceID = r.string(o, 'traceID', path);
	if (traceID === '') r.fail(`${path}.traceID`, 'is empty');
	const spans = readList(o, 'spans', path, (s, p) => readSpan(s, p, traceID));
	const processes: Record<string, Process> = {};
	if (o.processes !== undefined && o.processes !== null) {
		const table = r.object(o.processes, `${path}.processes`);
		for (const id of Object.keys(table)) processes[id] = readProcess(table[id], `${path}.processes.${id}`);
	}
	return { traceID, spans, processes, warnings: readWarnings(o, path) };
}

/** True when v looks like one Jaeger trace object (what detection keys on). */
export function looksLikeJaegerTrace(v: unknown): boolean {
	return isObject(v) && typeof v.traceID === 'string' && Array.isArray(v.spans);
}

/**
 * Jaeger JSON in any wrapping Jaeger UI accepts: `{data:[…]}`, `{data:{…}}`, a bare array of traces,
 * or one bare trace. Counts, limits and `errors` of the envelope are ignored, as the UI does.
 * Spans are read in place: pass a value of its own (JSON.parse's), not one still used elsewhere.
 */
export function fromJaegerJSON(v: unknown): Trace[] {
	if (Array.isArray(v)) return v.map((t, i) => readJaegerTrace(t, `[${i}]`));
	const o = r.object(v, 'the file');
	if ('data' in o) {
		if (Array.isArray(o.data)) return o.data.map((t, i) => readJaegerTrace(t, `data[${i}]`));
		if (isObject(o.data)) return [readJaegerTrace(o.data, 'data')];
		return r.fail('data', `is not an array of traces (it is ${describe(o.data)})`);
	}
	return [readJaegerTrace(o, 'the trace')];
}

/** Jaeger JSON out, in the envelope jaeger-query answers `/api/traces` with. */
export function toJaegerJSON(traces: Trace[]): QueryResponse<Trace[]> {
	const data = traces.map((t) => ({
		traceID: t.traceID,
		spans: t.spans.map((s) => ({ ...s })),
		processes: { ...t.processes },
		warnings: t.warnings
	}));
	return { data, total: 0, limit: 0, offset: 0, errors: null };
}

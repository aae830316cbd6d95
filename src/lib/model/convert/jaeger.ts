// Jaeger JSON (the jaeger-query / Jaeger UI format) in and out. Reading is as tolerant as Jaeger UI's
// upload — envelope, bare array, bare trace, JSON Lines of those, null lists — and strict about types,
// so a wrong value is reported where it is instead of surfacing later as NaN in the timeline.
import type { KeyValue, Process, QueryResponse, RefType, Span, SpanLog, SpanReference, TagType, Trace } from '../types';
import { FieldReader, describe, isObject, type JsonObject } from './read';

const r: FieldReader = new FieldReader('Jaeger JSON');
const TAG_TYPES: readonly TagType[] = ['string', 'bool', 'int64', 'float64', 'binary'];

export function readKeyValue(v: unknown, path: string, reader = r): KeyValue {
	const o = reader.object(v, path);
	const key = reader.string(o, 'key', path);
	const value = o.value;
	let type = o.type as TagType | undefined;
	if (type !== undefined && (typeof type !== 'string' || !TAG_TYPES.includes(type.toLowerCase() as TagType)))
		reader.fail(`${path}.type`, `is not a tag type (${TAG_TYPES.join(', ')}): it is ${describe(type)}`);
	type = type?.toLowerCase() as TagType | undefined;
	if (typeof value === 'boolean') return { key, type: type ?? 'bool', value };
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) reader.fail(`${path}.value`, 'is not a finite number');
		return { key, type: type ?? (Number.isInteger(value) ? 'int64' : 'float64'), value };
	}
	if (typeof value === 'string') return { key, type: type ?? 'string', value };
	if (value === null || value === undefined) return { key, type: type ?? 'string', value: '' };
	return reader.fail(`${path}.value`, `is not a string, number or boolean (it is ${describe(value)})`);
}

function readLog(v: unknown, path: string): SpanLog {
	const o = r.object(v, path);
	return {
		timestamp: r.int(o, 'timestamp', path, 0)!,
		fields: r.list(o, 'fields', path).map((f, i) => readKeyValue(f, `${path}.fields[${i}]`))
	};
}

function readReference(v: unknown, path: string, traceID: string): SpanReference {
	const o = r.object(v, path);
	const refType = r.string(o, 'refType', path, 'CHILD_OF').toUpperCase();
	if (refType !== 'CHILD_OF' && refType !== 'FOLLOWS_FROM') r.fail(`${path}.refType`, `is not CHILD_OF or FOLLOWS_FROM (it is "${refType}")`);
	return { refType: refType as RefType, traceID: r.string(o, 'traceID', path, traceID), spanID: r.string(o, 'spanID', path) };
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
	return {
		traceID: spanTraceID,
		spanID,
		flags: r.int(o, 'flags', path, 1)!,
		operationName: r.string(o, 'operationName', path, ''),
		references: r.list(o, 'references', path).map((x, i) => readReference(x, `${path}.references[${i}]`, spanTraceID)),
		// Missing start stays NaN here so repairTrace can tell "missing" from a real value and say so.
		startTime: r.int(o, 'startTime', path, NaN)!,
		duration: r.int(o, 'duration', path, 0)!,
		tags: r.list(o, 'tags', path).map((x, i) => readKeyValue(x, `${path}.tags[${i}]`)),
		logs: r.list(o, 'logs', path).map((x, i) => readLog(x, `${path}.logs[${i}]`)),
		processID: r.string(o, 'processID', path, ''),
		warnings: readWarnings(o, path)
	};
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
	const spans = r.list(o, 'spans', path).map((s, i) => readSpan(s, `${path}.spans[${i}]`, traceID));
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

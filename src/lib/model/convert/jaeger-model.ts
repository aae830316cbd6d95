// Jaeger's internal domain model as JSON (Go model.Trace through jsonpb) → Jaeger JSON. People find
// these files in Jaeger's repo and storage dumps and expect them to load; they differ from the UI
// format in every field: base64 ids, RFC 3339 times, "5000ns" durations, vType/vStr tags, inline
// processes. Converted the way jaeger-query converts them for the UI.
import type { KeyValue, Process, RefType, Trace } from '../types';
import { base64ToBytes, bytesToHex, isHexID, jaegerTraceIDFromBytes } from '../ids';
import { FieldReader, describe, isObject, type JsonObject } from './read';
import { TraceBuilder } from './trace-builder';

const r: FieldReader = new FieldReader('Jaeger model JSON');

function readID(o: JsonObject, key: string, path: string, bytes: number): string {
	const v = r.string(o, key, path);
	const decoded = base64ToBytes(v);
	if (decoded && decoded.length === bytes) {
		const hex = bytesToHex(decoded);
		return bytes === 16 ? jaegerTraceIDFromBytes(hex) : hex;
	}
	if (isHexID(v, bytes * 2)) return v.toLowerCase();
	return r.fail(`${path}.${key}`, `is not a base64 id of ${bytes} bytes (it is ${describe(v)})`);
}

/** RFC 3339 with up to nanosecond fraction → µs since the epoch (Date alone would drop the µs). */
function readTime(o: JsonObject, key: string, path: string): number {
	const v = r.string(o, key, path);
	const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/i.exec(v);
	const seconds = m ? Date.parse(m[1] + m[3]) : NaN;
	if (!m || !Number.isFinite(seconds)) return r.fail(`${path}.${key}`, `is not an RFC 3339 time (it is ${describe(v)})`);
	return seconds * 1000 + Number((m[2] ?? '').slice(0, 6).padEnd(6, '0'));
}

const UNIT_MICROS: Record<string, number> = { ns: 0.001, us: 1, 'µs': 1, ms: 1000, s: 1e6, m: 6e7, h: 3.6e9 };

/** Go / protobuf duration text ("5000ns", "0.005s", "1m30s") → µs. */
function readDuration(o: JsonObject, key: string, path: string): number {
	const v = o[key];
	if (v === undefined || v === null) return 0;
	if (typeof v === 'string') {
		const parts = [...v.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
		if (parts.length && parts.map((p) => p[0]).join('') === v) return Math.floor(parts.reduce((sum, p) => sum + Number(p[1]) * UNIT_MICROS[p[2]], 0));
	}
	return r.fail(`${path}.${key}`, `is not a duration like "5000ns" (it is ${describe(v)})`);
}

function readTag(v: unknown, path: string): KeyValue {
	const o = r.object(v, path);
	const key = r.string(o, 'key', path);
	const type = String(o.vType ?? 'STRING').toUpperCase();
	switch (type) {
		case 'STRING': return { key, type: 'string', value: r.string(o, 'vStr', path, '') };
		case 'BOOL': return { key, type: 'bool', value: o.vBool === true };
		case 'FLOAT64': return { key, type: 'float64', value: typeof o.vFloat64 === 'number' ? o.vFloat64 : r.fail(`${path}.vFloat64`, `is not a number (it is ${describe(o.vFloat64)})`) };
		case 'BINARY': return { key, type: 'binary', value: r.string(o, 'vBinary', path, '') };
		case 'INT64': {
			const n = o.vInt64 ?? 0;
			// JSON.parse already rounded int64s beyond 2^53; keep what we have, as a string if unsafe.
			if (typeof n === 'number') return { key, type: 'int64', value: Number.isSafeInteger(n) ? n : BigInt(n).toString() };
			if (typeof n === 'string' && /^-?\d+$/.test(n)) return { key, type: 'int64', value: Number.isSafeInteger(Number(n)) ? Number(n) : n };
			return r.fail(`${path}.vInt64`, `is not an integer (it is ${describe(n)})`);
		}
		default: return r.fail(`${path}.vType`, `is not a tag type (it is ${describe(o.vType)})`);
	}
}

function readProcess(v: unknown, path: string): Process {
	const o = r.object(v, path);
	return { serviceName: r.string(o, 'serviceName', path, 'unknown-service'), tags: r.list(o, 'tags', path).map((t, i) => readTag(t, `${path}.tags[${i}]`)) };
}

export function looksLikeJaegerModel(v: unknown): boolean {
	return isObject(v) && Array.isArray(v.spans) && !('traceID' in v) && (('processMap' in v) || (isObject(v.spans[0]) && 'traceId' in v.spans[0] && 'spanId' in v.spans[0]));
}

export function fromJaegerModel(v: unknown): Trace[] {
	const o = r.object(v, 'the file');
	const processMap = new Map<string, Process>();
	r.list(o, 'processMap', 'the file').forEach((e, i) => {
		const ep = `processMap[${i}]`;
		const eo = r.object(e, ep);
		processMap.set(r.string(eo, 'processId', ep), readProcess(eo.process, `${ep}.process`));
	});
	const out = new TraceBuilder();
	r.list(o, 'spans', 'the file').forEach((s, i) => {
		const p = `spans[${i}]`;
		const so = r.object(s, p);
		const traceID = readID(so, 'traceId', p, 16);
		const process = so.process ? readProcess(so.process, `${p}.process`) : processMap.get(r.string(so, 'processId', p, '')) ?? { serviceName: 'unknown-service', tags: [] };
		out.add({
			traceID,
			spanID: readID(so, 'spanId', p, 8),
			flags: r.int(so, 'flags', p, 1)!,
			operationName: r.string(so, 'operationName', p, ''),
			references: r.list(so, 'references', p).map((x, j) => {
				const rp = `${p}.references[${j}]`;
				const ro = r.object(x, rp);
				const refType = String(ro.refType ?? 'CHILD_OF').toUpperCase();
				if (refType !== 'CHILD_OF' && refType !== 'FOLLOWS_FROM') r.fail(`${rp}.refType`, `is not CHILD_OF or FOLLOWS_FROM (it is ${describe(ro.refType)})`);
				return { refType: refType as RefType, traceID: readID(ro, 'traceId', rp, 16), spanID: readID(ro, 'spanId', rp, 8) };
			}),
			startTime: so.startTime === undefined ? NaN : readTime(so, 'startTime', p),
			duration: readDuration(so, 'duration', p),
			tags: r.list(so, 'tags', p).map((t, j) => readTag(t, `${p}.tags[${j}]`)),
			logs: r.list(so, 'logs', p).map((l, j) => {
				const lp = `${p}.logs[${j}]`;
				const lo = r.object(l, lp);
				return { timestamp: readTime(lo, 'timestamp', lp), fields: r.list(lo, 'fields', lp).map((f, k) => readTag(f, `${lp}.fields[${k}]`)) };
			}),
			warnings: r.list(so, 'warnings', p).length ? r.list(so, 'warnings', p).map(String) : null
		}, process);
	});
	const traces = out.build();
	const warnings = r.list(o, 'warnings', 'the file').map(String);
	if (warnings.length) for (const t of traces) t.warnings = [...warnings];
	return traces;
}

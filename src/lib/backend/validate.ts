// What the collector accepts. Learner code can report anything — a span with no trace id, a
// duration in nanoseconds, a tag holding a whole file — so every span is checked here and either
// comes out as a clean SpanRecord (canonical ids, integer µs) or as a named reason the collector
// counts. Nothing in here throws on bad input.
import type { KeyValue, Process, SpanLog, SpanRecord, SpanReference } from '../model/index';
import { normalizeSpanId, normalizeTraceId } from './ids';

export type RejectReason =
	| 'not-an-object'
	| 'bad-trace-id'
	| 'bad-span-id'
	| 'bad-operation-name'
	| 'bad-process'
	| 'bad-start-time'
	| 'bad-duration'
	| 'bad-flags'
	| 'bad-reference'
	| 'bad-tag'
	| 'oversized-tag'
	| 'too-many-tags'
	| 'bad-log'
	| 'too-many-logs';

export interface ValidationLimits {
	/** Longest string (or binary) tag / log-field value, in characters. */
	maxTagValueLength: number;
	maxTagKeyLength: number;
	/** Tags per span, also fields per log and tags per process. */
	maxTagsPerSpan: number;
	maxLogsPerSpan: number;
	maxOperationNameLength: number;
	/** Longest believable span, µs. Longer usually means ns or ms were passed where µs belong. */
	maxDurationUs: number;
	/** How far ahead of the collector's clock a span may start (clock skew), µs. */
	maxFutureSkewUs: number;
}

export const DEFAULT_VALIDATION_LIMITS: ValidationLimits = {
	maxTagValueLength: 16 * 1024,
	maxTagKeyLength: 256,
	maxTagsPerSpan: 1000,
	maxLogsPerSpan: 1000,
	maxOperationNameLength: 1024,
	maxDurationUs: 24 * 3600 * 1e6,
	maxFutureSkewUs: 24 * 3600 * 1e6
};

export type Validation =
	| { ok: true; record: SpanRecord }
	| { ok: false; reason: RejectReason; message: string };

class Rejection {
	constructor(
		readonly reason: RejectReason,
		readonly message: string
	) {}
}

const TAG_TYPES = new Set(['string', 'bool', 'int64', 'float64', 'binary']);

function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
	const s = typeof v === 'string' ? JSON.stringify(v) : String(v);
	return s.length > 40 ? s.slice(0, 37) + '…' : s;
}

function checkKeyValues(list: unknown, what: string, limits: ValidationLimits): KeyValue[] {
	if (list === undefined) return [];
	if (!Array.isArray(list)) throw new Rejection('bad-tag', `${what} must be an array`);
	if (list.length > limits.maxTagsPerSpan)
		throw new Rejection('too-many-tags', `${what} has ${list.length} entries (limit ${limits.maxTagsPerSpan})`);
	for (let i = 0; i < list.length; i++) {
		const kv = list[i];
		if (!isObject(kv)) throw new Rejection('bad-tag', `${what}[${i}] is not a {key, type, value} object`);
		const { key, type, value } = kv;
		if (typeof key !== 'string' || key.length === 0 || key.length > limits.maxTagKeyLength)
			throw new Rejection('bad-tag', `${what}[${i}] has no usable key`);
		if (typeof type !== 'string' || !TAG_TYPES.has(type))
			throw new Rejection('bad-tag', `${what} '${key}' has type ${describe(type)} (string, bool, int64, float64 or binary expected)`);
		const fits =
			type === 'string' || type === 'binary'
				? typeof value === 'string'
				: type === 'bool'
					? typeof value === 'boolean'
					: type === 'int64'
						? Number.isInteger(value)
						: typeof value === 'number' && Number.isFinite(value);
		if (!fits) throw new Rejection('bad-tag', `${what} '${key}' is ${type} but its value is ${describe(value)}`);
		if (typeof value === 'string' && value.length > limits.maxTagValueLength)
			throw new Rejection('oversized-tag', `${what} '${key}' is ${value.length} characters long (limit ${limits.maxTagValueLength})`);
	}
	return list as KeyValue[];
}

function checkProcess(p: unknown, limits: ValidationLimits): Process {
	if (!isObject(p)) throw new Rejection('bad-process', 'process is missing');
	if (typeof p.serviceName !== 'string' || p.serviceName.length === 0)
		throw new Rejection('bad-process', 'process.serviceName is missing');
	if (p.serviceName.length > limits.maxOperationNameLength) throw new Rejection('bad-process', 'process.serviceName is too long');
	if (Array.isArray(p.tags)) {
		checkKeyValues(p.tags, 'process tag', limits);
		return p as unknown as Process;
	}
	if (p.tags !== undefined) throw new Rejection('bad-process', 'process.tags must be an array');
	return { serviceName: p.serviceName, tags: [] };
}

function checkReferences(list: unknown): SpanReference[] {
	if (list === undefined) return [];
	if (!Array.isArray(list)) throw new Rejection('bad-reference', 'references must be an array');
	let out = list as SpanReference[];
	for (let i = 0; i < list.length; i++) {
		const ref = list[i];
		if (!isObject(ref)) throw new Rejection('bad-reference', `references[${i}] is not an object`);
		if (ref.refType !== 'CHILD_OF' && ref.refType !== 'FOLLOWS_FROM')
			throw new Rejection('bad-reference', `references[${i}].refType is ${describe(ref.refType)} (CHILD_OF or FOLLOWS_FROM expected)`);
		const traceID = normalizeTraceId(ref.traceID);
		const spanID = normalizeSpanId(ref.spanID);
		if (!traceID || !spanID) throw new Rejection('bad-reference', `references[${i}] has a bad traceID or spanID`);
		if (traceID !== ref.traceID || spanID !== ref.spanID) {
			if (out === list) out = list.slice() as SpanReference[];
			out[i] = { refType: ref.refType, traceID, spanID };
		}
	}
	return out;
}

function checkLogs(list: unknown, limits: ValidationLimits): SpanLog[] {
	if (list === undefined) return [];
	if (!Array.isArray(list)) throw new Rejection('bad-log', 'logs must be an array');
	if (list.length > limits.maxLogsPerSpan)
		throw new Rejection('too-many-logs', `span has ${list.length} logs (limit ${limits.maxLogsPerSpan})`);
	let out = list as SpanLog[];
	for (let i = 0; i < list.length; i++) {
		const log = list[i];
		if (!isObject(log)) throw new Rejection('bad-log', `logs[${i}] is not an object`);
		const ts = log.timestamp;
		if (typeof ts !== 'number' || !Number.isFinite(ts) || ts < 0)
			throw new Rejection('bad-log', `logs[${i}].timestamp is ${describe(ts)} (µs since the epoch expected)`);
		const fields = checkKeyValues(log.fields, `logs[${i}] field`, limits);
		if (!Number.isInteger(ts) || fields !== log.fields) {
			if (out === list) out = list.slice() as SpanLog[];
			out[i] = { timestamp: Math.round(ts), fields };
		}
	}
	return out;
}

function checkMicros(v: unknown, name: string, reason: RejectReason): number {
	if (v === undefined || v === null) throw new Rejection(reason, `${name} is missing`);
	if (typeof v !== 'number' || !Number.isFinite(v)) throw new Rejection(reason, `${name} is ${describe(v)}, not a number of µs`);
	if (v < 0) throw new Rejection(reason, `${name} is negative (${v})`);
	return Math.round(v);
}

function check(raw: unknown, limits: ValidationLimits, nowUs: number): SpanRecord {
	if (!isObject(raw)) throw new Rejection('not-an-object', `span is ${describe(raw)}, not an object`);
	if (raw.traceID === undefined) throw new Rejection('bad-trace-id', 'traceID is missing');
	const traceID = normalizeTraceId(raw.traceID);
	if (!traceID) throw new Rejection('bad-trace-id', `traceID ${describe(raw.traceID)} is not a non-zero hex id of up to 32 digits`);
	if (raw.spanID === undefined) throw new Rejection('bad-span-id', 'spanID is missing');
	const spanID = normalizeSpanId(raw.spanID);
	if (!spanID) throw new Rejection('bad-span-id', `spanID ${describe(raw.spanID)} is not a non-zero hex id of up to 16 digits`);
	const op = raw.operationName;
	if (typeof op !== 'string' || op.length === 0) throw new Rejection('bad-operation-name', 'operationName is missing');
	if (op.length > limits.maxOperationNameLength)
		throw new Rejection('bad-operation-name', `operationName is ${op.length} characters long (limit ${limits.maxOperationNameLength})`);
	const flags = raw.flags === undefined ? 1 : raw.flags;
	if (typeof flags !== 'number' || !Number.isInteger(flags) || flags < 0 || flags > 255)
		throw new Rejection('bad-flags', `flags is ${describe(raw.flags)} (an integer 0–255 expected)`);
	const startTime = checkMicros(raw.startTime, 'startTime', 'bad-start-time');
	if (startTime > nowUs + limits.maxFutureSkewUs)
		throw new Rejection('bad-start-time', `startTime ${startTime} is in the future — startTime is µs since the epoch`);
	const duration = checkMicros(raw.duration, 'duration', 'bad-duration');
	if (duration > limits.maxDurationUs)
		throw new Rejection('bad-duration', `duration ${duration} µs is longer than ${limits.maxDurationUs} µs — durations are µs`);
	return {
		traceID,
		spanID,
		flags,
		operationName: op,
		references: checkReferences(raw.references),
		startTime,
		duration,
		tags: checkKeyValues(raw.tags, 'tag', limits),
		logs: checkLogs(raw.logs, limits),
		process: checkProcess(raw.process, limits)
	};
}

/** Checks one reported span. The result's record is new; its arrays may be shared with `raw`. */
export function validateSpan(raw: unknown, limits: ValidationLimits, nowUs: number): Validation {
	try {
		return { ok: true, record: check(raw, limits, nowUs) };
	} catch (e) {
		if (e instanceof Rejection) return { ok: false, reason: e.reason, message: e.message };
		throw e;
	}
}

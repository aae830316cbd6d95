// Zipkin API v2 span lists → Jaeger traces. Two Zipkin habits need care:
// - One RPC is reported as a CLIENT half and a `shared` SERVER half with the same span id. Like
//   Jaeger's Zipkin ingestion, the server half becomes its own span (new id) CHILD_OF the client half,
//   so both services, both durations and the client→server edge survive.
// - Incomplete spans arrive in fragments (one record with the timestamp, another with the duration or
//   annotations). Fragments of the same id, service and kind are merged into one span.
// Clock skew between the halves is kept as recorded; detectClockSkew warns about it.
import type { KeyValue, Process, Span, SpanLog, Trace } from '../types';
import { isHexID } from '../ids';
import { FieldReader, describe, isObject, type JsonObject } from './read';
import { TraceBuilder } from './trace-builder';

const r: FieldReader = new FieldReader('Zipkin v2');
const KINDS = ['CLIENT', 'SERVER', 'PRODUCER', 'CONSUMER'];

interface ZipkinRecord {
	path: string;
	traceId: string;
	id: string;
	parentId: string | null;
	kind: string | null;
	name: string;
	timestamp: number | undefined;
	duration: number | undefined;
	service: string;
	localTags: KeyValue[];
	remoteTags: KeyValue[];
	annotations: SpanLog[];
	tags: KeyValue[];
	shared: boolean;
	debug: boolean;
}

function hexID(o: JsonObject, key: string, path: string, optional: boolean): string | null {
	const v = o[key];
	if ((v === undefined || v === null || v === '') && optional) return null;
	if (typeof v !== 'string' || !isHexID(v, 32)) r.fail(`${path}.${key}`, v === undefined ? 'is missing' : `is not a hex id (it is ${describe(v)})`);
	return v.toLowerCase().padStart(v.length <= 16 ? 16 : 32, '0');
}

function endpointTags(v: unknown, path: string, prefix: string): { service: string | null; tags: KeyValue[] } {
	if (v === undefined || v === null) return { service: null, tags: [] };
	const o = r.object(v, path);
	const tags: KeyValue[] = [];
	const ipv4 = r.string(o, 'ipv4', path, '');
	const ipv6 = r.string(o, 'ipv6', path, '');
	const port = r.int(o, 'port', path);
	if (ipv4) tags.push({ key: prefix === 'peer' ? 'peer.ipv4' : 'ip', type: 'string', value: ipv4 });
	if (ipv6) tags.push({ key: prefix === 'peer' ? 'peer.ipv6' : 'ipv6', type: 'string', value: ipv6 });
	if (port !== undefined && port > 0) tags.push({ key: prefix === 'peer' ? 'peer.port' : 'port', type: 'int64', value: port });
	const service = r.string(o, 'serviceName', path, '');
	if (service && prefix === 'peer') tags.unshift({ key: 'peer.service', type: 'string', value: service });
	return { service: service || null, tags };
}

function readRecord(v: unknown, path: string): ZipkinRecord {
	const o = r.object(v, path);
	const kind = o.kind === undefined || o.kind === null ? null : r.string(o, 'kind', path).toUpperCase();
	if (kind !== null && !KINDS.includes(kind)) r.fail(`${path}.kind`, `is not one of ${KINDS.join(', ')} (it is "${kind}")`);
	const local = endpointTags(o.localEndpoint, `${path}.localEndpoint`, 'local');
	const remote = endpointTags(o.remoteEndpoint, `${path}.remoteEndpoint`, 'peer');
	const tags: KeyValue[] = [];
	if (o.tags !== undefined && o.tags !== null) {
		const to = r.object(o.tags, `${path}.tags`);
		for (const key of Object.keys(to)) {
			const value = to[key];
			if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') r.fail(`${path}.tags.${key}`, `is not a string (it is ${describe(value)})`);
			tags.push({ key, type: 'string', value: String(value) });
		}
	}
	return {
		path,
		traceId: hexID(o, 'traceId', path, false)!,
		id: hexID(o, 'id', path, false)!,
		parentId: hexID(o, 'parentId', path, true),
		kind,
		name: r.string(o, 'name', path, ''),
		timestamp: r.int(o, 'timestamp', path) || undefined,
		duration: r.int(o, 'duration', path),
		service: local.service ?? 'unknown-service',
		localTags: local.tags,
		remoteTags: remote.tags,
		annotations: r.list(o, 'annotations', path).map((a, i) => {
			const ap = `${path}.annotations[${i}]`;
			const ao = r.object(a, ap);
			return { timestamp: r.int(ao, 'timestamp', ap, 0)!, fields: [{ key: 'event', type: 'string', value: r.string(ao, 'value', ap, '') }] };
		}),
		tags,
		shared: o.shared === true,
		debug: o.debug === true
	};
}

/** Folds fragment b into a: fields a lacks are taken from b; lists are joined. */
function mergeFragment(a: ZipkinRecord, b: ZipkinRecord): void {
	a.kind ??= b.kind;
	a.parentId ??= b.parentId;
	if (!a.name) a.name = b.name;
	if (a.timestamp === undefined) a.timestamp = b.timestamp;
	if (a.duration === undefined) a.duration = b.duration;
	a.shared ||= b.shared;
	a.debug ||= b.debug;
	if (a.remoteTags.length === 0) a.remoteTags = b.remoteTags;
	a.annotations.push(...b.annotations);
	const keys = new Set(a.tags.map((t) => t.key));
	for (const t of b.tags) if (!keys.has(t.key)) a.tags.push(t);
}

/** Records with the same trace, id and service whose kinds agree (or one has none) are one span. */
function mergeFragments(records: ZipkinRecord[]): ZipkinRecord[] {
	const byKey = new Map<string, ZipkinRecord[]>();
	const out: ZipkinRecord[] = [];
	for (const rec of records) {
		const key = `${rec.traceId}/${rec.id}/${rec.service}`;
		const same = byKey.get(key);
		const target = same?.find((x) => x.kind === null || rec.kind === null || x.kind === rec.kind);
		if (target) mergeFragment(target, rec);
		else {
			if (same) same.push(rec);
			else byKey.set(key, [rec]);
			out.push(rec);
		}
	}
	return out;
}

function toSpan(rec: ZipkinRecord, spanID: string, parentID: string | null): { span: Omit<Span, 'processID'>; process: Process } {
	const tags: KeyValue[] = [...rec.tags];
	const errorAt = tags.findIndex((t) => t.key === 'error');
	if (errorAt >= 0) {
		// Zipkin marks failure by the tag's presence (its value is the message, often empty);
		// Jaeger by error=true. Keep the message beside it.
		const message = String(tags[errorAt].value);
		tags.splice(errorAt, 1, { key: 'error', type: 'bool', value: true }, ...(message ? [{ key: 'error.message', type: 'string' as const, value: message }] : []));
	}
	if (rec.kind) tags.push({ key: 'span.kind', type: 'string', value: rec.kind.toLowerCase() });
	tags.push(...rec.remoteTags);
	const logs = rec.annotations.sort((a, b) => a.timestamp - b.timestamp);
	let start = rec.timestamp;
	let duration = rec.duration;
	const warnings: string[] = [];
	if (start === undefined && logs.length) start = logs[0].timestamp;
	if (duration === undefined) {
		duration = start !== undefined && logs.length ? Math.max(0, logs[logs.length - 1].timestamp - start) : 0;
		warnings.push('Zipkin span has no duration (incomplete span); duration taken from its annotations or 0');
	}
	return {
		span: {
			traceID: rec.traceId,
			spanID,
			flags: rec.debug ? 3 : 1,
			operationName: rec.name,
			references: parentID ? [{ refType: 'CHILD_OF', traceID: rec.traceId, spanID: parentID }] : [],
			startTime: start ?? NaN,
			duration,
			tags,
			logs,
			warnings: warnings.length ? warnings : null
		},
		process: { serviceName: rec.service, tags: rec.localTags }
	};
}

/** A fresh span id for a server half: the client's id with its top bit flipped, bumped until unused. */
function serverHalfID(id: string, taken: Set<string>): string {
	let n = BigInt('0x' + id) ^ 0x8000000000000000n;
	let s = n.toString(16).padStart(16, '0');
	while (taken.has(s)) s = (n = (n + 1n) & 0xffffffffffffffffn).toString(16).padStart(16, '0');
	taken.add(s);
	return s;
}

export function looksLikeZipkinSpan(v: unknown): boolean {
	return isObject(v) && typeof v.traceId === 'string' && 'id' in v && !('spanId' in v);
}

/** How many records the file had and how many spans they became, for the import report. */
export interface ZipkinReadStats {
	records: number;
	uniqueIDs: number;
}

export function fromZipkin(v: unknown, stats?: ZipkinReadStats): Trace[] {
	if (!Array.isArray(v)) r.fail('the file', `is not an array of spans (it is ${describe(v)})`);
	// A JSON Lines file of Zipkin lists reads as an array of arrays: flatten one level.
	const flat: { span: unknown; path: string }[] = [];
	v.forEach((x, i) => (Array.isArray(x) ? x.forEach((y, j) => flat.push({ span: y, path: `[${i}][${j}]` })) : flat.push({ span: x, path: `[${i}]` })));
	const records = mergeFragments(flat.map((f) => readRecord(f.span, f.path)));
	if (stats) {
		stats.records = flat.length;
		stats.uniqueIDs = new Set(flat.map((f) => (f.span as JsonObject).id)).size;
	}

	const taken = new Set(records.map((x) => x.id));
	const clientOf = new Map<string, ZipkinRecord>();
	for (const rec of records) if (rec.kind !== 'SERVER' || !rec.shared) if (!clientOf.has(`${rec.traceId}/${rec.id}`)) clientOf.set(`${rec.traceId}/${rec.id}`, rec);
	// Server halves get fresh ids; spans whose parent is the shared id ran inside the server, so they
	// are re-parented onto the server half (as Jaeger's span-id deduper does).
	const serverID = new Map<ZipkinRecord, string>();
	const movedTo = new Map<string, string>();
	for (const rec of records) {
		const client = clientOf.get(`${rec.traceId}/${rec.id}`);
		if (client && client !== rec && rec.kind === 'SERVER') {
			const id = serverHalfID(rec.id, taken);
			serverID.set(rec, id);
			movedTo.set(`${rec.traceId}/${rec.id}`, id);
		}
	}
	const out = new TraceBuilder();
	for (const rec of records) {
		const own = serverID.get(rec);
		const parent = own ? rec.id : rec.parentId && (movedTo.get(`${rec.traceId}/${rec.parentId}`) ?? rec.parentId);
		const { span, process } = toSpan(rec, own ?? rec.id, parent);
		out.add(span, process);
	}
	return out.build();
}

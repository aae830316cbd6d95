// OTLP JSON (ExportTraceServiceRequest) → Jaeger traces, following jaeger's own OTLP translator so a
// file imported here looks like the same data fetched from jaeger-query: resource → process
// (service.name → serviceName), scope → otel.scope.* tags, kind → span.kind, status → otel.status_code
// (+ error=true), events → logs, parent → CHILD_OF, links → FOLLOWS_FROM.
import type { KeyValue, Process, SpanLog, SpanReference } from '../types';
import { idToHex, isEmptyID } from '../ids';
import { FieldReader, describe, nanosToMicros, type JsonObject } from './read';
import { TraceBuilder } from './trace-builder';
import { attributesToTags, readSpanKind, readStatusCode } from './otlp-values';

const r: FieldReader = new FieldReader('OTLP');

function readID(o: JsonObject, key: string, path: string, bytes: number, optional: boolean): string | null {
	const v = o[key];
	if ((v === undefined || v === null || v === '') && optional) return null;
	if (typeof v !== 'string') return r.fail(`${path}.${key}`, v === undefined ? 'is missing' : `is not a hex or base64 id (it is ${describe(v)})`);
	const hex = idToHex(v, bytes);
	if (hex === null) r.fail(`${path}.${key}`, `is not a hex or base64 id (it is ${describe(v)})`);
	if (isEmptyID(hex)) return optional ? null : r.fail(`${path}.${key}`, 'is all zeros');
	return hex;
}

function readResource(v: unknown, path: string): Process {
	if (v === undefined || v === null) return { serviceName: 'unknown-service', tags: [] };
	const o = r.object(v, path);
	const tags = attributesToTags(r, r.list(o, 'attributes', path), `${path}.attributes`);
	const name = tags.find((t) => t.key === 'service.name');
	return { serviceName: name ? String(name.value) : 'unknown-service', tags: tags.filter((t) => t !== name) };
}

function readScopeTags(v: unknown, path: string): KeyValue[] {
	if (v === undefined || v === null) return [];
	const o = r.object(v, path);
	const tags: KeyValue[] = [];
	const name = r.string(o, 'name', path, '');
	const version = r.string(o, 'version', path, '');
	if (name) tags.push({ key: 'otel.scope.name', type: 'string', value: name });
	if (version) tags.push({ key: 'otel.scope.version', type: 'string', value: version });
	return tags;
}

function readEvent(v: unknown, path: string): SpanLog {
	const o = r.object(v, path);
	const fields = attributesToTags(r, r.list(o, 'attributes', path), `${path}.attributes`);
	const name = r.string(o, 'name', path, '');
	if (name) fields.unshift({ key: 'event', type: 'string', value: name });
	return { timestamp: nanosToMicros(r, o.timeUnixNano, `${path}.timeUnixNano`) ?? 0, fields };
}

function readSpan(v: unknown, path: string, process: Process, scopeTags: KeyValue[], out: TraceBuilder): void {
	const o = r.object(v, path);
	const traceID = readID(o, 'traceId', path, 16, false)!;
	const spanID = readID(o, 'spanId', path, 8, false)!;
	const parentID = readID(o, 'parentSpanId', path, 8, true);
	const references: SpanReference[] = [];
	if (parentID) references.push({ refType: 'CHILD_OF', traceID, spanID: parentID });
	r.list(o, 'links', path).forEach((l, i) => {
		const lp = `${path}.links[${i}]`;
		const lo = r.object(l, lp);
		references.push({ refType: 'FOLLOWS_FROM', traceID: readID(lo, 'traceId', lp, 16, false)!, spanID: readID(lo, 'spanId', lp, 8, false)! });
	});

	const start = nanosToMicros(r, o.startTimeUnixNano, `${path}.startTimeUnixNano`);
	const end = nanosToMicros(r, o.endTimeUnixNano, `${path}.endTimeUnixNano`);
	const tags = attributesToTags(r, r.list(o, 'attributes', path), `${path}.attributes`);
	tags.push(...scopeTags);
	const kind = readSpanKind(r, o.kind, `${path}.kind`);
	if (kind) tags.push({ key: 'span.kind', type: 'string', value: kind });
	if (o.status !== undefined && o.status !== null) {
		const sp = `${path}.status`;
		const so = r.object(o.status, sp);
		const code = readStatusCode(r, so.code, `${sp}.code`);
		const message = r.string(so, 'message', sp, '');
		if (code) tags.push({ key: 'otel.status_code', type: 'string', value: code });
		if (code === 'ERROR') tags.push({ key: 'error', type: 'bool', value: true });
		if (message) tags.push({ key: 'otel.status_description', type: 'string', value: message });
	}
	const traceState = r.string(o, 'traceState', path, '');
	if (traceState) tags.push({ key: 'w3c.tracestate', type: 'string', value: traceState });

	out.add({
		traceID,
		spanID,
		flags: 1,
		operationName: r.string(o, 'name', path, ''),
		references,
		startTime: start ?? NaN,
		duration: start !== undefined && end !== undefined ? Math.max(0, end - start) : 0,
		tags,
		logs: r.list(o, 'events', path).map((e, i) => readEvent(e, `${path}.events[${i}]`)),
		warnings: null
	}, process);
}

/** The list of resource spans inside any OTLP wrapping, with the path prefix errors should use. */
function resourceList(v: unknown): { list: unknown[]; path: string; scopeKeys: string[] } {
	const o = r.object(v, 'the file');
	const inner = o.result !== undefined ? r.object(o.result, 'result') : o;
	const prefix = o.result !== undefined ? 'result.' : '';
	const scopeKeys = ['scopeSpans', 'instrumentationLibrarySpans'];
	if (Array.isArray(inner.resourceSpans)) return { list: inner.resourceSpans, path: `${prefix}resourceSpans`, scopeKeys };
	if (Array.isArray(inner.batches)) return { list: inner.batches, path: `${prefix}batches`, scopeKeys };
	if (inner.resourceSpans === null || inner.resourceSpans === undefined) return r.fail(`${prefix}resourceSpans`, 'is missing');
	return r.fail(`${prefix}resourceSpans`, `is not an array (it is ${describe(inner.resourceSpans)})`);
}

/**
 * OTLP JSON in every shape we meet: `{resourceSpans}`, Jaeger api/v3 `{result:{resourceSpans}}`,
 * Tempo `{batches}`, and the legacy `instrumentationLibrarySpans` key. Hex and base64 ids both work.
 */
export function fromOTLP(v: unknown): import('../types').Trace[] {
	const { list, path, scopeKeys } = resourceList(v);
	const out = new TraceBuilder();
	list.forEach((rs, i) => {
		const rp = `${path}[${i}]`;
		const ro = r.object(rs, rp);
		const process = readResource(ro.resource, `${rp}.resource`);
		for (const key of scopeKeys) {
			r.list(ro, key, rp).forEach((ss, j) => {
				const sp = `${rp}.${key}[${j}]`;
				const so = r.object(ss, sp);
				const scopeTags = readScopeTags(so.scope ?? so.instrumentationLibrary, `${sp}.scope`);
				r.list(so, 'spans', sp).forEach((span, k) => readSpan(span, `${sp}.spans[${k}]`, process, scopeTags, out));
			});
		}
	});
	return out.build();
}

// Jaeger traces → OTLP JSON (ExportTraceServiceRequest), the inverse of otlp-in: one resourceSpans
// entry per process, one scopeSpans entry per otel.scope.name, and the tags otlp-in derived from
// OTLP fields (span.kind, otel.status_*, error, otel.scope.*, w3c.tracestate) turned back into fields.
import type { KeyValue, Process, Span, Trace } from '../types';
import { isHexID } from '../ids';
import { SPAN_KINDS, tagToAttribute } from './otlp-values';
import { isErrorSpan } from '../analysis/summary';

const DERIVED = new Set(['span.kind', 'otel.status_code', 'otel.status_description', 'error', 'otel.scope.name', 'otel.scope.version', 'otel.library.name', 'otel.library.version', 'w3c.tracestate']);

/**
 * OTLP ids must be hex of fixed width. Hex ids are left-padded; any other id (Jaeger UI test traces
 * use "span-1") is hashed (FNV-1a 64), consistently, so references still line up after export.
 */
function otlpID(id: string, hexChars: number): string {
	if (isHexID(id, hexChars)) return id.toLowerCase().padStart(hexChars, '0');
	let h = 0xcbf29ce484222325n;
	for (let i = 0; i < id.length; i++) h = ((h ^ BigInt(id.charCodeAt(i))) * 0x100000001b3n) & 0xffffffffffffffffn;
	return h.toString(16).padStart(16, '0').repeat(2).slice(0, hexChars);
}

const nanos = (us: number) => (BigInt(Math.round(us)) * 1000n).toString();
const tagValue = (tags: KeyValue[], key: string) => tags.find((t) => t.key === key)?.value;

function spanToOTLP(s: Span): Record<string, unknown> {
	const parent = s.references.find((r) => r.refType === 'CHILD_OF' && r.traceID === s.traceID) ?? s.references.find((r) => r.traceID === s.traceID);
	const kind = SPAN_KINDS.indexOf(String(tagValue(s.tags, 'span.kind') ?? '').toLowerCase() as (typeof SPAN_KINDS)[number]);
	const statusTag = tagValue(s.tags, 'otel.status_code');
	const isError = statusTag === 'ERROR' || isErrorSpan(s);
	const message = tagValue(s.tags, 'otel.status_description');
	const out: Record<string, unknown> = {
		traceId: otlpID(s.traceID, 32),
		spanId: otlpID(s.spanID, 16),
		name: s.operationName,
		kind: kind > 0 ? kind : 1,
		startTimeUnixNano: nanos(s.startTime),
		endTimeUnixNano: nanos(s.startTime + s.duration),
		attributes: s.tags.filter((t) => !DERIVED.has(t.key)).map(tagToAttribute),
		events: s.logs.map((l) => {
			const name = l.fields.find((f) => f.key === 'event');
			return { timeUnixNano: nanos(l.timestamp), name: name ? String(name.value) : '', attributes: l.fields.filter((f) => f !== name).map(tagToAttribute) };
		}),
		links: s.references.filter((r) => r !== parent).map((r) => ({ traceId: otlpID(r.traceID, 32), spanId: otlpID(r.spanID, 16) })),
		status: isError ? { code: 2, ...(message ? { message: String(message) } : {}) } : statusTag === 'OK' ? { code: 1 } : {}
	};
	if (parent) out.parentSpanId = otlpID(parent.spanID, 16);
	const traceState = tagValue(s.tags, 'w3c.tracestate');
	if (traceState) out.traceState = String(traceState);
	return out;
}

function resourceOf(p: Process | undefined) {
	const tags = [{ key: 'service.name', type: 'string', value: p?.serviceName ?? 'unknown-service' } as KeyValue, ...(p?.tags ?? [])];
	return { attributes: tags.map(tagToAttribute) };
}

export function toOTLP(traces: Trace[]): { resourceSpans: Record<string, unknown>[] } {
	const resourceSpans: Record<string, unknown>[] = [];
	for (const t of traces) {
		// processID → scope name → spans, keeping first-seen order.
		const groups = new Map<string, Map<string, Span[]>>();
		for (const s of t.spans) {
			let scopes = groups.get(s.processID);
			if (!scopes) groups.set(s.processID, (scopes = new Map()));
			const scope = JSON.stringify([tagValue(s.tags, 'otel.scope.name') ?? tagValue(s.tags, 'otel.library.name') ?? '', tagValue(s.tags, 'otel.scope.version') ?? tagValue(s.tags, 'otel.library.version') ?? '']);
			const list = scopes.get(scope);
			if (list) list.push(s);
			else scopes.set(scope, [s]);
		}
		for (const [processID, scopes] of groups) {
			resourceSpans.push({
				resource: resourceOf(t.processes[processID]),
				scopeSpans: [...scopes].map(([scope, spans]) => {
					const [name, version] = JSON.parse(scope) as string[];
					return { scope: { name: String(name), ...(version ? { version: String(version) } : {}) }, spans: spans.map(spanToOTLP) };
				})
			});
		}
	}
	return { resourceSpans };
}

// Reading OpenTelemetry data back out of the Jaeger model. Spans exported as OTLP reach the checks
// the way jaeger-query shows them ($lib/model's OTLP conversion): the kind becomes a `span.kind` tag
// appended AFTER the attributes, the status becomes `otel.status_code`, events become logs. And a
// W3C `traceparent` on the wire is read here, next to the `uber-trace-id` reader in wire.ts.
import type { NetworkRecord } from '$lib/sim';
import type { FoundSpan } from './spans';

/**
 * The kind the span was reported with. An OTel span that also has a `span.kind` ATTRIBUTE carries
 * two such tags, the attribute first and the real kind last, so the last one is read.
 */
export function spanKind(f: FoundSpan): string | undefined {
	const kinds = f.span.tags.filter((t) => t.key === 'span.kind');
	return kinds.length ? String(kinds[kinds.length - 1].value) : undefined;
}

/** 'OK' | 'ERROR' from an OTel span's status; undefined when unset (or not an OTel span). */
export function spanStatus(f: FoundSpan): 'OK' | 'ERROR' | undefined {
	const v = f.span.tags.find((t) => t.key === 'otel.status_code')?.value;
	return v === 'OK' || v === 'ERROR' ? v : undefined;
}

/** A W3C `traceparent` request header, parsed; null when absent or not version-00-shaped. */
export function sentTraceparent(r: NetworkRecord): { traceId: string; spanId: string; flags: string } | null {
	const v = r.requestHeaders['traceparent'];
	const m = v ? /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})/.exec(v.trim()) : null;
	if (!m || m[1] === 'ff') return null;
	return { traceId: m[2], spanId: m[3], flags: m[4] };
}

// Jaeger propagation: `uber-trace-id: {trace}:{span}:{parent}:{flags}` (hex, leading zeros stripped),
// baggage as `uberctx-{key}` headers, plus the two inbound-only headers jaeger-client reads:
// `jaeger-debug-id` (force a sampled debug trace) and `jaeger-baggage: k1=v1, k2=v2`.
import { JAEGER_BAGGAGE_HEADER, JAEGER_BAGGAGE_PREFIX, JAEGER_DEBUG_HEADER, JAEGER_TRACE_HEADER, MAX_CONTEXT_HEADER_LENGTH } from '../constants';
import { normalizeSpanId, normalizeTraceId } from '../ids';
import { JaegerSpanContext, type Baggage } from '../span_context';
import { forEachHeader, MalformedCarrier, safeDecode, setHeader, type Codec } from './codec';
import { parseCommaSeparatedBaggage } from './comma_baggage';

export interface JaegerCodecOptions {
	/** URL-encode baggage values (FORMAT_HTTP_HEADERS) or write them raw (FORMAT_TEXT_MAP) */
	urlEncoding: boolean;
}

const FLAGS = /^[0-9a-fA-F]{1,2}$/;

/** Parses `trace:span:parent:flags`; throws MalformedCarrier on anything else. */
export function parseUberTraceId(value: string): JaegerSpanContext {
	if (value.length > MAX_CONTEXT_HEADER_LENGTH) throw new MalformedCarrier('uber-trace-id too long');
	const parts = value.trim().split(':');
	if (parts.length !== 4) throw new MalformedCarrier('uber-trace-id needs 4 parts');
	const traceId = normalizeTraceId(parts[0]);
	const spanId = normalizeSpanId(parts[1]);
	// parent "0" means none; anything else must be a valid id
	const parentId = parts[2] === '0' ? '' : normalizeSpanId(parts[2]);
	if (traceId === null || spanId === null || parentId === null || !FLAGS.test(parts[3])) {
		throw new MalformedCarrier('bad uber-trace-id');
	}
	return new JaegerSpanContext(traceId, spanId, parentId, parseInt(parts[3], 16));
}

export class JaegerCodec implements Codec {
	constructor(private readonly options: JaegerCodecOptions = { urlEncoding: true }) {}

	inject(ctx: JaegerSpanContext, carrier: unknown): void {
		if (!ctx.isValid) return;
		setHeader(carrier, JAEGER_TRACE_HEADER, ctx.toString());
		const baggage = ctx.baggage;
		for (const key in baggage) {
			setHeader(carrier, JAEGER_BAGGAGE_PREFIX + key, this.options.urlEncoding ? encodeURIComponent(baggage[key]) : baggage[key]);
		}
	}

	extract(carrier: unknown): JaegerSpanContext | null {
		let ctx: JaegerSpanContext | null = null;
		let debugId = '';
		let baggage: Baggage | null = null;
		const decode = this.options.urlEncoding ? safeDecode : (v: string) => v;
		const isObject = forEachHeader(carrier, (key, value) => {
			if (key === JAEGER_TRACE_HEADER) ctx = parseUberTraceId(safeDecode(value));
			else if (key === JAEGER_DEBUG_HEADER) debugId = decode(value).slice(0, MAX_CONTEXT_HEADER_LENGTH);
			else if (key === JAEGER_BAGGAGE_HEADER) parseCommaSeparatedBaggage((baggage ??= Object.create(null) as Baggage), decode(value));
			else if (key.startsWith(JAEGER_BAGGAGE_PREFIX)) (baggage ??= Object.create(null) as Baggage)[key.slice(JAEGER_BAGGAGE_PREFIX.length)] = decode(value);
		});
		if (!isObject) throw new MalformedCarrier('carrier is not an object');
		return withExtras(ctx, baggage, debugId);
	}
}

/**
 * Attaches baggage and debug id to an extracted context; with no trace context but a debug id or
 * baggage, returns an id-less context so the next span starts a new trace carrying them.
 */
export function withExtras(ctx: JaegerSpanContext | null, baggage: Baggage | null, debugId: string): JaegerSpanContext | null {
	if (ctx === null) {
		if (debugId === '' && baggage === null) return null;
		ctx = new JaegerSpanContext('', '', '', 0);
	}
	if (baggage !== null) ctx.baggage = baggage;
	ctx.debugId = debugId;
	return ctx;
}

// Zipkin B3 propagation. Extract reads both the multi-header form (`x-b3-traceid`, `x-b3-spanid`,
// `x-b3-parentspanid`, `x-b3-sampled`, `x-b3-flags`) and the single `b3` header
// (`{trace}-{span}[-{1|0|d}[-{parent}]]`); inject writes one of them (multi by default, as
// jaeger-client's ZipkinB3TextMapCodec). Baggage uses `uberctx-` headers like jaeger-client.
import { FLAG_DEBUG, FLAG_SAMPLED, JAEGER_BAGGAGE_HEADER, JAEGER_BAGGAGE_PREFIX, JAEGER_DEBUG_HEADER, MAX_CONTEXT_HEADER_LENGTH } from '../constants';
import { normalizeSpanId, normalizeTraceId } from '../ids';
import { JaegerSpanContext, type Baggage } from '../span_context';
import { forEachHeader, MalformedCarrier, safeDecode, setHeader, type Codec } from './codec';
import { parseCommaSeparatedBaggage } from './comma_baggage';
import { withExtras } from './jaeger_codec';

export interface B3CodecOptions {
	urlEncoding: boolean;
	/** inject the single `b3` header instead of the `x-b3-*` set */
	singleHeader?: boolean;
}

const TRACE = 'x-b3-traceid';
const SPAN = 'x-b3-spanid';
const PARENT = 'x-b3-parentspanid';
const SAMPLED = 'x-b3-sampled';
const FLAGS = 'x-b3-flags';
const SINGLE = 'b3';

function id(raw: string | undefined, normalize: (s: string) => string | null, what: string): string {
	if (raw === undefined || raw.length > MAX_CONTEXT_HEADER_LENGTH) throw new MalformedCarrier(`bad ${what}`);
	const v = normalize(raw.trim());
	if (v === null) throw new MalformedCarrier(`bad ${what}`);
	return v;
}

function samplingFlags(sampled: string | undefined, debug: string | undefined): number {
	if (debug === '1' || sampled === 'd') return FLAG_SAMPLED | FLAG_DEBUG;
	return sampled === '1' || sampled === 'true' ? FLAG_SAMPLED : 0;
}

/** `b3: trace-span[-sampling[-parent]]`; a bare sampling value (`b3: 0`) carries no trace → null. */
function parseSingle(value: string): JaegerSpanContext | null {
	if (value.length > MAX_CONTEXT_HEADER_LENGTH) throw new MalformedCarrier('b3 too long');
	const parts = value.trim().split('-');
	if (parts.length === 1 && /^(0|1|d)$/.test(parts[0])) return null;
	if (parts.length < 2 || parts.length > 4) throw new MalformedCarrier('bad b3');
	if (parts[0].length !== 16 && parts[0].length !== 32) throw new MalformedCarrier('bad b3 trace id');
	const traceId = id(parts[0], normalizeTraceId, 'b3 trace id');
	const spanId = id(parts[1], normalizeSpanId, 'b3 span id');
	if (parts.length >= 3 && !/^(0|1|d)$/.test(parts[2])) throw new MalformedCarrier('bad b3 sampling');
	const parentId = parts.length === 4 ? id(parts[3], normalizeSpanId, 'b3 parent id') : '';
	return new JaegerSpanContext(traceId, spanId, parentId, samplingFlags(parts[2], undefined));
}

export class B3Codec implements Codec {
	constructor(private readonly options: B3CodecOptions = { urlEncoding: true }) {}

	inject(ctx: JaegerSpanContext, carrier: unknown): void {
		if (!ctx.isValid) return;
		if (this.options.singleHeader) {
			const sampling = ctx.isDebug() ? 'd' : ctx.isSampled() ? '1' : '0';
			setHeader(carrier, SINGLE, `${ctx.traceId}-${ctx.spanId}-${sampling}${ctx.parentId ? `-${ctx.parentId}` : ''}`);
		} else {
			setHeader(carrier, TRACE, ctx.traceId);
			setHeader(carrier, SPAN, ctx.spanId);
			if (ctx.parentId !== '') setHeader(carrier, PARENT, ctx.parentId);
			if (ctx.isDebug()) setHeader(carrier, FLAGS, '1');
			else setHeader(carrier, SAMPLED, ctx.isSampled() ? '1' : '0');
		}
		const baggage = ctx.baggage;
		for (const key in baggage) {
			setHeader(carrier, JAEGER_BAGGAGE_PREFIX + key, this.options.urlEncoding ? encodeURIComponent(baggage[key]) : baggage[key]);
		}
	}

	extract(carrier: unknown): JaegerSpanContext | null {
		const h: Record<string, string> = Object.create(null);
		let baggage: Baggage | null = null;
		let debugId = '';
		const decode = this.options.urlEncoding ? safeDecode : (v: string) => v;
		const isObject = forEachHeader(carrier, (key, value) => {
			if (key === TRACE || key === SPAN || key === PARENT || key === SAMPLED || key === FLAGS || key === SINGLE) h[key] = value;
			else if (key === JAEGER_DEBUG_HEADER) debugId = decode(value).slice(0, MAX_CONTEXT_HEADER_LENGTH);
			else if (key === JAEGER_BAGGAGE_HEADER) parseCommaSeparatedBaggage((baggage ??= Object.create(null) as Baggage), decode(value));
			else if (key.startsWith(JAEGER_BAGGAGE_PREFIX)) (baggage ??= Object.create(null) as Baggage)[key.slice(JAEGER_BAGGAGE_PREFIX.length)] = decode(value);
		});
		if (!isObject) throw new MalformedCarrier('carrier is not an object');
		let ctx: JaegerSpanContext | null = null;
		if (h[SINGLE] !== undefined) {
			ctx = parseSingle(h[SINGLE]);
		} else if (h[TRACE] !== undefined || h[SPAN] !== undefined) {
			const traceId = id(h[TRACE], normalizeTraceId, 'x-b3-traceid');
			const spanId = id(h[SPAN], normalizeSpanId, 'x-b3-spanid');
			const parentId = h[PARENT] !== undefined ? id(h[PARENT], normalizeSpanId, 'x-b3-parentspanid') : '';
			ctx = new JaegerSpanContext(traceId, spanId, parentId, samplingFlags(h[SAMPLED]?.trim().toLowerCase(), h[FLAGS]?.trim()));
		}
		return withExtras(ctx, baggage, debugId);
	}
}

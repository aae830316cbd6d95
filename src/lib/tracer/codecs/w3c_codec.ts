// W3C Trace Context (`traceparent`, `tracestate`) and W3C Baggage (`baggage`).
// traceparent carries no grandparent id and no debug bit: extracted contexts have parentId '' and
// debug spans go out as plain sampled (flag 01).
import { FLAG_SAMPLED } from '../constants';
import { normalizeTraceId, traceId32 } from '../ids';
import { JaegerSpanContext, type Baggage } from '../span_context';
import { forEachHeader, MalformedCarrier, setHeader, type Codec } from './codec';

const TRACEPARENT = 'traceparent';
const TRACESTATE = 'tracestate';
const BAGGAGE = 'baggage';
/** version-traceid-parentid-flags; future versions may append fields after a '-' */
const TRACEPARENT_RE = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
/** W3C limits: tracestate ≤ 32 members (≈ 512 chars is what implementations keep), baggage ≤ 8192 bytes */
const MAX_TRACESTATE = 512;
const MAX_BAGGAGE_HEADER = 8192;
const MAX_BAGGAGE_ITEMS = 180;

export function parseTraceparent(value: string): JaegerSpanContext {
	const m = TRACEPARENT_RE.exec(value.trim());
	if (m === null || m[1] === 'ff' || (m[1] === '00' && m[5] !== undefined)) throw new MalformedCarrier('bad traceparent');
	const traceId = normalizeTraceId(m[2]);
	if (traceId === null || m[3] === '0000000000000000') throw new MalformedCarrier('zero id in traceparent');
	return new JaegerSpanContext(traceId, m[3], '', parseInt(m[4], 16) & FLAG_SAMPLED);
}

/** `k1=v1;prop,k2=v2` with percent-encoded keys and values; bad members are skipped. */
export function parseBaggageHeader(baggage: Baggage, header: string): void {
	if (header.length > MAX_BAGGAGE_HEADER) throw new MalformedCarrier('baggage header too long');
	let n = 0;
	for (const member of header.split(',')) {
		if (++n > MAX_BAGGAGE_ITEMS) break;
		const kv = member.split(';')[0];
		const eq = kv.indexOf('=');
		if (eq <= 0) continue;
		try {
			const key = decodeURIComponent(kv.slice(0, eq).trim());
			if (key !== '') baggage[key] = decodeURIComponent(kv.slice(eq + 1).trim());
		} catch {
			// malformed escape: drop this member only
		}
	}
}

export class W3CCodec implements Codec {
	inject(ctx: JaegerSpanContext, carrier: unknown): void {
		if (!ctx.isValid) return;
		setHeader(carrier, TRACEPARENT, `00-${traceId32(ctx.traceId)}-${ctx.spanId}-${ctx.isSampled() ? '01' : '00'}`);
		if (ctx.traceState !== '') setHeader(carrier, TRACESTATE, ctx.traceState);
		const items: string[] = [];
		for (const key in ctx.baggage) items.push(`${encodeURIComponent(key)}=${encodeURIComponent(ctx.baggage[key])}`);
		if (items.length > 0) setHeader(carrier, BAGGAGE, items.join(','));
	}

	extract(carrier: unknown): JaegerSpanContext | null {
		let traceparent: string | undefined;
		let tracestate = '';
		let baggage: Baggage | null = null;
		const isObject = forEachHeader(carrier, (key, value) => {
			if (key === TRACEPARENT) traceparent = value;
			else if (key === TRACESTATE) tracestate = value.length <= MAX_TRACESTATE ? value.trim() : '';
			else if (key === BAGGAGE) parseBaggageHeader((baggage ??= Object.create(null) as Baggage), value);
		});
		if (!isObject) throw new MalformedCarrier('carrier is not an object');
		let ctx: JaegerSpanContext | null = null;
		if (traceparent !== undefined) {
			ctx = parseTraceparent(traceparent);
			ctx.traceState = tracestate;
		}
		if (ctx === null && baggage === null) return null;
		ctx ??= new JaegerSpanContext('', '', '', 0);
		if (baggage !== null) ctx.baggage = baggage;
		return ctx;
	}
}

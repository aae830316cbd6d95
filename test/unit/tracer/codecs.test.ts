// Inject/extract for every format and codec, including the inbound-only Jaeger headers.
import { describe, expect, it } from 'vitest';
import { BinaryCarrier, FORMAT_BINARY, FORMAT_HTTP_HEADERS, FORMAT_TEXT_MAP } from 'opentracing';
import { B3Codec, JaegerSpanContext, type JaegerTracer } from '../../../src/lib/tracer';
import { testTracer } from './helpers';

const ctxOf = (s: { context(): unknown }) => s.context() as JaegerSpanContext;

function childAfterExtract(tracer: JaegerTracer, format: string, carrier: unknown) {
	const parent = tracer.extract(format, carrier) as JaegerSpanContext | null;
	expect(parent).not.toBeNull();
	const child = tracer.startSpan('server', { childOf: parent! });
	return { parent: parent!, child: ctxOf(child) };
}

describe.each(['jaeger', 'b3', 'w3c'] as const)('%s propagation', (propagation) => {
	for (const bits128 of [false, true]) {
		it(`round-trips ids, sampled flag and baggage (${bits128 ? 128 : 64}-bit) in TEXT_MAP and HTTP_HEADERS`, () => {
			const { tracer } = testTracer({ propagation }, { traceId128bit: bits128 });
			for (const format of [FORMAT_TEXT_MAP, FORMAT_HTTP_HEADERS]) {
				const span = tracer.startSpan('client');
				span.setBaggageItem('user', 'Bryan Bonjour, ça va?');
				const carrier: Record<string, string> = {};
				tracer.inject(span, format, carrier);
				const { parent, child } = childAfterExtract(tracer, format, carrier);
				expect(parent.traceId).toBe(ctxOf(span).traceId);
				expect(parent.spanId).toBe(ctxOf(span).spanId);
				expect(parent.isSampled()).toBe(true);
				expect(parent.remote).toBe(true);
				expect(child.traceId).toBe(ctxOf(span).traceId);
				expect(child.parentId).toBe(ctxOf(span).spanId);
				expect(tracer.startSpan('x', { childOf: parent }).getBaggageItem('user')).toBe('Bryan Bonjour, ça va?');
			}
		});
	}

	it('reads header names case-insensitively', () => {
		const { tracer } = testTracer({ propagation });
		const span = tracer.startSpan('client');
		span.setBaggageItem('k', 'v');
		const carrier: Record<string, string> = {};
		tracer.inject(span, FORMAT_HTTP_HEADERS, carrier);
		const upper = Object.fromEntries(Object.entries(carrier).map(([k, v]) => [k.toUpperCase(), v]));
		const ctx = tracer.extract(FORMAT_HTTP_HEADERS, upper) as JaegerSpanContext;
		expect(ctx.spanId).toBe(ctxOf(span).spanId);
		expect(ctx.baggage.k).toBe('v');
	});

	it('carries the unsampled flag', () => {
		const { tracer } = testTracer({ propagation, sampler: { type: 'const', param: 0 } });
		const carrier = {};
		tracer.inject(tracer.startSpan('x'), FORMAT_HTTP_HEADERS, carrier);
		expect((tracer.extract(FORMAT_HTTP_HEADERS, carrier) as JaegerSpanContext).isSampled()).toBe(false);
	});

	it('writes into fetch Headers and Map carriers too', () => {
		const { tracer } = testTracer({ propagation });
		const span = tracer.startSpan('x');
		const headers = new Headers();
		tracer.inject(span, FORMAT_HTTP_HEADERS, headers);
		expect((tracer.extract(FORMAT_HTTP_HEADERS, headers) as JaegerSpanContext).spanId).toBe(ctxOf(span).spanId);
		const map = new Map<string, string>();
		tracer.inject(span, FORMAT_TEXT_MAP, map);
		expect((tracer.extract(FORMAT_TEXT_MAP, map) as JaegerSpanContext).spanId).toBe(ctxOf(span).spanId);
	});

	it('returns null for an empty carrier without counting an error', () => {
		const { tracer } = testTracer({ propagation });
		expect(tracer.extract(FORMAT_HTTP_HEADERS, {})).toBeNull();
		expect(tracer.metrics.extractErrors).toBe(0);
	});
});

describe('jaeger codec specifics', () => {
	it('writes uber-trace-id without leading zeros, URL-encodes baggage only in HTTP_HEADERS', () => {
		const { tracer } = testTracer();
		const ctx = new JaegerSpanContext('000000000000abcd', '00000000000000ef', '0000000000000012', 1);
		ctx.setBaggageItem('greeting', 'a b');
		const http: Record<string, string> = {};
		const text: Record<string, string> = {};
		tracer.inject(ctx, FORMAT_HTTP_HEADERS, http);
		tracer.inject(ctx, FORMAT_TEXT_MAP, text);
		expect(http).toEqual({ 'uber-trace-id': 'abcd:ef:12:1', 'uberctx-greeting': 'a%20b' });
		expect(text).toEqual({ 'uber-trace-id': 'abcd:ef:12:1', 'uberctx-greeting': 'a b' });
		const back = tracer.extract(FORMAT_HTTP_HEADERS, http) as JaegerSpanContext;
		expect([back.traceId, back.spanId, back.parentId, back.flags]).toEqual(['000000000000abcd', '00000000000000ef', '0000000000000012', 1]);
	});

	it('accepts a URL-encoded uber-trace-id and two-digit flags (OTel writes "01")', () => {
		const { tracer } = testTracer();
		const ctx = tracer.extract(FORMAT_HTTP_HEADERS, { 'uber-trace-id': 'abc%3Adef%3A0%3A01' }) as JaegerSpanContext;
		expect([ctx.traceId, ctx.spanId, ctx.parentId, ctx.flags]).toEqual(['0000000000000abc', '0000000000000def', '', 1]);
	});

	it('jaeger-debug-id alone starts a sampled debug trace tagged with the id', () => {
		const { tracer, reporter } = testTracer({ sampler: { type: 'const', param: 0 } });
		const ctx = tracer.extract(FORMAT_HTTP_HEADERS, { 'Jaeger-Debug-Id': 'req-42' }) as JaegerSpanContext;
		expect(ctx.isValid).toBe(false);
		tracer.startSpan('server', { childOf: ctx }).finish();
		const [rec] = reporter.records();
		expect(rec.flags).toBe(3);
		expect(rec.references).toEqual([]);
		expect(rec.tags).toContainEqual({ key: 'jaeger-debug-id', type: 'string', value: 'req-42' });
	});

	it('jaeger-baggage alone gives a new trace carrying the baggage', () => {
		const { tracer } = testTracer();
		const ctx = tracer.extract(FORMAT_HTTP_HEADERS, { 'jaeger-baggage': 'k1=v1, k2=v2,bad' }) as JaegerSpanContext;
		const span = tracer.startSpan('s', { childOf: ctx });
		expect([span.getBaggageItem('k1'), span.getBaggageItem('k2')]).toEqual(['v1', 'v2']);
		expect(ctxOf(span).isValid).toBe(true);
	});
});

describe('b3 codec specifics', () => {
	it('reads the single b3 header in all its forms', () => {
		const { tracer } = testTracer({ propagation: 'b3' });
		const t = '80f198ee56343ba864fe8b2a57d3eff7';
		const a = tracer.extract(FORMAT_HTTP_HEADERS, { b3: `${t}-e457b5a2e4d86bd1-1-05e3ac9a4f6e3b90` }) as JaegerSpanContext;
		expect([a.traceId, a.spanId, a.parentId, a.flags]).toEqual([t, 'e457b5a2e4d86bd1', '05e3ac9a4f6e3b90', 1]);
		const d = tracer.extract(FORMAT_HTTP_HEADERS, { B3: `${t}-e457b5a2e4d86bd1-d` }) as JaegerSpanContext;
		expect(d.flags).toBe(3);
		const n = tracer.extract(FORMAT_HTTP_HEADERS, { b3: `${t}-e457b5a2e4d86bd1` }) as JaegerSpanContext;
		expect(n.isSampled()).toBe(false);
		expect(tracer.extract(FORMAT_HTTP_HEADERS, { b3: '0' })).toBeNull();
	});

	it('injects the single header when asked, x-b3-flags for debug', () => {
		const { tracer } = testTracer({ propagation: 'b3' });
		tracer.registerInjector(FORMAT_TEXT_MAP, new B3Codec({ urlEncoding: false, singleHeader: true }));
		const ctx = new JaegerSpanContext('0000000000000abc', '0000000000000def', '0000000000000001', 3);
		const single: Record<string, string> = {};
		tracer.inject(ctx, FORMAT_TEXT_MAP, single);
		expect(single).toEqual({ b3: '0000000000000abc-0000000000000def-d-0000000000000001' });
		const multi: Record<string, string> = {};
		tracer.inject(ctx, FORMAT_HTTP_HEADERS, multi);
		expect(multi).toEqual({ 'x-b3-traceid': '0000000000000abc', 'x-b3-spanid': '0000000000000def', 'x-b3-parentspanid': '0000000000000001', 'x-b3-flags': '1' });
	});
});

describe('w3c codec specifics', () => {
	it('passes tracestate through and writes 32-char trace ids', () => {
		const { tracer } = testTracer({ propagation: 'w3c' });
		const tp = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
		const ctx = tracer.extract(FORMAT_HTTP_HEADERS, { traceparent: tp, tracestate: 'congo=t61rcWkgMzE' }) as JaegerSpanContext;
		const out: Record<string, string> = {};
		tracer.inject(tracer.startSpan('s', { childOf: ctx }), FORMAT_HTTP_HEADERS, out);
		expect(out.traceparent).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01$/);
		expect(out.tracestate).toBe('congo=t61rcWkgMzE');
		const short: Record<string, string> = {};
		tracer.inject(new JaegerSpanContext('00000000000000ab', '00000000000000cd', '', 0), FORMAT_HTTP_HEADERS, short);
		expect(short.traceparent).toBe('00-000000000000000000000000000000ab-00000000000000cd-00');
	});

	it('rejects invalid traceparents (counted, null)', () => {
		const { tracer } = testTracer({ propagation: 'w3c' });
		const bad = [
			'00-00000000000000000000000000000000-b7ad6b7169203331-01',
			'00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01',
			'ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
			'00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01',
			'00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-extra',
			'garbage'
		];
		for (const traceparent of bad) expect(tracer.extract(FORMAT_HTTP_HEADERS, { traceparent })).toBeNull();
		expect(tracer.metrics.extractErrors).toBe(bad.length);
		// a future version may append fields
		expect(tracer.extract(FORMAT_HTTP_HEADERS, { traceparent: '01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-what' })).not.toBeNull();
	});
});

describe('binary format', () => {
	it('round-trips ids, flags and baggage through a BinaryCarrier', () => {
		const { tracer } = testTracer({}, { traceId128bit: true });
		const span = tracer.startSpan('s');
		span.setBaggageItem('k', 'välue');
		const carrier = new BinaryCarrier([]);
		tracer.inject(span, FORMAT_BINARY, carrier);
		const bytes = carrier.buffer as unknown as Uint8Array;
		expect(bytes).toBeInstanceOf(Uint8Array);
		expect(bytes.length).toBe(37 + 4 + 1 + 4 + 6);
		const ctx = tracer.extract(FORMAT_BINARY, { buffer: Array.from(bytes) }) as JaegerSpanContext;
		expect([ctx.traceId, ctx.spanId, ctx.flags, ctx.baggage.k]).toEqual([ctxOf(span).traceId, ctxOf(span).spanId, 1, 'välue']);
		const ctx2 = tracer.extract(FORMAT_BINARY, { buffer: bytes.buffer }) as JaegerSpanContext;
		expect(ctx2.spanId).toBe(ctxOf(span).spanId);
	});

	it('rejects truncated buffers', () => {
		const { tracer } = testTracer();
		const carrier: { buffer?: Uint8Array } = {};
		const span = tracer.startSpan('s');
		span.setBaggageItem('k', 'v');
		tracer.inject(span, FORMAT_BINARY, carrier);
		expect(tracer.extract(FORMAT_BINARY, { buffer: carrier.buffer!.subarray(0, carrier.buffer!.length - 1) })).toBeNull();
		expect(tracer.extract(FORMAT_BINARY, { buffer: [1, 2, 3] })).toBeNull();
		expect(tracer.metrics.extractErrors).toBe(2);
	});
});

describe('custom codecs', () => {
	it('registerInjector/registerExtractor add formats; unknown formats throw like jaeger-client', () => {
		const { tracer } = testTracer();
		tracer.registerInjector('custom', { inject: (ctx, carrier) => ((carrier as { id: string }).id = ctx.toString()) });
		tracer.registerExtractor('custom', { extract: () => new JaegerSpanContext('0000000000000001', '0000000000000002', '', 1) });
		const c = { id: '' };
		tracer.inject(tracer.startSpan('x'), 'custom', c);
		expect(c.id).toMatch(/:0:1$/);
		expect((tracer.extract('custom', {}) as JaegerSpanContext).remote).toBe(true);
		expect(() => tracer.extract('nope', {})).toThrow('Unsupported format: nope');
	});
});

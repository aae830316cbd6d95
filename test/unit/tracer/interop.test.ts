// Interop with the real libraries: what we inject, jaeger-client and the OpenTelemetry propagators
// extract to the same trace id, span id, sampled flag and baggage — and the other way round.
import { describe, expect, it } from 'vitest';
import { FORMAT_HTTP_HEADERS } from 'opentracing';
import * as jaeger from 'jaeger-client';
import { ROOT_CONTEXT, defaultTextMapGetter, defaultTextMapSetter, propagation, trace, TraceFlags, type Context, type TextMapPropagator } from '@opentelemetry/api';
import { W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { B3InjectEncoding, B3Propagator } from '@opentelemetry/propagator-b3';
import { JaegerPropagator } from '@opentelemetry/propagator-jaeger';
import { B3Codec, JaegerSpanContext, type Propagation } from '../../../src/lib/tracer';
import { testTracer } from './helpers';

const BAGGAGE = { user: 'Bryan Bonjour', 'order-id': 'a,b=c;d%' };

/** Our tracer's span with baggage, injected into HTTP headers. */
function ourHeaders(propagation: Propagation, bits128: boolean, sampled = true) {
	const { tracer } = testTracer({ propagation, sampler: { type: 'const', param: sampled ? 1 : 0 } }, { traceId128bit: bits128 });
	const parent = tracer.startSpan('root');
	const span = tracer.startSpan('client', { childOf: parent });
	for (const [k, v] of Object.entries(BAGGAGE)) span.setBaggageItem(k, v);
	const headers: Record<string, string> = {};
	tracer.inject(span, FORMAT_HTTP_HEADERS, headers);
	return { ctx: span.context() as JaegerSpanContext, headers };
}

const pad32 = (id: string) => id.padStart(32, '0');
const stripped = (id: string) => id.replace(/^0+(?=.)/, '');

// jaeger-client ---------------------------------------------------------------------------------------

function jaegerTracer(b3: boolean) {
	const t = new jaeger.Tracer('jc', new jaeger.InMemoryReporter(), new jaeger.ConstSampler(true), { traceId128bit: true } as never);
	if (b3) {
		const codec = new jaeger.ZipkinB3TextMapCodec({ urlEncoding: true });
		t.registerInjector(FORMAT_HTTP_HEADERS, codec);
		t.registerExtractor(FORMAT_HTTP_HEADERS, codec);
	}
	return t;
}

describe.each([
	['jaeger', false],
	['b3', true]
] as const)('jaeger-client, %s headers', (prop, b3) => {
	for (const bits128 of [false, true]) {
		it(`extracts what we inject (${bits128 ? 128 : 64}-bit)`, () => {
			for (const sampled of [true, false]) {
				const { ctx, headers } = ourHeaders(prop, bits128, sampled);
				const theirs = jaegerTracer(b3).extract(FORMAT_HTTP_HEADERS, headers) as unknown as {
					traceIdStr: string;
					spanIdStr: string;
					isSampled(): boolean;
					baggage: Record<string, string>;
				};
				expect(stripped(theirs.traceIdStr)).toBe(stripped(ctx.traceId));
				expect(stripped(theirs.spanIdStr)).toBe(stripped(ctx.spanId));
				expect(theirs.isSampled()).toBe(sampled);
				expect({ ...theirs.baggage }).toEqual(BAGGAGE);
			}
		});
	}

	it('we extract what jaeger-client injects (its 128-bit ids)', () => {
		const t = jaegerTracer(b3);
		const span = t.startSpan('client');
		for (const [k, v] of Object.entries(BAGGAGE)) span.setBaggageItem(k, v);
		const headers: Record<string, string> = {};
		t.inject(span.context(), FORMAT_HTTP_HEADERS, headers);
		const { tracer } = testTracer({ propagation: prop });
		const ours = tracer.extract(FORMAT_HTTP_HEADERS, headers) as JaegerSpanContext;
		const theirs = span.context() as unknown as { traceIdStr: string; spanIdStr: string };
		expect(stripped(ours.traceId)).toBe(stripped(theirs.traceIdStr));
		expect(stripped(ours.spanId)).toBe(stripped(theirs.spanIdStr));
		expect(ours.isSampled()).toBe(true);
		expect({ ...ours.baggage }).toEqual(BAGGAGE);
	});
});

// OpenTelemetry ---------------------------------------------------------------------------------------

const otel: [string, Propagation, TextMapPropagator][] = [
	['W3CTraceContextPropagator', 'w3c', new W3CTraceContextPropagator()],
	['B3Propagator (multi)', 'b3', new B3Propagator({ injectEncoding: B3InjectEncoding.MULTI_HEADER })],
	['JaegerPropagator', 'jaeger', new JaegerPropagator()]
];

/** OTel keeps baggage apart from the trace context: W3C uses W3CBaggagePropagator, Jaeger uberctx-. */
function otelBaggagePropagator(prop: Propagation): TextMapPropagator | null {
	return prop === 'w3c' ? new W3CBaggagePropagator() : prop === 'jaeger' ? new JaegerPropagator() : null;
}

describe.each(otel)('OpenTelemetry %s', (_name, prop, propagator) => {
	for (const bits128 of [false, true]) {
		it(`extracts what we inject (${bits128 ? 128 : 64}-bit)`, () => {
			for (const sampled of [true, false]) {
				const { ctx, headers } = ourHeaders(prop, bits128, sampled);
				const extracted = propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
				const sc = trace.getSpanContext(extracted)!;
				expect(sc.traceId).toBe(pad32(ctx.traceId));
				expect(sc.spanId).toBe(ctx.spanId);
				expect(sc.traceFlags & TraceFlags.SAMPLED).toBe(sampled ? 1 : 0);
				const bp = otelBaggagePropagator(prop);
				if (bp) {
					const bag = propagation.getBaggage(bp.extract(ROOT_CONTEXT, headers, defaultTextMapGetter))!;
					expect(Object.fromEntries(bag.getAllEntries().map(([k, e]) => [k, e.value]))).toEqual(BAGGAGE);
				}
			}
		});
	}

	for (const traceId of ['4bf92f3577b34da6a3ce929d0e0e4736', '0000000000000000a3ce929d0e0e4736']) {
		it(`we extract what it injects (trace ${traceId.slice(0, 8)}…)`, () => {
			let ctx: Context = trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId: '00f067aa0ba902b7', traceFlags: TraceFlags.SAMPLED, isRemote: false });
			ctx = propagation.setBaggage(ctx, propagation.createBaggage(Object.fromEntries(Object.entries(BAGGAGE).map(([k, v]) => [k, { value: v }]))));
			const headers: Record<string, string> = {};
			propagator.inject(ctx, headers, defaultTextMapSetter);
			otelBaggagePropagator(prop)?.inject(ctx, headers, defaultTextMapSetter);
			const { tracer } = testTracer({ propagation: prop });
			const ours = tracer.extract(FORMAT_HTTP_HEADERS, headers) as JaegerSpanContext;
			expect(pad32(ours.traceId)).toBe(traceId);
			expect(ours.spanId).toBe('00f067aa0ba902b7');
			expect(ours.isSampled()).toBe(true);
			if (prop !== 'b3') expect({ ...ours.baggage }).toEqual(BAGGAGE);
		});
	}
});

describe('OpenTelemetry B3Propagator (single header)', () => {
	const single = new B3Propagator({ injectEncoding: B3InjectEncoding.SINGLE_HEADER });

	it('extracts our single b3 header, and we extract its', () => {
		const { tracer } = testTracer({ propagation: 'b3' });
		tracer.registerInjector(FORMAT_HTTP_HEADERS, new B3Codec({ urlEncoding: true, singleHeader: true }));
		const span = tracer.startSpan('client', { childOf: tracer.startSpan('root') });
		const headers: Record<string, string> = {};
		tracer.inject(span, FORMAT_HTTP_HEADERS, headers);
		expect(Object.keys(headers)).toEqual(['b3']);
		const sc = trace.getSpanContext(single.extract(ROOT_CONTEXT, headers, defaultTextMapGetter))!;
		const ours = span.context() as JaegerSpanContext;
		expect([sc.traceId, sc.spanId, sc.traceFlags]).toEqual([pad32(ours.traceId), ours.spanId, TraceFlags.SAMPLED]);

		const out: Record<string, string> = {};
		const ctx = trace.setSpanContext(ROOT_CONTEXT, { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: TraceFlags.SAMPLED });
		single.inject(ctx, out, defaultTextMapSetter);
		const back = tracer.extract(FORMAT_HTTP_HEADERS, out) as JaegerSpanContext;
		expect([back.traceId, back.spanId, back.isSampled()]).toEqual(['4bf92f3577b34da6a3ce929d0e0e4736', '00f067aa0ba902b7', true]);
	});
});

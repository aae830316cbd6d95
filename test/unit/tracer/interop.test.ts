// Interop with the real libraries: what we inject, jaeger-client and the OpenTelemetry propagators
// extract to the same trace id, span id, sampled flag and baggage — and the other way round.
import { describe, expect, it } from 'vitest';
import { FORMAT_HTTP_HEADERS } from 'opentracing';
import * as jaeger from 'jaeger-client';
import JaegerPerOperationSampler from 'jaeger-client/dist/src/samplers/per_operation_sampler.js';
import { ROOT_CONTEXT, defaultTextMapGetter, defaultTextMapSetter, propagation, trace, TraceFlags, type Context, type TextMapPropagator } from '@opentelemetry/api';
import { W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { B3InjectEncoding, B3Propagator } from '@opentelemetry/propagator-b3';
import { JaegerPropagator } from '@opentelemetry/propagator-jaeger';
import {
	B3Codec,
	InMemoryReporter,
	JaegerSpanContext,
	JaegerTracer,
	nullLogger,
	PerOperationSampler,
	type Propagation,
	type Sampler,
	type Throttler
} from '../../../src/lib/tracer';
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

// jaeger-client: late sampling and debug throttling -----------------------------------------------------
// The same calls on both tracers (both are opentracing tracers) must end with the same sampled and
// debug flags. Samplers: per-operation with 'on' always sampled and everything else never; and a
// sampler that samples on the tag customer=vip (jaeger-client's experimental TagEqualsSampler).

const ON_OFF = {
	defaultSamplingProbability: 0,
	defaultLowerBoundTracesPerSecond: 0,
	perOperationStrategies: [
		{ operation: 'on', probabilisticSampling: { samplingRate: 1 } },
		{ operation: 'off', probabilisticSampling: { samplingRate: 0 } }
	]
};

interface OtSpanLike {
	setOperationName(n: string): unknown;
	setTag(k: string, v: unknown): unknown;
	addTags(t: Record<string, unknown>): unknown;
	log(f: Record<string, unknown>): unknown;
	finish(): void;
	context(): { isSampled(): boolean; isDebug(): boolean };
}
interface OtTracerLike {
	startSpan(name: string, options?: { childOf?: unknown }): OtSpanLike;
	extract(format: string, carrier: unknown): unknown;
	inject(ctx: unknown, format: string, carrier: unknown): void;
}

const denyAll = { isAllowed: () => false, setProcess() {}, close: (cb?: () => void) => cb?.() };

function bothTracers(kind: 'per-operation' | 'tag', throttled = false): [OtTracerLike, OtTracerLike] {
	const ourSampler: Sampler =
		kind === 'per-operation'
			? new PerOperationSampler(ON_OFF)
			: { lateSampling: true, sample: () => null, sampleOnTag: (_op, k, v) => (k === 'customer' && v === 'vip' ? { type: 'TagEqualsSampler', param: true } : null), close: (cb) => cb?.() };
	const theirSampler = kind === 'per-operation' ? new JaegerPerOperationSampler(ON_OFF, 100) : new jaeger.experimental.TagEqualsSampler('customer', [{ tagValue: 'vip', firehose: false }]);
	const ours = new JaegerTracer('svc', new InMemoryReporter(), ourSampler, { logger: nullLogger, debugThrottler: throttled ? (denyAll as Throttler) : undefined });
	const theirs = new jaeger.Tracer('svc', new jaeger.InMemoryReporter(), theirSampler, throttled ? { debugThrottler: denyAll } : {});
	return [ours as unknown as OtTracerLike, theirs as OtTracerLike];
}

/** Runs `f` on the span, returns the span. */
const then = (s: OtSpanLike, f: (s: OtSpanLike) => unknown) => (f(s), s);
const debugCarrier = () => ({ 'jaeger-debug-id': 'req-1' });
const flagsOf = (s: OtSpanLike) => [s.context().isSampled(), s.context().isDebug()];

const agreed: [string, 'per-operation' | 'tag', boolean, (t: OtTracerLike) => OtSpanLike][] = [
	['unsampled name, no rename', 'per-operation', false, (t) => t.startSpan('off')],
	['rename to a sampled name', 'per-operation', false, (t) => then(t.startSpan('off'), (s) => (s.setOperationName('on')))],
	['rename away from a sampled name', 'per-operation', false, (t) => then(t.startSpan('on'), (s) => (s.setOperationName('off')))],
	['tags and logs, then rename to a sampled name', 'per-operation', false, (t) => then(t.startSpan('off'), (s) => (s.setTag('k', 1), s.log({ e: 1 }), s.setOperationName('on')))],
	['second rename after a first, final one', 'per-operation', false, (t) => then(t.startSpan('off'), (s) => (s.setOperationName('x'), s.setOperationName('on')))],
	['sampling.priority 1 before finalization', 'per-operation', false, (t) => then(t.startSpan('off'), (s) => (s.setTag('sampling.priority', 1)))],
	['sampling.priority 1 after finalization', 'per-operation', false, (t) => then(t.startSpan('off'), (s) => (s.setOperationName('off'), s.setTag('sampling.priority', 1)))],
	['sampling.priority 0 on a sampled span', 'per-operation', false, (t) => then(t.startSpan('on'), (s) => (s.setTag('sampling.priority', 0)))],
	['sampling.priority 0, then rename to a sampled name', 'per-operation', false, (t) => then(t.startSpan('off'), (s) => (s.setTag('sampling.priority', 0), s.setOperationName('on')))],
	['child of an unsampled remote parent, renamed', 'per-operation', false, (t) => then(t.startSpan('off', { childOf: t.extract(FORMAT_HTTP_HEADERS, { 'uber-trace-id': 'abc:def:0:0' }) }), (s) => (s.setOperationName('on')))],
	['debug id allowed', 'per-operation', false, (t) => t.startSpan('off', { childOf: t.extract(FORMAT_HTTP_HEADERS, debugCarrier()) })],
	['debug id throttled, unsampled name', 'per-operation', true, (t) => t.startSpan('off', { childOf: t.extract(FORMAT_HTTP_HEADERS, debugCarrier()) })],
	['debug id throttled, sampled name', 'per-operation', true, (t) => t.startSpan('on', { childOf: t.extract(FORMAT_HTTP_HEADERS, debugCarrier()) })],
	['debug id throttled, then rename to a sampled name', 'per-operation', true, (t) => then(t.startSpan('off', { childOf: t.extract(FORMAT_HTTP_HEADERS, debugCarrier()) }), (s) => (s.setOperationName('on')))],
	['sampling.priority 1 throttled', 'per-operation', true, (t) => then(t.startSpan('off'), (s) => (s.setTag('sampling.priority', 1)))],
	['sampling.priority 1 throttled, then rename', 'per-operation', true, (t) => then(t.startSpan('off'), (s) => (s.setTag('sampling.priority', 1), s.setOperationName('on')))],
	['a matching tag samples', 'tag', false, (t) => then(t.startSpan('checkout'), (s) => (s.setTag('cart', 2), s.setTag('customer', 'vip')))],
	['a matching tag in addTags samples', 'tag', false, (t) => then(t.startSpan('checkout'), (s) => (s.addTags({ customer: 'vip' })))],
	['another value does not', 'tag', false, (t) => then(t.startSpan('checkout'), (s) => (s.setTag('customer', 'regular')))],
	['a matching tag after sampling.priority 0 does not', 'tag', false, (t) => (s => (s.setTag('sampling.priority', 0), s.setTag('customer', 'vip'), s))(t.startSpan('checkout'))]
];

describe('jaeger-client: late sampling and debug throttling give the same flags', () => {
	it.each(agreed)('%s', (_name, kind, throttled, run) => {
		const [ours, theirs] = bothTracers(kind, throttled);
		expect(flagsOf(run(ours))).toEqual(flagsOf(run(theirs)));
	});

	it('the scenarios are not all alike (both sampled and unsampled outcomes occur)', () => {
		const outcomes = new Set(agreed.map(([, kind, throttled, run]) => JSON.stringify(flagsOf(run(bothTracers(kind, throttled)[0])))));
		expect(outcomes).toEqual(new Set(['[false,false]', '[true,false]', '[true,true]']));
	});

	// jaeger-client 3.19's SamplingState documents that inject, a child and finish make the decision
	// final, but its code does not: a rename after them can still sample (children follow, since they
	// share its state object). Ours copies flags into children and into carriers, so it finalizes there.
	it.each([
		['after inject', (t: OtTracerLike, s: OtSpanLike) => t.inject(s.context(), FORMAT_HTTP_HEADERS, {})],
		['after a child is created', (t: OtTracerLike, s: OtSpanLike) => void t.startSpan('child', { childOf: s })],
		['after finish', (_t: OtTracerLike, s: OtSpanLike) => s.finish()]
	])('deliberate difference — rename %s: jaeger-client samples, ours keeps the final decision', (_name, act) => {
		const [ours, theirs] = bothTracers('per-operation');
		const results = [ours, theirs].map((t) => {
			const s = t.startSpan('off');
			act(t, s);
			s.setOperationName('on');
			return s.context().isSampled();
		});
		expect(results).toEqual([false, true]);
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

// Our tracer's W3C codec against @opentelemetry/core's W3CTraceContextPropagator (the propagator a
// learner's OTel service uses by default): the same headers are accepted and refused the same way
// (W3C Trace Context's invalid cases), and a context crosses in both directions intact.
import { describe, expect, it } from 'vitest';
import { FORMAT_HTTP_HEADERS } from 'opentracing';
import { ROOT_CONTEXT, defaultTextMapGetter, defaultTextMapSetter, trace, TraceFlags } from '@opentelemetry/api';
import { W3CTraceContextPropagator, TraceState } from '@opentelemetry/core';
import type { JaegerSpanContext } from '../../../src/lib/tracer';
import { testTracer } from '../tracer/helpers';

const otel = new W3CTraceContextPropagator();
const TID = '4bf92f3577b34da6a3ce929d0e0e4736';
const SID = '00f067aa0ba902b7';

function ours(headers: Record<string, string>) {
	const { tracer } = testTracer({ propagation: 'w3c' });
	const ctx = tracer.extract(FORMAT_HTTP_HEADERS, headers) as JaegerSpanContext | null;
	return ctx && ctx.isValid ? { traceId: ctx.traceId.padStart(32, '0'), spanId: ctx.spanId, sampled: ctx.isSampled() } : null;
}

function theirs(headers: Record<string, string>) {
	const sc = trace.getSpanContext(otel.extract(ROOT_CONTEXT, headers, defaultTextMapGetter));
	return sc ? { traceId: sc.traceId, spanId: sc.spanId, sampled: (sc.traceFlags & TraceFlags.SAMPLED) === 1 } : null;
}

const VALID: [string, string, boolean][] = [
	['the spec example', `00-${TID}-${SID}-01`, true],
	['not sampled', `00-${TID}-${SID}-00`, false],
	['flags 03 (sampled + random) are sampled: bits, not equality', `00-${TID}-${SID}-03`, true],
	['flags 02: random, not sampled', `00-${TID}-${SID}-02`, false],
	['a higher version with more fields still parses', `01-${TID}-${SID}-01-what-the-future-holds`, true],
	['a higher version without more fields', `cc-${TID}-${SID}-01`, true]
];

const INVALID: [string, string][] = [
	['version ff', `ff-${TID}-${SID}-01`],
	['all-zero trace id', `00-${'0'.repeat(32)}-${SID}-01`],
	['all-zero parent id', `00-${TID}-${'0'.repeat(16)}-01`],
	['upper-case trace id', `00-${TID.toUpperCase()}-${SID}-01`],
	['upper-case parent id', `00-${TID}-${SID.toUpperCase()}-01`],
	['short trace id', `00-${TID.slice(2)}-${SID}-01`],
	['long parent id', `00-${TID}-${SID}00-01`],
	['version 00 with extra fields', `00-${TID}-${SID}-01-extra`],
	['one-digit flags', `00-${TID}-${SID}-1`],
	['not hex', `00-${TID.replace('4', 'g')}-${SID}-01`],
	['empty', ''],
	['garbage', 'hello']
];

describe('traceparent: our codec and OpenTelemetry’s W3CTraceContextPropagator agree', () => {
	it.each(VALID)('accepts %s', (_name, header, sampled) => {
		const expected = { traceId: header.split('-')[1], spanId: SID, sampled };
		expect(theirs({ traceparent: header })).toEqual(expected);
		expect(ours({ traceparent: header })).toEqual(expected);
	});

	it.each(INVALID)('refuses %s (the whole header is ignored)', (_name, header) => {
		expect(theirs({ traceparent: header, tracestate: 'vendor=x' })).toBeNull();
		expect(ours({ traceparent: header, tracestate: 'vendor=x' })).toBeNull();
	});
});

describe('W3C round trips', () => {
	it('OTel → ours → OTel keeps trace id, parent id, flags and tracestate', () => {
		for (const flags of [TraceFlags.SAMPLED, TraceFlags.NONE]) {
			const ctx = trace.setSpanContext(ROOT_CONTEXT, { traceId: TID, spanId: SID, traceFlags: flags, traceState: new TraceState('congo=t61rcWkgMzE,rojo=00f067aa0ba902b7') });
			const wire: Record<string, string> = {};
			otel.inject(ctx, wire, defaultTextMapSetter);
			const { tracer } = testTracer({ propagation: 'w3c' });
			const extracted = tracer.extract(FORMAT_HTTP_HEADERS, wire) as JaegerSpanContext;
			const back: Record<string, string> = {};
			tracer.inject(extracted, FORMAT_HTTP_HEADERS, back);
			expect(back).toEqual(wire);
			const sc = trace.getSpanContext(otel.extract(ROOT_CONTEXT, back, defaultTextMapGetter))!;
			expect([sc.traceId, sc.spanId, sc.traceFlags, sc.traceState?.serialize()]).toEqual([TID, SID, flags, 'congo=t61rcWkgMzE,rojo=00f067aa0ba902b7']);
		}
	});

	it('ours → OTel → ours: a child of our span keeps the trace, OTel’s span id becomes the parent', () => {
		for (const bits128 of [false, true]) {
			const { tracer } = testTracer({ propagation: 'w3c' }, { traceId128bit: bits128 });
			const span = tracer.startSpan('client');
			const wire: Record<string, string> = {};
			tracer.inject(span, FORMAT_HTTP_HEADERS, wire);
			const theirCtx = otel.extract(ROOT_CONTEXT, wire, defaultTextMapGetter);
			const sc = trace.getSpanContext(theirCtx)!;
			const ourCtx = span.context() as JaegerSpanContext;
			expect([sc.traceId, sc.spanId, sc.traceFlags]).toEqual([ourCtx.traceId.padStart(32, '0'), ourCtx.spanId, TraceFlags.SAMPLED]);
			// OTel continues it: a new span id under the same trace goes back out, and we take it
			const child = trace.setSpanContext(ROOT_CONTEXT, { ...sc, spanId: 'b7ad6b7169203331', isRemote: false });
			const out: Record<string, string> = {};
			otel.inject(child, out, defaultTextMapSetter);
			const back = tracer.extract(FORMAT_HTTP_HEADERS, out) as JaegerSpanContext;
			expect([back.traceId.padStart(32, '0'), back.spanId, back.isSampled()]).toEqual([sc.traceId, 'b7ad6b7169203331', true]);
		}
	});
});

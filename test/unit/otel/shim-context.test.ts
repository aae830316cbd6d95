// The real @opentelemetry/shim-opentracing next to our tracer: both speak W3C on the wire, so an
// OpenTracing service on either tracer and an OTel service share one trace; what the shim does with
// OpenTracing's data (error → status, logs → events, FollowsFrom → a link in a new trace) is what
// learners read in chapter 10. And the context manager: OTel's active context survives promise
// chains and timers through the tracer's async-context patch, two concurrent chains kept apart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMAT_HTTP_HEADERS, REFERENCE_FOLLOWS_FROM, Reference } from 'opentracing';
import { context, createContextKey, propagation, ROOT_CONTEXT, SpanStatusCode, trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { TracerShim } from '@opentelemetry/shim-opentracing';
import { installAsyncContext, type JaegerSpanContext } from '../../../src/lib/tracer';
import { CarriedContextManager } from '../../../src/lib/runner/service/otel/context-manager';
import { defaultPropagator } from '../../../src/lib/runner/service/otel/otel-runtime';
import { testTracer } from '../tracer/helpers';

let uninstall = () => {};
beforeAll(() => {
	uninstall = installAsyncContext(globalThis);
	context.setGlobalContextManager(new CarriedContextManager());
	propagation.setGlobalPropagator(defaultPropagator());
});
afterAll(() => {
	context.disable();
	propagation.disable();
	uninstall();
});

function otelSide() {
	const exporter = new InMemorySpanExporter();
	const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
	return { exporter, shim: new TracerShim(provider.getTracer('opentracing-shim')) };
}

describe('the OpenTracing shim and our tracer, over W3C headers', () => {
	it('shim → our tracer: one trace, our span a child of the shim’s, baggage carried', () => {
		const { shim } = otelSide();
		const client = shim.startSpan('say-hello');
		client.setBaggageItem('user', 'Bryan');
		const headers: Record<string, string> = {};
		shim.inject(client.context(), FORMAT_HTTP_HEADERS, headers);
		expect(Object.keys(headers).sort()).toEqual(['baggage', 'traceparent']);
		const { tracer, reporter } = testTracer({ propagation: 'w3c' }, { traceId128bit: true });
		const server = tracer.startSpan('format', { childOf: tracer.extract(FORMAT_HTTP_HEADERS, headers)! });
		expect(server.getBaggageItem('user')).toBe('Bryan');
		server.finish();
		const rec = reporter.spans[0].toRecord();
		expect(rec.traceID).toBe(client.context().toTraceId());
		expect(rec.references).toEqual([{ refType: 'CHILD_OF', traceID: rec.traceID, spanID: client.context().toSpanId() }]);
	});

	it('our tracer → shim: the shim’s span joins our trace, and error/log map to status/events', () => {
		const { tracer } = testTracer({ propagation: 'w3c' });
		const client = tracer.startSpan('say-hello');
		client.setBaggageItem('user', 'Bryan');
		const headers: Record<string, string> = {};
		tracer.inject(client, FORMAT_HTTP_HEADERS, headers);
		const { shim, exporter } = otelSide();
		const server = shim.startSpan('format', { childOf: shim.extract(FORMAT_HTTP_HEADERS, headers)! });
		expect(server.getBaggageItem('user')).toBe('Bryan');
		server.setTag('error', true);
		server.log({ event: 'string-format', value: 'Hello, Bryan!' });
		server.finish();
		const [s] = exporter.getFinishedSpans();
		const ours = client.context() as JaegerSpanContext;
		expect([s.spanContext().traceId, s.parentSpanContext?.spanId]).toEqual([ours.traceId.padStart(32, '0'), ours.spanId]);
		expect(s.status.code).toBe(SpanStatusCode.ERROR);
		expect(s.events.map((e) => [e.name, e.attributes?.value])).toEqual([['string-format', 'Hello, Bryan!']]);
	});

	it('FollowsFrom alone under the shim: a new trace with a link (jaeger-client kept one trace)', () => {
		const { tracer } = testTracer({ propagation: 'w3c' });
		const producer = tracer.startSpan('publish');
		const headers: Record<string, string> = {};
		tracer.inject(producer, FORMAT_HTTP_HEADERS, headers);
		const { shim, exporter } = otelSide();
		const consumer = shim.startSpan('consume', { references: [new Reference(REFERENCE_FOLLOWS_FROM, shim.extract(FORMAT_HTTP_HEADERS, headers)!)] });
		consumer.finish();
		const [s] = exporter.getFinishedSpans();
		const pc = producer.context() as JaegerSpanContext;
		expect(s.spanContext().traceId).not.toBe(pc.traceId.padStart(32, '0'));
		expect(s.parentSpanContext).toBeUndefined();
		expect(s.links.map((l) => [l.context.traceId, l.context.spanId, Object.values(l.attributes ?? {})])).toEqual([[pc.traceId.padStart(32, '0'), pc.spanId, ['follows_from']]]);
	});
});

describe('the context manager (CarriedContextManager) over the async-context patch', () => {
	const KEY = createContextKey('request');

	it('survives .then, setTimeout and queueMicrotask; context.with restores the outer context', async () => {
		const seen: unknown[] = [];
		const ctx = ROOT_CONTEXT.setValue(KEY, 'a');
		await context.with(ctx, () =>
			Promise.resolve()
				.then(() => seen.push(context.active().getValue(KEY)))
				.then(() => new Promise<void>((r) => setTimeout(() => (seen.push(context.active().getValue(KEY)), r()), 1)))
				.then(() => new Promise<void>((r) => queueMicrotask(() => (seen.push(context.active().getValue(KEY)), r()))))
		);
		expect(seen).toEqual(['a', 'a', 'a']);
		expect(context.active()).toBe(ROOT_CONTEXT);
	});

	it('keeps two concurrent chains apart, and the active span follows its chain', async () => {
		const provider = new BasicTracerProvider();
		const tracer = provider.getTracer('t');
		const chain = (name: string, ms: number) =>
			tracer.startActiveSpan(name, (span) =>
				new Promise((r) => setTimeout(r, ms)).then(() => {
					const active = trace.getActiveSpan();
					span.end();
					return active === span;
				})
			);
		expect(await Promise.all([chain('a', 5), chain('b', 1)])).toEqual([true, true]);
		expect(trace.getActiveSpan()).toBeUndefined();
	});

	it('bind() fixes a function to a context', () => {
		const f = context.bind(ROOT_CONTEXT.setValue(KEY, 'bound'), () => context.active().getValue(KEY));
		expect(f()).toBe('bound');
		expect(context.active().getValue(KEY)).toBeUndefined();
	});
});

// The OpenTelemetry imports type-check the way the editor checks them: the packages' own
// declarations (copied by generateRuntimeTypings), Monaco's compiler options.
import { describe, expect, it } from 'vitest';
import { typeErrors } from '../lessons/typecheck';
import { otelExample } from '../../../src/routes/playground/examples/otel';
import { otClient, otelClient, otServer, shimServer } from './programs';

const setUp = `import { trace, context, propagation, SpanKind, SpanStatusCode, type Span } from '@opentelemetry/api';
import { BasicTracerProvider, BatchSpanProcessor, AlwaysOnSampler } from '@opentelemetry/sdk-trace-base';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
const provider = new BasicTracerProvider({
  resource: resourceFromAttributes({ 'service.name': 'shop' }),
  sampler: new AlwaysOnSampler(),
  spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: 'http://jaeger-collector:4318/v1/traces' }))]
});
trace.setGlobalTracerProvider(provider);
propagation.setGlobalPropagator(new W3CTraceContextPropagator());
const span: Span = trace.getTracer('shop').startSpan('buy', { kind: SpanKind.SERVER });
span.setStatus({ code: SpanStatusCode.OK });
span.end();
context.active();
`;

describe('OpenTelemetry typings in the editor', () => {
	it('learner programs using the API, the SDK, the shim and the exporter type-check', () => {
		expect(typeErrors({ a: { 'hello.ts': otelClient, 'formatter.ts': otServer }, b: { 'hello.ts': otClient, 'formatter.ts': shimServer }, c: { 'shop.ts': setUp }, d: otelExample.files })).toEqual([]);
	});

	it('a wrong use is an error (the declarations are really read)', () => {
		const wrong = `import { trace, SpanKind } from '@opentelemetry/api';\ntrace.getTracer('x').startSpan('y', { kind: 'server' });\nconst k: SpanKind = SpanKind.NOPE;\n`;
		expect(typeErrors({ w: { 'w.ts': wrong } })).toHaveLength(2);
	});
});

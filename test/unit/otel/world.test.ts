// An OpenTelemetry service and an OpenTracing service in one run give one trace — both ways round:
// the OTel API's W3C propagator ↔ our tracer's W3C codec, and the real OpenTracing shim over the
// OTel SDK ↔ our tracer. Spans reach the simulated Jaeger by both paths (jaeger-agent and the OTLP
// receiver on jaeger-collector:4318) and come back through jaeger-query as one trace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Span, Trace } from '$lib/model';
import { runWorld, setUpWorld, tearDownWorld } from '../lessons/world';

beforeAll(setUpWorld);
afterAll(tearDownWorld);

const SERVICES = { 'hello.ts': 'hello', 'formatter.ts': 'formatter' };

const otelClient = `import { trace, context, propagation, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { sleep } from 'tour/time';
const tracer = trace.getTracer('hello-app', '1.0.0');
export async function main(): Promise<void> {
  await tracer.startActiveSpan('say-hello', { kind: SpanKind.CLIENT, attributes: { 'hello.to': process.argv[2] } }, async (span) => {
    await sleep(2); // the active context survives a timer and await
    const headers: Record<string, string> = {};
    propagation.inject(context.active(), headers);
    console.log('sent', Object.keys(headers).sort().join(','));
    const res = await fetch('http://formatter:8081/format?helloTo=' + process.argv[2], { headers });
    span.addEvent('formatted', { text: await res.text() });
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'just testing' });
    span.end();
  });
}
`;

const otServer = `import { serve } from 'tour/http';
import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';
import { initTracer } from 'tour/tracing';
const tracer = initTracer({ serviceName: 'formatter', sampler: { type: 'const', param: 1 }, propagation: 'w3c' });
serve(8081, (req) => {
  const parent = tracer.extract(FORMAT_HTTP_HEADERS, req.headers) ?? undefined;
  const span = tracer.startSpan('format', { childOf: parent, tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER } });
  span.finish();
  return 'Hello, ' + req.query.helloTo + '!';
});
`;

const otClient = `import { FORMAT_HTTP_HEADERS } from 'opentracing';
import { initTracer } from 'tour/tracing';
const tracer = initTracer({ serviceName: 'hello', sampler: { type: 'const', param: 1 }, propagation: 'w3c' });
export async function main(): Promise<void> {
  const span = tracer.startSpan('say-hello');
  span.setBaggageItem('user', 'Bryan');
  const headers: Record<string, string> = {};
  tracer.inject(span, FORMAT_HTTP_HEADERS, headers);
  console.log(await (await fetch('http://formatter:8081/format?helloTo=Bryan', { headers })).text());
  span.finish();
}
`;

// the real shim over the SDK the service is given: OpenTracing calls, OTel spans
const shimServer = `import { serve } from 'tour/http';
import { FORMAT_HTTP_HEADERS, initGlobalTracer, globalTracer } from 'opentracing';
import { trace, propagation, context } from '@opentelemetry/api';
import { TracerShim } from '@opentelemetry/shim-opentracing';
initGlobalTracer(new TracerShim(trace.getTracer('opentracing-shim')));
serve(8081, (req) => {
  const tracer = globalTracer();
  const parent = tracer.extract(FORMAT_HTTP_HEADERS, req.headers) ?? undefined;
  const span = tracer.startSpan('format', { childOf: parent });
  span.setTag('error', true);
  span.log({ event: 'string-format', value: 'Hello' });
  const user = span.getBaggageItem('user');
  span.finish();
  return 'Hello, ' + req.query.helloTo + ' (' + user + ')';
});
`;

const byName = (t: Trace, name: string): Span => t.spans.find((s) => s.operationName === name)!;
const tag = (s: Span, key: string) => s.tags.find((t) => t.key === key)?.value;
const serviceOf = (t: Trace, s: Span) => t.processes[s.processID].serviceName;

describe('OpenTelemetry and OpenTracing services in one run', () => {
	it('an OTel client (W3C, default set-up) and a jaeger-style server speaking traceparent give one trace', async () => {
		const r = await runWorld({ 'hello.ts': otelClient, 'formatter.ts': otServer }, SERVICES, 'Bryan');
		expect(r.errors).toEqual([]);
		expect(r.console.filter((l) => l.service === 'hello').map((l) => l.text)).toEqual(['sent traceparent']);
		expect(r.traces).toHaveLength(1);
		const [t] = r.traces;
		const hello = byName(t, 'say-hello');
		const format = byName(t, 'format');
		expect(format.references).toEqual([{ refType: 'CHILD_OF', traceID: t.traceID, spanID: hello.spanID }]);
		expect([serviceOf(t, hello), serviceOf(t, format)]).toEqual(['hello', 'formatter']);
		// kind, status, events, attributes and the scope, as the trace view shows them
		expect(tag(hello, 'span.kind')).toBe('client');
		expect(tag(hello, 'otel.status_code')).toBe('ERROR');
		expect(tag(hello, 'otel.status_description')).toBe('just testing');
		expect(tag(hello, 'error')).toBe(true);
		expect(tag(hello, 'hello.to')).toBe('Bryan');
		expect(tag(hello, 'otel.scope.name')).toBe('hello-app');
		expect(hello.logs[0].fields).toEqual([
			{ key: 'event', type: 'string', value: 'formatted' },
			{ key: 'text', type: 'string', value: 'Hello, Bryan!' }
		]);
		// the resource: service.name from the service, the SDK's own attributes kept
		expect(t.processes[hello.processID].tags.map((x) => x.key)).toContain('telemetry.sdk.name');
	});

	it('a jaeger-style client and a server using the real OpenTracing shim give one trace (baggage too)', async () => {
		const r = await runWorld({ 'hello.ts': otClient, 'formatter.ts': shimServer }, SERVICES, '');
		expect(r.errors).toEqual([]);
		expect(r.console.filter((l) => l.service === 'hello' && !l.text.startsWith('Reporting')).map((l) => l.text)).toEqual(['Hello, Bryan (Bryan)']);
		expect(r.traces).toHaveLength(1);
		const [t] = r.traces;
		const format = byName(t, 'format');
		expect(format.references[0]).toEqual({ refType: 'CHILD_OF', traceID: t.traceID, spanID: byName(t, 'say-hello').spanID });
		expect(serviceOf(t, format)).toBe('formatter');
		expect(tag(format, 'otel.scope.name')).toBe('opentracing-shim');
		expect(tag(format, 'otel.status_code')).toBe('ERROR'); // the shim: error tag → status
		expect(format.logs[0].fields[0]).toEqual({ key: 'event', type: 'string', value: 'string-format' });
	});

	it('OTel spans travel as OTLP/HTTP JSON to jaeger-collector:4318/v1/traces', async () => {
		const r = await runWorld({ 'hello.ts': otelClient, 'formatter.ts': otServer }, SERVICES, 'Bryan');
		const otlp = r.traffic.filter((m) => m.url.startsWith('http://jaeger-collector:4318'));
		expect(otlp.length).toBeGreaterThan(0);
		expect(otlp.map((m) => [m.from, m.method, m.url, m.requestHeaders['content-type'], m.status])).toContainEqual(['hello', 'POST', 'http://jaeger-collector:4318/v1/traces', 'application/json', 200]);
	});
});

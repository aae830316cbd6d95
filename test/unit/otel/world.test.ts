// An OpenTelemetry service and an OpenTracing service in one run give one trace — both ways round:
// the OTel API's W3C propagator ↔ our tracer's W3C codec, and the real OpenTracing shim over the
// OTel SDK ↔ our tracer. Spans reach the simulated Jaeger by both paths (jaeger-agent and the OTLP
// receiver on jaeger-collector:4318) and come back through jaeger-query as one trace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Span, Trace } from '$lib/model';
import { runWorld, setUpWorld, tearDownWorld } from '../lessons/world';
import { otelExample } from '../../../src/routes/playground/examples/otel';
import { SERVICES, otClient, otServer, otelClient, shimServer } from './programs';

beforeAll(setUpWorld);
afterAll(tearDownWorld);

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

	it('the playground example: an OTel shop, a jaeger-style W3C service and a shim service give one trace', async () => {
		const services = { 'shop.ts': 'shop', 'pricing.ts': 'pricing', 'inventory.ts': 'inventory' };
		const r = await runWorld(otelExample.files, services, otelExample.args);
		expect(r.errors).toEqual([]);
		expect(r.console.filter((l) => l.service === 'shop').map((l) => l.text)).toEqual(['dune: 9.99']);
		expect(r.traces).toHaveLength(1);
		const [t] = r.traces;
		const parentName = (s: Span) => t.spans.find((p) => p.spanID === s.references.find((x) => x.refType === 'CHILD_OF')?.spanID)?.operationName ?? null;
		expect(t.spans.map((s) => [serviceOf(t, s), s.operationName, parentName(s)]).sort()).toEqual([
			['inventory', 'stock', 'price'],
			['pricing', 'price', 'GET /price'],
			['shop', 'GET /price', 'checkout'],
			['shop', 'checkout', null]
		]);
		expect(r.network.filter((m) => 'traceparent' in m.requestHeaders).map((m) => m.to)).toEqual(['pricing:8081', 'inventory:8082']);
	});

	it('a learner’s own SDK set-up takes over: their provider, resource service.name and exporter', async () => {
		const own = `import { trace, SpanKind } from '@opentelemetry/api';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
const early = trace.getTracer('early'); // obtained before the set-up: follows the new provider
trace.setGlobalTracerProvider(new BasicTracerProvider({
  resource: resourceFromAttributes({ 'service.name': 'hello-v2', 'service.version': '2.0.0' }),
  spanProcessors: [new SimpleSpanProcessor(new OTLPTraceExporter({ url: 'http://jaeger-collector:4318/v1/traces', headers: { 'X-Tenant': 'course' } }))]
}));
export async function main(): Promise<void> {
  early.startSpan('say-hello', { kind: SpanKind.INTERNAL }).end();
}
`;
		const r = await runWorld({ 'hello.ts': own }, { 'hello.ts': 'hello' }, '');
		expect(r.errors).toEqual([]);
		expect(r.traces).toHaveLength(1);
		const [t] = r.traces;
		const s = t.spans[0];
		expect([serviceOf(t, s), s.operationName, tag(s, 'otel.scope.name')]).toEqual(['hello-v2', 'say-hello', 'early']);
		expect(t.processes[s.processID].tags).toContainEqual({ key: 'service.version', type: 'string', value: '2.0.0' });
		expect(r.traffic.filter((m) => m.url.endsWith('/v1/traces')).map((m) => m.requestHeaders['x-tenant'])).toEqual(['course']);
	});
});

// What a service's OpenTelemetry SDK sends: OTLP/HTTP JSON made by the official serializer
// (@opentelemetry/otlp-transformer), obeying OTLP's JSON rules, accepted by the simulated
// collector's OTLP receiver and read back through jaeger-query with kind, status, events, links and
// resource attributes intact. Also what the receiver refuses.
import { describe, expect, it } from 'vitest';
import { SpanKind, SpanStatusCode, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { BasicTracerProvider, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { createBackend } from '$lib/backend';
import { toOTLP } from '$lib/model';
import type { SimRequest, SimResponse } from '$lib/sim';
import { SimOtlpExporter, otlpJsonBody } from '../../../src/lib/runner/service/otel/exporter';
import { createSpanBudget } from '../../../src/lib/runner/service/span-budget';
import { decodeOtlpJson, decodeOtlpProtobuf } from '../export/otlp-official';

const NOW = Date.now();

function makeSpans(resource = resourceFromAttributes({ 'service.name': 'hello', 'deployment.environment.name': 'course' })) {
	const finished: ReadableSpan[] = [];
	const provider = new BasicTracerProvider({ resource, spanProcessors: [{ onStart() {}, onEnd: (s: ReadableSpan) => void finished.push(s), forceFlush: async () => {}, shutdown: async () => {} }] });
	const tracer = provider.getTracer('hello-app', '1.2.3');
	const root = tracer.startSpan('say-hello', { kind: SpanKind.CLIENT, attributes: { 'hello.to': 'Bryan', retries: 2, ok: true, ratio: 0.5, tags: ['a', 'b'] } });
	const rootCtx = trace.setSpan(ROOT_CONTEXT, root);
	const producer = tracer.startSpan('publish', { kind: SpanKind.PRODUCER }, rootCtx);
	producer.end();
	const consumer = tracer.startSpan('consume', { kind: SpanKind.CONSUMER, links: [{ context: producer.spanContext(), attributes: { why: 'message' } }] }, rootCtx);
	consumer.addEvent('got it', { size: 12 });
	consumer.recordException(new TypeError('bad message'));
	consumer.setStatus({ code: SpanStatusCode.ERROR, message: 'failed' });
	consumer.end();
	root.setStatus({ code: SpanStatusCode.OK });
	root.end();
	return finished;
}

function exporterWith(answer: (req: SimRequest) => SimResponse | Promise<SimResponse>, maxSpans = 100) {
	const sent: SimRequest[] = [];
	const errors: string[] = [];
	const budget = createSpanBudget(maxSpans, () => {});
	const exporter = new SimOtlpExporter({ service: 'hello-svc', budget, onError: (m) => errors.push(m), send: async (req) => (sent.push(req), answer(req)) });
	return { exporter, sent, errors, budget };
}

const exportNow = (e: SimOtlpExporter, spans: ReadableSpan[]) => new Promise<number>((r) => e.export(spans, (res) => r(res.code)));

/** every object key in a JSON value */
function keys(v: unknown, out = new Set<string>()): Set<string> {
	if (Array.isArray(v)) v.forEach((x) => keys(x, out));
	else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (out.add(k), keys(x, out));
	return out;
}

type J = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('the OTLP/HTTP JSON exporter', () => {
	it('POSTs the official serializer’s JSON (integers as decimal strings) to jaeger-collector:4318/v1/traces', async () => {
		const spans = makeSpans();
		const { exporter, sent } = exporterWith(() => ({ status: 200, headers: {}, body: '{}' }));
		expect(await exportNow(exporter, spans)).toBe(0); // ExportResultCode.SUCCESS
		expect(sent).toHaveLength(1);
		expect([sent[0].method, sent[0].url, sent[0].headers['content-type']]).toEqual(['POST', 'http://jaeger-collector:4318/v1/traces', 'application/json']);
		// the official serializer writes integer attributes as JSON numbers; OTLP JSON's int64 is a decimal string
		const official = JSON.parse(new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans)), (k, v) => (k === 'intValue' && typeof v === 'number' ? String(v) : v));
		expect(JSON.parse(sent[0].body)).toEqual(official);
	});

	it('follows OTLP’s JSON rules: hex ids, decimal-string nanoseconds, integer enums, lowerCamelCase keys', () => {
		const body: J = JSON.parse(otlpJsonBody(makeSpans(), 'hello-svc'));
		const spans: J[] = body.resourceSpans[0].scopeSpans[0].spans;
		expect(spans).toHaveLength(3);
		for (const s of spans) {
			expect(s.traceId).toMatch(/^[0-9a-f]{32}$/);
			expect(s.spanId).toMatch(/^[0-9a-f]{16}$/);
			expect(s.startTimeUnixNano).toMatch(/^\d{19}$/);
			expect(Math.abs(Number(BigInt(s.startTimeUnixNano) / 1_000_000n) - NOW)).toBeLessThan(60_000);
			expect(typeof s.kind).toBe('number');
		}
		expect(spans.map((s) => s.kind)).toEqual([4, 5, 3]); // PRODUCER, CONSUMER, CLIENT
		expect(spans[1].status).toEqual({ code: 2, message: 'failed' });
		expect([...keys(body)].filter((k) => k.includes('_'))).toEqual([]);
		expect(body.resourceSpans[0].scopeSpans[0].scope).toEqual({ name: 'hello-app', version: '1.2.3' });
	});

	it('sends what the official opentelemetry-proto definitions decode field for field, the same message as the official protobuf serializer', async () => {
		const spans = makeSpans();
		const { exporter, sent } = exporterWith(() => ({ status: 200, headers: {}, body: '{}' }));
		await exportNow(exporter, spans);
		const json = decodeOtlpJson(sent[0].body); // throws on any unknown or mistyped field
		const protobuf = decodeOtlpProtobuf(ProtobufTraceSerializer.serializeRequest(spans)!);
		expect(json).toEqual(protobuf);
		const attributes: J[] = (json as J).resourceSpans[0].scopeSpans[0].spans[2].attributes;
		expect(attributes.find((a) => a.key === 'retries')).toEqual({ key: 'retries', value: { intValue: '2' } });
	});

	it('gives the resource the service’s name when the SDK only says unknown_service', () => {
		const unnamed: J = JSON.parse(otlpJsonBody(makeSpans(resourceFromAttributes({ 'service.name': 'unknown_service:node' })), 'hello-svc'));
		expect(unnamed.resourceSpans[0].resource.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'hello-svc' } });
		const missing: J = JSON.parse(otlpJsonBody(makeSpans(resourceFromAttributes({})), 'hello-svc'));
		expect(missing.resourceSpans[0].resource.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'hello-svc' } });
		const learners: J = JSON.parse(otlpJsonBody(makeSpans(), 'hello-svc'));
		expect(learners.resourceSpans[0].resource.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'hello' } });
	});

	it('counts spans against the service’s budget and says a failed export once', async () => {
		const { exporter, sent, errors, budget } = exporterWith(() => ({ status: 503, headers: {}, body: 'jaeger-collector is stopped' }), 4);
		expect(await exportNow(exporter, makeSpans())).toBe(1); // FAILED
		expect(await exportNow(exporter, makeSpans())).toBe(1);
		expect(await exportNow(exporter, makeSpans())).toBe(0); // nothing left to send
		expect(sent.map((r) => JSON.parse(r.body).resourceSpans[0].scopeSpans[0].spans.length)).toEqual([3, 1]);
		expect(budget.counter).toEqual({ sent: 4, dropped: 5 });
		expect(errors).toEqual(['OTLP export to http://jaeger-collector:4318/v1/traces failed: 503 jaeger-collector is stopped']);
	});
});

/** What Jaeger's model keeps of an attribute value: int64 as a decimal string (proto3 JSON), arrays as JSON text (as Jaeger's OTLP translator does). */
function jaegerValue(v: J): J {
	if ('intValue' in v) return { intValue: String(v.intValue) };
	if ('arrayValue' in v) return { stringValue: JSON.stringify(v.arrayValue.values.map((x: J) => Object.values(x)[0])) };
	return v;
}

describe('jaeger-collector’s OTLP receiver (:4318/v1/traces)', () => {
	const post = (b: ReturnType<typeof createBackend>, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }, method = 'POST', path = '/v1/traces') =>
		b.fetch(`http://jaeger-collector:4318${path}`, { method, headers, body });

	it('round-trips what the exporter sends: kind, status, events, links and resource attributes come back', async () => {
		const b = createBackend();
		const sentBody = otlpJsonBody(makeSpans(), 'hello-svc');
		const res = await post(b, sentBody);
		expect([res.status, JSON.parse(String(res.body))]).toEqual([200, {}]);
		const sent: J = JSON.parse(sentBody);
		const traceId = sent.resourceSpans[0].scopeSpans[0].spans[0].traceId;
		const stored = await b.client.getTrace(traceId);
		const back: J = toOTLP([stored!]);
		const strip = (s: J) => ({ traceId: s.traceId, spanId: s.spanId, parentSpanId: s.parentSpanId || undefined, name: s.name, kind: s.kind, status: s.status?.code ? { code: s.status.code, message: s.status.message || undefined } : undefined, events: (s.events ?? []).map((e: J) => e.name), links: (s.links ?? []).map((l: J) => l.spanId), attrs: Object.fromEntries((s.attributes ?? []).filter((a: J) => !a.key.startsWith('otel.') && a.key !== 'error').map((a: J) => [a.key, jaegerValue(a.value)])) });
		const ours = (x: J) => x.resourceSpans.flatMap((rs: J) => rs.scopeSpans.flatMap((ss: J) => ss.spans)).map(strip).sort((a: J, c: J) => a.spanId.localeCompare(c.spanId));
		expect(ours(back)).toEqual(ours(sent));
		expect(back.resourceSpans[0].resource.attributes).toEqual(expect.arrayContaining(sent.resourceSpans[0].resource.attributes));
		expect(back.resourceSpans[0].scopeSpans[0].scope).toEqual({ name: 'hello-app', version: '1.2.3' });
		expect(b.collector.stats()).toMatchObject({ received: 3, stored: 3, rejected: 0 });
	});

	it('answers partial success for spans it rejects, and stores the rest', async () => {
		const b = createBackend();
		const body: J = JSON.parse(otlpJsonBody(makeSpans(), 'hello-svc'));
		body.resourceSpans[0].scopeSpans[0].spans[0].name = ''; // jaeger-collector needs an operation name
		const res = await post(b, JSON.stringify(body));
		expect(res.status).toBe(200);
		const answer = JSON.parse(String(res.body));
		expect(answer.partialSuccess.rejectedSpans).toBe('1');
		expect(answer.partialSuccess.errorMessage).toMatch(/span 0/);
		expect(b.collector.stats()).toMatchObject({ received: 3, stored: 2, rejected: 1 });
	});

	it.each([
		['protobuf', { 'content-type': 'application/x-protobuf' }, 'POST', '/v1/traces', 'x', 415],
		['gzip', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, 'POST', '/v1/traces', '{}', 415],
		['no content type', {}, 'POST', '/v1/traces', '{}', 415],
		['GET', { 'content-type': 'application/json' }, 'GET', '/v1/traces', '', 405],
		['another path', { 'content-type': 'application/json' }, 'POST', '/v1/metrics', '{}', 404],
		['bad JSON', { 'content-type': 'application/json' }, 'POST', '/v1/traces', '{"resourceSpans": [', 400],
		['not OTLP', { 'content-type': 'application/json' }, 'POST', '/v1/traces', '{"spans": []}', 400],
		['a span that is not an object', { 'content-type': 'application/json' }, 'POST', '/v1/traces', '{"resourceSpans":[{"scopeSpans":[{"spans":[42]}]}]}', 400],
		['an id that is an object', { 'content-type': 'application/json' }, 'POST', '/v1/traces', '{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":{"length":32},"spanId":"00f067aa0ba902b7"}]}]}]}', 400],
		['a prototype key', { 'content-type': 'application/json' }, 'POST', '/v1/traces', '{"__proto__":{"resourceSpans":[]}}', 400],
		['an attribute nested 500 deep', { 'content-type': 'application/json' }, 'POST', '/v1/traces', `{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","spanId":"00f067aa0ba902b7","name":"x","attributes":[{"key":"deep","value":${'{"arrayValue":{"values":['.repeat(500)}{"stringValue":"x"}${']}}'.repeat(500)}}]}]}]}]}`, 400]
	] as const)('refuses %s', async (_name, headers, method, path, body, status) => {
		const b = createBackend();
		const res = await post(b, body, { ...headers }, method, path);
		expect(res.status).toBe(status);
		expect(b.store.stats().traces).toBe(0);
	});

	it('is unavailable (503, which OTLP exporters retry) while the collector is stopped', async () => {
		const b = createBackend();
		b.collector.stop();
		expect((await post(b, otlpJsonBody(makeSpans(), 'x'))).status).toBe(503);
	});
});

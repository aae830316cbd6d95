// What the reading steps tell learners they will see, checked against a real run of their code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWorld, setUpWorld, tearDownWorld } from './world';
import { allSpans, logsOf, findSpan } from '$lib/checks';
import { requestsTo } from '$lib/checks';
import { step } from './course';
import { toOTLP } from '$lib/model';
import { decodeOtlpJson, spansOf } from '../export/otlp-official';

beforeAll(setUpWorld);
afterAll(tearDownWorld);

describe('reading steps say what a run shows', () => {
	it('hello-span/no-op-tracer: the greeting prints and no span is reported', async () => {
		const s = step('hello-span/no-op-tracer');
		const run = await runWorld(s.start, s.services, s.args);
		expect(run.console.map((l) => `${l.service}: ${l.text}`)).toEqual(['hello: Hello, Bryan!']);
		expect(run.records).toEqual([]);
		expect(run.traces).toEqual([]);
	});

	it('baggage/limits: value cut at 2,048 and logged as truncated, key normalised, answer length', async () => {
		const s = step('baggage/limits');
		const run = await runWorld(s.start, s.services, s.args);
		expect(run.errors).toEqual([]);
		const root = findSpan(run, { service: 'hello-world', operation: 'say-hello' })!;
		const baggageLogs = logsOf(root).filter((l) => l.event === 'baggage');
		expect(baggageLogs).toHaveLength(2);
		expect(baggageLogs[0]).toMatchObject({ key: 'greeting', truncated: 'true' });
		expect(String(baggageLogs[0].value)).toHaveLength(2048);
		expect(baggageLogs[1]).toMatchObject({ key: 'test-traffic', value: 'true' });
		const [req] = requestsTo(run, 'formatter');
		expect(decodeURIComponent(req.requestHeaders['uberctx-greeting'])).toHaveLength(2048);
		expect(req.requestHeaders['uberctx-test-traffic']).toBe('true');
		expect(run.console.some((l) => l.service === 'hello' && l.text === `the formatter answered ${2048 + ', Bryan!'.length} characters`)).toBe(true);
	});

	it('baggage/limits: past the total budget an item is refused and logged invalid', async () => {
		const s = step('baggage/limits');
		const hello = s.start['hello.ts'].replace(
			"  span.setBaggageItem('Test_Traffic', 'true');\n",
			"  span.setBaggageItem('Test_Traffic', 'true');\n  for (let i = 0; i < 4; i++) span.setBaggageItem(`more-${i}`, 'x'.repeat(2000));\n"
		);
		expect(hello).not.toBe(s.start['hello.ts']);
		const run = await runWorld({ ...s.start, 'hello.ts': hello }, s.services, s.args);
		const logs = logsOf(findSpan(run, { service: 'hello-world', operation: 'say-hello' })!).filter((l) => l.event === 'baggage');
		expect(logs.filter((l) => l.invalid === 'true').map((l) => l.key)).toEqual(['more-3']);
		expect(requestsTo(run, 'formatter')[0].requestHeaders['uberctx-more-3']).toBeUndefined();
		expect(requestsTo(run, 'formatter')[0].requestHeaders['uberctx-more-2']).toHaveLength(2000);
	});
});

describe('chapter 5 says what the Network panel shows', () => {
	it('messages/publish: basic.publish carries publish-order’s id, and basic.deliver the same header', async () => {
		const s = step('messages/publish');
		const run = await runWorld(s.solution, s.services, s.args);
		const publish = run.network.find((r) => r.method === 'basic.publish')!;
		const deliver = run.network.find((r) => r.method === 'basic.deliver')!;
		const span = findSpan(run, { service: 'order', operation: 'publish-order' })!;
		expect(publish.requestHeaders['uber-trace-id'].split(':')[1]).toBe(span.span.spanID.replace(/^0+/, ''));
		expect(deliver.from).toBe('rabbitmq');
		expect(deliver.requestHeaders['uber-trace-id']).toBe(publish.requestHeaders['uber-trace-id']);
	});

	it('messages/redis-queue: LPUSH bodies carry the context, BRPOP answers with a job, the last BRPOP still waits', async () => {
		const s = step('messages/redis-queue');
		const run = await runWorld(s.solution, s.services, s.args);
		const redis = requestsTo(run, 'redis');
		expect(redis.filter((r) => r.method === 'LPUSH').every((r) => r.requestBody.includes('uber-trace-id'))).toBe(true);
		const pops = redis.filter((r) => r.method === 'BRPOP');
		expect(pops.filter((r) => r.responseBody.includes('uber-trace-id'))).toHaveLength(2);
		expect(pops.at(-1)!.status).not.toBe(200);
	});
});

describe('chapter 12 says what the costs step shows', () => {
	it('baggage-in-practice/costs: features cut at 64 and logged truncated, customer-email refused by BlessedKeys and on no request', async () => {
		const s = step('baggage-in-practice/costs');
		const run = await runWorld(s.start, s.services, s.args);
		expect(run.errors).toEqual([]);
		const edgeSpan = allSpans(run).find((f) => f.service === 'edge' && logsOf(f).some((l) => l.event === 'baggage'))!;
		const logs = logsOf(edgeSpan).filter((l) => l.event === 'baggage');
		expect(logs.find((l) => l.key === 'features')).toMatchObject({ truncated: 'true' });
		expect(String(logs.find((l) => l.key === 'features')!.value)).toHaveLength(64);
		expect(logs.find((l) => l.key === 'customer-email')).toMatchObject({ invalid: 'true' });
		const sent = [...requestsTo(run, 'orders'), ...requestsTo(run, 'ledger')];
		expect(sent.length).toBeGreaterThan(0);
		for (const r of sent) {
			expect(r.requestHeaders.baggage).toContain('tenant=');
			expect(r.requestHeaders.baggage).not.toContain('customer-email');
		}
	});
});

describe('chapter 10 says what your own Jaeger receives', () => {
	it('opentelemetry/your-own-jaeger: one trace of 2 spans (hello format-string → formatter format), sent as OTLP the official definitions decode', async () => {
		const s = step('opentelemetry/your-own-jaeger');
		expect(s.readingOnly).toBe(true);
		const run = await runWorld(s.start, s.services, s.args);
		expect(run.errors).toEqual([]);
		expect(run.traces).toHaveLength(1);
		// what the export setting posts after the run ("Sent 2 spans"), decoded as a receiver would
		const spans = spansOf(decodeOtlpJson(JSON.stringify(toOTLP(run.traces))));
		expect(spans.map((x) => `${x.service} ${x.name}`).sort()).toEqual(['formatter format', 'hello format-string']);
		const client = spans.find((x) => x.name === 'format-string')!;
		const server = spans.find((x) => x.name === 'format')!;
		expect(client.traceId).toMatch(/^[0-9a-f]{32}$/);
		expect(server.traceId).toBe(client.traceId);
		expect(server.parentSpanId).toBe(client.spanId);
		expect([client.kind, server.kind]).toEqual([3, 2]);
	});
});

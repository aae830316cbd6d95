import { describe, expect, it } from 'vitest';
import { createTracingModule } from '../../../src/lib/runner/service/tracing-module';
import type { SpanRecord } from '../../../src/lib/model';
import { createSpanBudget } from '../../../src/lib/runner/service/span-budget';

function setup(maxSpans: number) {
	const sent: SpanRecord[][] = [];
	const posts: { url: string; body: string; headers?: Record<string, string> }[] = [];
	const lines: string[] = [];
	const capped: number[] = [];
	const tracers: unknown[] = [];
	const budget = createSpanBudget(maxSpans, (n) => capped.push(n));
	const t = createTracingModule({
		post: async (url, body, headers) => {
			posts.push({ url, body, headers });
			if (url.includes(':9999')) throw new Error('connection refused');
			sent.push((JSON.parse(body) as { spans: SpanRecord[] }).spans);
			return url.includes('down') ? 503 : 202;
		},
		fetch: async () => ({ ok: false, status: 503, text: async () => '' }),
		logger: { info: (m) => lines.push(m), error: (m) => lines.push(`ERR ${m}`) },
		onTracer: (x) => tracers.push(x),
		budget
	});
	return { ...t, counter: budget.counter, sent, posts, lines, capped, tracers };
}

describe('tour/tracing', () => {
	it("initTracer('hello-world'): const sampler, `Reporting span` lines, spans sent to the agent on close", async () => {
		const s = setup(100);
		const tracer = s.module.initTracer('hello-world');
		expect(s.tracers).toEqual([tracer]);
		const span = tracer.startSpan('say-hello');
		span.setTag('hello-to', 'Bryan');
		span.finish();
		expect(s.lines).toHaveLength(1);
		expect(s.lines[0]).toMatch(/^Reporting span [0-9a-f]+:[0-9a-f]+:0:1 hello-world\.say-hello$/);
		await tracer.close();
		expect(s.sent.flat().map((r) => [r.operationName, r.process.serviceName])).toEqual([['say-hello', 'hello-world']]);
		expect(s.counter).toEqual({ sent: 1, dropped: 0 });
	});

	it('caps a flood of spans per service, with one note', async () => {
		const s = setup(3);
		const tracer = s.module.initTracer({ serviceName: 'flood', sampler: { type: 'const', param: 1 } });
		for (let i = 0; i < 10; i++) tracer.startSpan(`op${i}`).finish();
		await tracer.close();
		expect(s.sent.flat()).toHaveLength(3);
		expect(s.counter).toEqual({ sent: 3, dropped: 7 });
		expect(s.capped).toEqual([3]);
		expect(s.lines).toEqual([]);
	});

	it('UDP sender: packets of at most 65000 bytes to agentHost:agentPort, with the client’s own drop counts', async () => {
		const s = setup(10_000);
		const tracer = s.module.initTracer({ serviceName: 'burst', sampler: { type: 'const', param: 1 }, reporter: { agentHost: 'jaeger-agent', agentPort: 6832, maxBatchSize: 1000 } });
		const big = 'x'.repeat(300);
		for (let i = 0; i < 600; i++) tracer.startSpan(`op${i}`).setTag('blob', big).finish();
		tracer.startSpan('huge').setTag('blob', 'y'.repeat(70_000)).finish();
		await tracer.close();
		await s.delivered();
		expect(s.posts.every((p) => p.url === 'http://jaeger-agent:6832/')).toBe(true);
		expect(s.posts.length).toBeGreaterThan(2);
		expect(Math.max(...s.posts.map((p) => p.body.length))).toBeLessThanOrEqual(65_000);
		expect(s.sent.flat()).toHaveLength(600);
		const last = JSON.parse(s.posts[s.posts.length - 1].body);
		expect(last.clientStats).toEqual({ fullQueueDroppedSpans: 0, tooLargeDroppedSpans: 1, failedToEmitSpans: 0 });
	});

	it('UDP to a port nobody listens on fails silently; the HTTP sender reports the collector’s refusal', async () => {
		const s = setup(100);
		const udp = s.module.initTracer({ serviceName: 'lost', sampler: { type: 'const', param: 1 }, reporter: { agentPort: 9999 } });
		udp.startSpan('x').finish();
		await udp.close();
		await s.delivered();
		expect(s.lines).toEqual([]);
		const http = s.module.initTracer({ serviceName: 'direct', sampler: { type: 'const', param: 1 }, reporter: { collectorEndpoint: 'http://jaeger-collector-down:14268/api/traces' } });
		http.startSpan('y').finish();
		await http.close();
		expect(s.posts[s.posts.length - 1].url).toBe('http://jaeger-collector-down:14268/api/traces');
		expect(s.lines.some((l) => l.startsWith('ERR Failed to flush spans in reporter: collector answered 503'))).toBe(true);
	});

	it('re-exports what learners need next to initTracer', () => {
		const s = setup(1);
		expect(s.module.FORMAT_HTTP_HEADERS).toBe('http_headers');
		expect(s.module.Tags.SPAN_KIND_RPC_CLIENT).toBe('client');
		expect(typeof s.module.JaegerTracer).toBe('function');
	});
});

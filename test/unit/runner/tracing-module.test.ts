import { describe, expect, it } from 'vitest';
import { createTracingModule } from '../../../src/lib/runner/service/tracing-module';
import type { SpanRecord } from '../../../src/lib/model';
import { createSpanBudget } from '../../../src/lib/runner/service/span-budget';

function setup(maxSpans: number) {
	const sent: SpanRecord[][] = [];
	const lines: string[] = [];
	const capped: number[] = [];
	const tracers: unknown[] = [];
	const budget = createSpanBudget(maxSpans, (n) => capped.push(n));
	const t = createTracingModule({
		sendSpans: async (spans) => void sent.push(spans),
		fetch: async () => ({ ok: false, status: 503, text: async () => '' }),
		logger: { info: (m) => lines.push(m), error: (m) => lines.push(`ERR ${m}`) },
		onTracer: (x) => tracers.push(x),
		budget
	});
	return { ...t, counter: budget.counter, sent, lines, capped, tracers };
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

	it('re-exports what learners need next to initTracer', () => {
		const s = setup(1);
		expect(s.module.FORMAT_HTTP_HEADERS).toBe('http_headers');
		expect(s.module.Tags.SPAN_KIND_RPC_CLIENT).toBe('client');
		expect(typeof s.module.JaegerTracer).toBe('function');
	});
});

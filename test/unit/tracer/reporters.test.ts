// Reporters: logging line, remote batching/flush/drop/close, composite, logSpans wiring in initTracer.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SpanRecord } from '../../../src/lib/model/types';
import { CompositeReporter, initTracer, InMemoryReporter, LoggingReporter, RemoteReporter, type JaegerSpanContext } from '../../../src/lib/tracer';
import { testTracer } from './helpers';

afterEach(() => vi.useRealTimers());

describe('LoggingReporter', () => {
	it('prints jaeger-client\'s line plus service.operation, ids without leading zeros', () => {
		const lines: string[] = [];
		const { tracer } = testTracer();
		const reporter = new LoggingReporter({ info: (m) => lines.push(m), error() {} });
		const span = tracer.startSpan('say-hello');
		const ctx = span.context() as JaegerSpanContext;
		ctx.traceId = '00000000000000ab';
		ctx.spanId = '00000000000000ab';
		reporter.report(span as never);
		expect(lines).toEqual(['Reporting span ab:ab:0:1 svc.say-hello']);
	});

	it('logSpans in config combines logging with the other reporter', () => {
		const lines: string[] = [];
		const memory = new InMemoryReporter();
		const tracer = initTracer(
			{ serviceName: 'hello-world', sampler: { type: 'const', param: 1 }, reporter: { logSpans: true } },
			{ reporter: memory, logger: { info: (m) => lines.push(m), error() {} } }
		);
		const root = tracer.startSpan('say-hello');
		const child = tracer.startSpan('format', { childOf: root });
		child.finish();
		root.finish();
		expect(tracer.reporter).toBeInstanceOf(CompositeReporter);
		expect(memory.spans).toHaveLength(2);
		const r = root.context() as JaegerSpanContext;
		const c = child.context() as JaegerSpanContext;
		expect(lines).toEqual([`Reporting span ${r.toTraceId()}:${c.toSpanId()}:${r.toSpanId()}:1 hello-world.format`, `Reporting span ${r.toTraceId()}:${r.toSpanId()}:0:1 hello-world.say-hello`]);
		expect(lines[1]).toMatch(/^Reporting span [0-9a-f]{1,16}:[0-9a-f]{1,16}:0:1 hello-world\.say-hello$/);
	});
});

describe('RemoteReporter', () => {
	function setup(opts: { flushIntervalMs?: number; maxBatchSize?: number; maxQueueSize?: number } = {}, sender?: (r: SpanRecord[]) => Promise<void> | void) {
		const batches: SpanRecord[][] = [];
		const reporter = new RemoteReporter(sender ?? ((r) => void batches.push(r)), opts);
		const { tracer } = testTracer();
		tracer.reporter = reporter;
		return { batches, reporter, tracer };
	}

	it('flushes every flushIntervalMs', async () => {
		vi.useFakeTimers();
		const { batches, tracer } = setup({ flushIntervalMs: 500 });
		tracer.startSpan('a').finish();
		tracer.startSpan('b').finish();
		expect(batches).toHaveLength(0);
		await vi.advanceTimersByTimeAsync(500);
		expect(batches.map((b) => b.map((r) => r.operationName))).toEqual([['a', 'b']]);
		await tracer.close();
	});

	it('flushes when a batch is full, and sends in batches of maxBatchSize', async () => {
		vi.useFakeTimers();
		const { batches, tracer, reporter } = setup({ flushIntervalMs: 60_000, maxBatchSize: 3 });
		for (let i = 0; i < 7; i++) tracer.startSpan(`s${i}`).finish();
		await vi.advanceTimersByTimeAsync(0);
		expect(batches.map((b) => b.length)).toEqual([3, 3]);
		expect(reporter.queued).toBe(1);
		await tracer.close();
		expect(batches.map((b) => b.length)).toEqual([3, 3, 1]);
		expect(reporter.stats.sent).toBe(7);
	});

	it('drops and counts spans when the queue is full', async () => {
		vi.useFakeTimers();
		const { tracer, reporter, batches } = setup({ flushIntervalMs: 60_000, maxBatchSize: 100, maxQueueSize: 5 });
		for (let i = 0; i < 8; i++) tracer.startSpan(`s${i}`).finish();
		expect(reporter.stats.dropped).toBe(3);
		await tracer.close();
		expect(batches.flat()).toHaveLength(5);
	});

	it('counts failed sends as dropped and keeps going', async () => {
		const errors: string[] = [];
		let calls = 0;
		const reporter = new RemoteReporter(
			() => {
				if (calls++ === 0) throw new Error('agent down');
			},
			{ flushIntervalMs: 60_000, logger: { info() {}, error: (m) => errors.push(m) } }
		);
		const { tracer } = testTracer();
		tracer.reporter = reporter;
		tracer.startSpan('a').finish();
		await reporter.flush();
		tracer.startSpan('b').finish();
		await reporter.flush();
		expect(reporter.stats).toMatchObject({ dropped: 1, sent: 1, sendFailures: 1 });
		expect(errors[0]).toContain('agent down');
		reporter.close();
	});

	it('close() waits for an async sender, then stops its timer; later spans go nowhere', async () => {
		vi.useFakeTimers();
		const sent: string[] = [];
		const { tracer } = setup({ flushIntervalMs: 1000 }, async (records) => {
			await new Promise((r) => setTimeout(r, 50));
			sent.push(...records.map((r) => r.operationName));
		});
		tracer.startSpan('a').finish();
		let closed = false;
		tracer.close(() => (closed = true));
		expect(closed).toBe(false);
		await vi.advanceTimersByTimeAsync(50);
		expect(closed).toBe(true);
		expect(sent).toEqual(['a']);
		expect(vi.getTimerCount()).toBe(0);
		tracer.startSpan('late').finish();
		await vi.advanceTimersByTimeAsync(5000);
		expect(sent).toEqual(['a']);
	});

	it('initTracer builds a remote reporter from a sender', async () => {
		const got: SpanRecord[] = [];
		const tracer = initTracer({ serviceName: 'svc', sampler: { type: 'const', param: 1 }, reporter: { flushIntervalMs: 10 } }, { sender: (r) => void got.push(...r), logger: { info() {}, error() {} } });
		expect(tracer.reporter).toBeInstanceOf(RemoteReporter);
		tracer.startSpan('x').finish();
		await tracer.close();
		expect(got.map((r) => r.operationName)).toEqual(['x']);
		expect(got[0].process.serviceName).toBe('svc');
	});
});

describe('CompositeReporter', () => {
	it('reports to all and closes all before calling back', () => {
		const a = new InMemoryReporter();
		const b = new InMemoryReporter();
		const { tracer } = testTracer();
		tracer.reporter = new CompositeReporter([a, b]);
		tracer.startSpan('x').finish();
		expect([a.spans.length, b.spans.length]).toEqual([1, 1]);
		let done = 0;
		new CompositeReporter([a, b]).close(() => done++);
		new CompositeReporter([]).close(() => done++);
		expect(done).toBe(2);
	});
});

describe('initTracer', () => {
	it('disable gives a tracer that samples and reports nothing', () => {
		const tracer = initTracer({ serviceName: 'off', disable: true });
		const s = tracer.startSpan('x');
		s.finish();
		expect((s.context() as JaegerSpanContext).isSampled()).toBe(false);
	});

	it('needs a service name', () => {
		expect(() => initTracer({ serviceName: '' })).toThrow(/serviceName/);
	});
});

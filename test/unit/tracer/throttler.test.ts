// Debug throttling: jaeger-debug-id and sampling.priority force a debug trace only when the throttler
// allows it; the remote throttler spends credits it polls from the agent's /credits endpoint.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FORMAT_HTTP_HEADERS } from 'opentracing';
import {
	ConstSampler,
	DefaultThrottler,
	initTracer,
	InMemoryReporter,
	JaegerSpan,
	JaegerTracer,
	nullLogger,
	RemoteThrottler,
	type FetchLike,
	type Throttler
} from '../../../src/lib/tracer';

afterEach(() => vi.useRealTimers());

const deny = (): Throttler & { asked: string[] } => {
	const asked: string[] = [];
	return { asked, isAllowed: (op) => (asked.push(op), false), close: (cb) => cb?.() };
};

function setup(throttler: Throttler, sampled: boolean) {
	const reporter = new InMemoryReporter();
	const tracer = new JaegerTracer('svc', reporter, new ConstSampler(sampled), { logger: nullLogger, debugThrottler: throttler });
	return { tracer, reporter };
}

const debugRoot = (tracer: JaegerTracer, op: string) =>
	tracer.startSpan(op, { childOf: tracer.extract(FORMAT_HTTP_HEADERS, { 'jaeger-debug-id': 'req-1' })! });
const flags = (s: JaegerSpan) => [s.ctx.isSampled(), s.ctx.isDebug()];
const keys = (s: JaegerSpan) => s.toRecord().tags.map((t) => t.key);

/** A fake agent: answers the queued bodies in order (an Error rejects), records the URLs asked. */
function fakeAgent(responses: unknown[]) {
	const urls: string[] = [];
	const fetch: FetchLike = async (url) => {
		urls.push(url);
		const r = responses.length > 1 ? responses.shift() : responses[0];
		if (r instanceof Error) throw r;
		if (typeof r === 'number') return { ok: false, status: r, text: async () => '' };
		return { ok: true, status: 200, text: async () => (typeof r === 'string' ? r : JSON.stringify(r)) };
	};
	return { fetch, urls };
}
const balances = (b: Record<string, number>) => ({ balances: Object.entries(b).map(([operation, balance]) => ({ operation, balance })) });

describe('default throttler', () => {
	it('allows every debug request (or none with throttleAll)', () => {
		expect(new DefaultThrottler().isAllowed()).toBe(true);
		expect(new DefaultThrottler(true).isAllowed()).toBe(false);
	});

	it('is what a tracer gets by default: debug ids and sampling.priority work as before', () => {
		const { tracer } = setup(new DefaultThrottler(), false);
		expect(tracer.throttler).toBeInstanceOf(DefaultThrottler);
		expect(initTracer({ serviceName: 'x' }, { logger: nullLogger }).throttler).toBeInstanceOf(DefaultThrottler);
		expect(flags(debugRoot(tracer, 'op'))).toEqual([true, true]);
		const s = tracer.startSpan('op');
		s.setTag('sampling.priority', 1);
		expect(flags(s)).toEqual([true, true]);
	});
});

describe('a refused debug request falls back to the sampler', () => {
	it('jaeger-debug-id without credit: the sampler decides, no debug flag, no jaeger-debug-id tag', () => {
		const t = deny();
		const off = setup(t, false);
		const a = debugRoot(off.tracer, 'checkout');
		expect(flags(a)).toEqual([false, false]);
		expect(t.asked).toEqual(['checkout']);
		expect(off.tracer.metrics.throttledDebugSpans).toBe(1);

		const on = setup(deny(), true);
		const b = debugRoot(on.tracer, 'checkout');
		expect(flags(b)).toEqual([true, false]);
		expect(keys(b)).toEqual(['sampler.type', 'sampler.param']);
	});

	it('the baggage a debug-only carrier brings still arrives', () => {
		const { tracer } = setup(deny(), false);
		const ctx = tracer.extract(FORMAT_HTTP_HEADERS, { 'jaeger-debug-id': 'x', 'uberctx-user': 'bryan' })!;
		expect(tracer.startSpan('op', { childOf: ctx }).getBaggageItem('user')).toBe('bryan');
	});

	it('sampling.priority without credit: flags unchanged, the tag not recorded, the decision final', () => {
		const t = deny();
		const { tracer } = setup(t, true);
		const s = tracer.startSpan('pay');
		s.setTag('sampling.priority', 1);
		expect(flags(s)).toEqual([true, false]);
		expect(keys(s)).not.toContain('sampling.priority');
		expect(t.asked).toEqual(['pay']);
		const u = setup(deny(), false).tracer.startSpan('pay');
		u.addTags({ 'sampling.priority': 1 });
		expect(flags(u)).toEqual([false, false]);
		expect(u.ctx.samplingFinal).toBe(true);
	});

	it('sampling.priority 0 does not ask the throttler', () => {
		const t = deny();
		const s = setup(t, true).tracer.startSpan('op');
		s.setTag('sampling.priority', 0);
		expect(flags(s)).toEqual([false, false]);
		expect(t.asked).toEqual([]);
	});
});

describe('remote throttler', () => {
	function remote(responses: unknown[], opts: { refreshIntervalMs?: number; initialDelayMs?: number } = {}) {
		const agent = fakeAgent(responses);
		const errors: string[] = [];
		const throttler = new RemoteThrottler('svc', { fetch: agent.fetch, logger: { info() {}, error: (m) => errors.push(m) }, ...opts });
		const { tracer } = setup(throttler, false);
		return { agent, throttler, tracer, errors };
	}

	it('has no credit for an operation it has not polled for; a poll asks for every operation seen', async () => {
		vi.useFakeTimers();
		const { agent, throttler, tracer } = remote([balances({ checkout: 2 })]);
		expect(flags(debugRoot(tracer, 'checkout'))).toEqual([false, false]);
		expect(throttler.creditsFor('checkout')).toBe(0);
		const s = tracer.startSpan('pay');
		s.setTag('sampling.priority', 1);
		expect(flags(s)).toEqual([false, false]);
		expect(throttler.stats.throttled).toBe(2);
		expect(agent.urls).toEqual([]);

		await vi.advanceTimersByTimeAsync(5000); // initial delay, as jaeger-client
		const uuid = tracer.process.tags.find((t) => t.key === 'client-uuid')!.value;
		expect(agent.urls).toEqual([`http://jaeger-agent:5778/credits?service=svc&uuid=${uuid}&operations=checkout&operations=pay`]);
		expect(throttler.creditsFor('checkout')).toBe(2);
		expect(throttler.creditsFor('pay')).toBe(0); // not in the answer
		throttler.close();
	});

	it('spends one credit per debug span, per operation', async () => {
		const { throttler, tracer } = remote([balances({ checkout: 2, pay: 1 })], { refreshIntervalMs: 0 });
		throttler.isAllowed('checkout');
		throttler.isAllowed('pay');
		await throttler.refresh();
		expect([1, 2, 3].map(() => flags(debugRoot(tracer, 'checkout'))[1])).toEqual([true, true, false]);
		const p1 = tracer.startSpan('pay');
		p1.setTag('sampling.priority', 1);
		const p2 = tracer.startSpan('pay');
		p2.setTag('sampling.priority', 1);
		expect([flags(p1), flags(p2)]).toEqual([
			[true, true],
			[false, false]
		]);
		expect(throttler.creditsFor('checkout')).toBe(0);
		expect(throttler.creditsFor('pay')).toBe(0);
		expect(tracer.metrics.throttledDebugSpans).toBe(2); // out of credit, through the tracer
		expect(throttler.stats.throttled).toBe(4); // + the two first-time denials asked directly
	});

	it('polls every refreshIntervalMs and adds each balance to what is left', async () => {
		vi.useFakeTimers();
		const { agent, throttler } = remote([balances({ op: 1 }), balances({ op: 2 }), balances({ op: 0.5 })], { refreshIntervalMs: 1000, initialDelayMs: 10 });
		throttler.isAllowed('op');
		await vi.advanceTimersByTimeAsync(10);
		expect(throttler.creditsFor('op')).toBe(1);
		await vi.advanceTimersByTimeAsync(1000);
		expect(throttler.creditsFor('op')).toBe(3);
		expect(throttler.isAllowed('op')).toBe(true);
		await vi.advanceTimersByTimeAsync(1000);
		expect(throttler.creditsFor('op')).toBe(2.5);
		expect(agent.urls).toHaveLength(3);
		expect(throttler.stats.updates).toBe(3);
		throttler.close();
		await vi.advanceTimersByTimeAsync(5000);
		expect(agent.urls).toHaveLength(3);
	});

	it('does not poll before any operation asked for debug, nor after close', async () => {
		vi.useFakeTimers();
		const { agent, throttler, tracer } = remote([balances({ op: 1 })], { refreshIntervalMs: 1000, initialDelayMs: 10 });
		await vi.advanceTimersByTimeAsync(3000);
		expect(agent.urls).toEqual([]);
		await tracer.close(); // closes the throttler too
		throttler.isAllowed('op');
		await vi.advanceTimersByTimeAsync(3000);
		expect(agent.urls).toEqual([]);
	});

	it('survives failures quietly: rejected fetch, HTTP error, bad JSON, wrong shape — credits unchanged, then recovers', async () => {
		vi.useFakeTimers();
		const { throttler, errors } = remote(
			[new Error('connection refused'), 404, 'not json', { balance: 3 }, { balances: [{ operation: 'op', balance: 'lots' }, null] }, balances({ op: 1 })],
			{ refreshIntervalMs: 100, initialDelayMs: 100 }
		);
		throttler.isAllowed('op');
		await vi.advanceTimersByTimeAsync(500);
		expect(throttler.stats.updateFailures).toBe(4);
		expect(throttler.creditsFor('op')).toBe(0);
		expect(errors).toEqual([
			'Error in fetching credits: connection refused.',
			'Error in fetching credits: HTTP 404.',
			expect.stringMatching(/^Error in parsing credit response: .*JSON/),
			'Error in parsing credit response: Malformed response: {"balance":3}.'
		]);
		// entries it cannot use are skipped; the poll itself counts as an update
		expect(throttler.stats.updates).toBe(1);
		await vi.advanceTimersByTimeAsync(100);
		expect(throttler.creditsFor('op')).toBe(1);
		expect(throttler.isAllowed('op')).toBe(true);
		throttler.close();
	});

	it('without a client uuid (no tracer yet) it logs and does not poll', async () => {
		const agent = fakeAgent([balances({ op: 1 })]);
		const errors: string[] = [];
		const t = new RemoteThrottler('svc', { fetch: agent.fetch, refreshIntervalMs: 0, logger: { info() {}, error: (m) => errors.push(m) } });
		t.isAllowed('op');
		await t.refresh();
		expect(agent.urls).toEqual([]);
		expect(errors).toEqual(['UUID must be set to fetch credits']);
	});
});

describe('initTracer wiring (jaeger-client names)', () => {
	it('options.throttler is used as is', () => {
		const t = deny();
		const tracer = initTracer({ serviceName: 'svc', sampler: { type: 'const', param: 0 } }, { throttler: t, logger: nullLogger });
		expect(tracer.throttler).toBe(t);
		expect(flags(debugRoot(tracer, 'op'))).toEqual([false, false]);
	});

	it('config.throttler builds a remote throttler that polls with options.fetch', async () => {
		vi.useFakeTimers();
		const agent = fakeAgent([balances({ op: 1 })]);
		const tracer = initTracer(
			{ serviceName: 'svc', sampler: { type: 'const', param: 0 }, throttler: { host: 'agent', port: 1234, refreshIntervalMs: 50, initialDelayMs: 50 } },
			{ fetch: agent.fetch, logger: nullLogger, reporter: new InMemoryReporter() }
		);
		expect(tracer.throttler).toBeInstanceOf(RemoteThrottler);
		expect(flags(debugRoot(tracer, 'op'))).toEqual([false, false]);
		await vi.advanceTimersByTimeAsync(50);
		expect(agent.urls[0]).toMatch(/^http:\/\/agent:1234\/credits\?service=svc&uuid=[0-9a-f-]{36}&operations=op$/);
		expect(flags(debugRoot(tracer, 'op'))).toEqual([true, true]);
		await tracer.close();
	});
});

// Samplers: const, probabilistic, rate limiting, guaranteed throughput, per-operation, remote.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	ConstSampler,
	GuaranteedThroughputSampler,
	initTracer,
	InMemoryReporter,
	nullLogger,
	PerOperationSampler,
	ProbabilisticSampler,
	RateLimitingSampler,
	RemoteSampler,
	type FetchLike
} from '../../../src/lib/tracer';

/** Cycles through fixed "random" numbers. */
const seq = (...xs: number[]) => {
	let i = 0;
	return () => xs[i++ % xs.length];
};

afterEach(() => vi.useRealTimers());

describe('basic samplers', () => {
	it('const', () => {
		expect(new ConstSampler(true).sample()).toEqual({ type: 'const', param: true });
		expect(new ConstSampler(false).sample()).toBeNull();
	});

	it('probabilistic compares a random draw with the rate', () => {
		const s = new ProbabilisticSampler(0.5, seq(0.1, 0.7));
		expect(s.sample()).toEqual({ type: 'probabilistic', param: 0.5 });
		expect(s.sample()).toBeNull();
		expect(() => new ProbabilisticSampler(1.5)).toThrow();
		expect(s.update(0.5)).toBe(false);
		expect(s.update(0.8)).toBe(true);
	});

	it('probabilistic samples about the right fraction with Math.random', () => {
		const s = new ProbabilisticSampler(0.2);
		let n = 0;
		for (let i = 0; i < 20_000; i++) if (s.sample()) n++;
		expect(n / 20_000).toBeGreaterThan(0.18);
		expect(n / 20_000).toBeLessThan(0.22);
	});

	it('rate limiting is a leaky bucket: burst up to the rate, then refills over time', () => {
		let now = 0;
		const s = new RateLimitingSampler(2, () => now);
		expect([s.sample(), s.sample(), s.sample()].map(Boolean)).toEqual([true, true, false]);
		now += 500; // half a second: one credit
		expect([s.sample(), s.sample()].map(Boolean)).toEqual([true, false]);
		now += 10_000; // capped at 2 credits
		expect([s.sample(), s.sample(), s.sample()].map(Boolean)).toEqual([true, true, false]);
		expect(s.sample()).toBeNull();
		now += 1000;
		expect(s.sample()).toEqual({ type: 'ratelimiting', param: 2 });
	});

	it('rate limiting below one per second still lets one trace through per period', () => {
		let now = 0;
		const s = new RateLimitingSampler(0.1, () => now);
		expect(Boolean(s.sample())).toBe(true);
		now += 5000;
		expect(s.sample()).toBeNull();
		now += 5000;
		expect(Boolean(s.sample())).toBe(true);
	});
});

describe('guaranteed throughput and per-operation', () => {
	it('samples by probability OR by the lower-bound limiter, tagging lowerbound decisions', () => {
		let now = 0;
		const s = new GuaranteedThroughputSampler(1, 0.1, () => now, seq(0.99));
		expect(s.sample('op')).toEqual({ type: 'lowerbound', param: 0.1 });
		expect(s.sample('op')).toBeNull();
		now += 1000;
		expect(s.sample('op')).toEqual({ type: 'lowerbound', param: 0.1 });
		const p = new GuaranteedThroughputSampler(1, 0.5, () => now, seq(0.1));
		expect(p.sample('op')).toEqual({ type: 'probabilistic', param: 0.5 });
	});

	it('uses per-operation rates and the default for other operations, up to maxOperations', () => {
		const now = 0;
		const s = new PerOperationSampler(
			{ defaultSamplingProbability: 0, defaultLowerBoundTracesPerSecond: 0, perOperationStrategies: [{ operation: 'GET /hot', probabilisticSampling: { samplingRate: 1 } }] },
			2,
			() => now,
			seq(0.5)
		);
		expect(s.sample('GET /hot')).toEqual({ type: 'probabilistic', param: 1 });
		expect(s.sample('other')).toBeNull();
		expect(s.samplerFor('other')?.probabilistic.samplingRate).toBe(0);
		expect(s.sample('third')).toBeNull(); // beyond maxOperations: default sampler, no new entry
		expect(s.samplerFor('third')).toBeUndefined();
		expect(() => s.update({} as never)).toThrow();
	});
});

describe('remote sampler', () => {
	function fakeAgent(responses: unknown[]) {
		const urls: string[] = [];
		let i = 0;
		const fetch: FetchLike = async (url) => {
			urls.push(url);
			const r = responses[Math.min(i++, responses.length - 1)];
			if (r instanceof Error) throw r;
			return { ok: true, status: 200, text: async () => (typeof r === 'string' ? r : JSON.stringify(r)) };
		};
		return { fetch, urls };
	}

	it('starts at probabilistic 0.001, then follows the agent strategy', async () => {
		const agent = fakeAgent([{ strategyType: 'PROBABILISTIC', probabilisticSampling: { samplingRate: 1 } }, { strategyType: 'RATE_LIMITING', rateLimitingSampling: { maxTracesPerSecond: 5 } }]);
		const s = new RemoteSampler('frontend', { fetch: agent.fetch, refreshIntervalMs: 0 });
		expect(s.sampler).toBeInstanceOf(ProbabilisticSampler);
		expect((s.sampler as ProbabilisticSampler).samplingRate).toBe(0.001);
		await s.refresh();
		expect(agent.urls[0]).toBe('http://jaeger-agent:5778/sampling?service=frontend');
		expect(s.sample('op')).toEqual({ type: 'probabilistic', param: 1 });
		await s.refresh();
		expect(s.sampler).toBeInstanceOf(RateLimitingSampler);
		expect(s.sample('op')).toEqual({ type: 'ratelimiting', param: 5 });
		s.close();
	});

	it('switches to per-operation strategies', async () => {
		const agent = fakeAgent([
			{
				strategyType: 'PROBABILISTIC',
				operationSampling: { defaultSamplingProbability: 0, defaultLowerBoundTracesPerSecond: 0, perOperationStrategies: [{ operation: 'format', probabilisticSampling: { samplingRate: 1 } }] }
			}
		]);
		const s = new RemoteSampler('formatter', { fetch: agent.fetch, refreshIntervalMs: 0, samplingServerURL: 'http://agent:9/sampling' });
		await s.refresh();
		expect(agent.urls[0]).toBe('http://agent:9/sampling?service=formatter');
		expect(s.sampler).toBeInstanceOf(PerOperationSampler);
		expect(s.sample('format')).toEqual({ type: 'probabilistic', param: 1 });
		expect(s.sample('other')).toBeNull();
	});

	it('keeps the current sampler on network errors and malformed answers, counting them', async () => {
		const errors: string[] = [];
		const agent = fakeAgent([new Error('connection refused'), 'not json', { strategyType: 'NOPE' }]);
		const s = new RemoteSampler('svc', { fetch: agent.fetch, refreshIntervalMs: 0, logger: { info() {}, error: (m) => errors.push(m) } });
		await s.refresh();
		await s.refresh();
		await s.refresh();
		expect((s.sampler as ProbabilisticSampler).samplingRate).toBe(0.001);
		expect(s.stats).toMatchObject({ queryFailures: 1, updateFailures: 2, retrieved: 2 });
		expect(errors[0]).toContain('connection refused');
	});

	it('polls on its interval and tracer.close() cancels the timer', async () => {
		vi.useFakeTimers();
		const agent = fakeAgent([{ strategyType: 'PROBABILISTIC', probabilisticSampling: { samplingRate: 1 } }]);
		const tracer = initTracer(
			{ serviceName: 'svc', sampler: { type: 'remote', refreshIntervalMs: 1000 } },
			{ fetch: agent.fetch, reporter: new InMemoryReporter(), logger: nullLogger }
		);
		expect(agent.urls).toHaveLength(1); // immediate first poll
		await vi.advanceTimersByTimeAsync(3000);
		expect(agent.urls).toHaveLength(4);
		await tracer.close();
		expect(vi.getTimerCount()).toBe(0);
		await vi.advanceTimersByTimeAsync(5000);
		expect(agent.urls).toHaveLength(4);
	});

	it('a tracer with a remote sampler tags roots with the strategy it got', async () => {
		const agent = fakeAgent([{ strategyType: 'PROBABILISTIC', probabilisticSampling: { samplingRate: 1 } }]);
		const reporter = new InMemoryReporter();
		const tracer = initTracer({ serviceName: 'svc', sampler: { type: 'remote', refreshIntervalMs: 0 } }, { fetch: agent.fetch, reporter, logger: nullLogger });
		await (tracer.sampler as RemoteSampler).refresh();
		tracer.startSpan('x').finish();
		expect(reporter.records()[0].tags).toEqual([
			{ key: 'sampler.type', type: 'string', value: 'probabilistic' },
			{ key: 'sampler.param', type: 'int64', value: 1 }
		]);
		await tracer.close();
	});
});

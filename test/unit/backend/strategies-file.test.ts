import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	createBackend,
	createBackendWorkerApi,
	createSamplingManager,
	describeStrategiesFileReport,
	loadStrategiesFile,
	parseStrategiesFile,
	type SamplingStrategy
} from '../../../src/lib/backend/index';
import { PerOperationSampler, ProbabilisticSampler, RateLimitingSampler, RemoteSampler } from '../../../src/lib/tracer/index';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/sampling/${name}`, import.meta.url), 'utf8');
const get = (url: string) => ({ method: 'GET', url, headers: {}, body: '' });

/** What /sampling?service=X answers once `text` is loaded. */
async function served(text: string, service: string): Promise<string> {
	const b = createBackend();
	const report = loadStrategiesFile(b.sampling, text);
	expect(report.status).toBe('loaded');
	return (await b.sampling.handler(get(`http://jaeger-agent:5778/sampling?service=${service}`))).body;
}

describe("Jaeger's own strategies files", () => {
	it('strategies.json: a default and two services', async () => {
		expect(JSON.parse(await served(fixture('strategies.json'), 'foo'))).toEqual({ strategyType: 'PROBABILISTIC', probabilisticSampling: { samplingRate: 0.8 } });
		expect(JSON.parse(await served(fixture('strategies.json'), 'bar'))).toEqual({ strategyType: 'RATE_LIMITING', rateLimitingSampling: { maxTracesPerSecond: 5 } });
		expect(JSON.parse(await served(fixture('strategies.json'), 'other'))).toEqual({ strategyType: 'PROBABILISTIC', probabilisticSampling: { samplingRate: 0.5 } });
	});

	it('operation_strategies.json: merged as Jaeger merges them, ratelimiting entries skipped with a warning', () => {
		// Jaeger's provider_test runs this file with its v1 default probability 0.001
		const r = parseStrategiesFile(fixture('operation_strategies.json'), { defaultSamplingProbability: 0.001 });
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
		const ops = (s: SamplingStrategy | undefined) => s?.operationSampling?.perOperationStrategies.map((o) => [o.operation, o.probabilisticSampling.samplingRate]);
		const foo = r.config.services!.foo;
		expect(foo.probabilisticSampling).toEqual({ samplingRate: 0.8 });
		expect(foo.operationSampling!.defaultSamplingProbability).toBe(0.8);
		expect(ops(foo)).toEqual([['op6', 0.5], ['op1', 0.2], ['op0', 0.2], ['op7', 1]]);
		const bar = r.config.services!.bar;
		expect(bar.rateLimitingSampling).toEqual({ maxTracesPerSecond: 5 });
		expect(bar.operationSampling!.defaultSamplingProbability).toBe(0.001);
		expect(ops(bar)).toEqual([['op3', 0.3], ['op5', 0.4], ['op0', 0.2], ['op6', 0], ['op7', 1]]);
		expect(ops(r.config.default)).toEqual([['op0', 0.2], ['op6', 0], ['op7', 1]]);
		expect(r.warnings.map((w) => w.message).join('\n')).toMatch(/"spam".*only probabilistic/);
		expect(r.warnings.map((w) => [w.path, w.line])).toEqual([
			['default_strategy.operation_strategies[2].type', 18],
			['service_strategies[0].operation_strategies[2].type', 46],
			['service_strategies[1].operation_strategies[1].type', 63]
		]);
	});

	it('service_no_per_operation.json: the responses match the ones Jaeger serves (its fixtures)', async () => {
		const text = fixture('service_no_per_operation.json');
		const a = JSON.parse(await served(text, 'ServiceA'));
		const b = JSON.parse(await served(text, 'ServiceB'));
		// Jaeger's own fixtures leave out what its JSON adds with EmitDefaults; the numeric enum is RATE_LIMITING
		expect(a).toMatchObject(JSON.parse(fixture('TestServiceNoPerOperationStrategies_ServiceA.json')));
		const { strategyType, ...bRest } = JSON.parse(fixture('TestServiceNoPerOperationStrategies_ServiceB.json'));
		expect(strategyType).toBe(1);
		expect(b.strategyType).toBe('RATE_LIMITING');
		expect(b).toMatchObject(bRest);
	});

	it('missing-service-types.json loads: no type means the default probability, with a warning', () => {
		const r = parseStrategiesFile(fixture('missing-service-types.json'));
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
		expect(r.config.services!.foo.probabilisticSampling).toEqual({ samplingRate: 1 });
		expect(r.config.services!.bar.operationSampling!.perOperationStrategies.map((o) => o.operation)).toEqual(['op3', 'op5']);
		expect(r.warnings.map((w) => w.path)).toEqual(['service_strategies[0]', 'service_strategies[1]']);
	});

	it('bad_strategies.json (a JSON string) is refused', () => {
		const r = parseStrategiesFile(fixture('bad_strategies.json'));
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors[0].message).toMatch(/expected a JSON object/);
	});
});

describe('a bad file is refused with its reasons', () => {
	const reasons = (text: string) => {
		const r = parseStrategiesFile(text);
		if (r.ok) throw new Error('accepted');
		return r.errors.map((e) => `${e.line}:${e.path}: ${e.message}`);
	};

	it('names each mistake and its line', () => {
		const text = ['{', '  "default_strategy": {"type": "probabilistic", "param": 50},', '  "service_strategies": [', '    {"service": "api", "type": "probablistic", "param": 0.1},', '    {"service": "web", "type": "ratelimiting", "param": "2"},', '    {"type": "probabilistic", "param": 1},', '    {"service": "api", "type": "probabilistic", "param": 0.1, "operation_strategy": []}', '  ]', '}'].join('\n');
		const got = reasons(text);
		expect(got).toEqual([
			expect.stringMatching(/^2:default_strategy\.param: .*from 0 to 1 .*not 50/),
			expect.stringMatching(/^4:service_strategies\[0\]\.type: .*"probablistic"/),
			expect.stringMatching(/^5:service_strategies\[1\]\.param: .*must be a number, not "2"/),
			expect.stringMatching(/^6:service_strategies\[2\]: .*needs "service"/),
			expect.stringMatching(/^7:service_strategies\[3\]\.operation_strategy: unknown key .*did you mean "operation_strategies"/),
			expect.stringMatching(/^7:service_strategies\[3\]\.service: service "api" is listed twice/)
		]);
	});

	it('not JSON: the line of the syntax error', () => {
		const got = reasons('{\n  "default_strategy": {"type": "probabilistic", "param": 0.1},\n}\n');
		expect(got[0]).toMatch(/^3:\(top level\): not valid JSON/);
	});

	it('empty, a list, a negative rate, a lower bound that is not a number, an operation twice, ratelimiting param < 0', () => {
		expect(reasons('  ')[0]).toMatch(/empty/);
		expect(reasons('[]')[0]).toMatch(/expected a JSON object/);
		expect(reasons('{"default_strategy": {"type": "ratelimiting", "param": -1}}')[0]).toMatch(/traces per second, 0 or more/);
		expect(reasons('{"default_strategy": {"type": "probabilistic", "param": 1, "default_lower_bound_traces_per_second": "1"}}')[0]).toMatch(/lower_bound.*must be a number/);
		expect(reasons('{"default_strategy": {"type": "probabilistic", "param": 1, "operation_strategies": [{"operation": "a", "type": "probabilistic", "param": 0}, {"operation": "a", "type": "probabilistic", "param": 1}]}}')[0]).toMatch(/"a" is listed twice/);
		expect(reasons('{"service_strategies": {"service": "a"}}')[0]).toMatch(/must be a list/);
	});

	it('refuses an oversized file and caps the reasons it lists', () => {
		expect(reasons(`{"service_strategies": [${'{"service": "x"},'.repeat(20_000)}{}]}`)[0]).toMatch(/characters; at most/);
		const many = `{"service_strategies": [${Array.from({ length: 100 }, (_, i) => `{"service": "s${i}", "type": "x"}`).join(',')}]}`;
		expect(reasons(many)).toHaveLength(20);
	});

	it('a file nested 100,000 levels deep is refused before anything walks it', () => {
		expect(reasons(`{"default_strategy": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`)[0]).toMatch(/nests more than 16 levels/);
		// brackets inside strings do not count
		expect(parseStrategiesFile(`{"service_strategies": [{"service": "${'['.repeat(40)}", "type": "probabilistic", "param": 1}]}`).ok).toBe(true);
	});

	it('a service called __proto__ is a service, not a prototype', async () => {
		const text = '{"service_strategies": [{"service": "__proto__", "type": "probabilistic", "param": 0.25}]}';
		expect(JSON.parse(await served(text, '__proto__')).probabilisticSampling.samplingRate).toBe(0.25);
		expect(JSON.parse(await served(text, 'toString')).probabilisticSampling.samplingRate).toBe(1);
	});
});

describe('the lower bound and the served shape', () => {
	it('default_lower_bound_traces_per_second fills operationSampling, inherited by services without their own', async () => {
		const text = JSON.stringify({
			default_strategy: { type: 'probabilistic', param: 0.01, default_lower_bound_traces_per_second: 0.5, operation_strategies: [{ operation: '/health', type: 'probabilistic', param: 0 }] },
			service_strategies: [
				{ service: 'checkout', type: 'probabilistic', param: 0.1 },
				{ service: 'search', type: 'probabilistic', param: 0.2, default_lower_bound_traces_per_second: 2, operation_strategies: [{ operation: 'GET /q', type: 'probabilistic', param: 0.5 }] }
			]
		});
		// exactly Jaeger's JSON: strategyType first, the absent alternatives left out, EmitDefaults' zero upper bound
		expect(await served(text, 'checkout')).toBe(
			'{"strategyType":"PROBABILISTIC","probabilisticSampling":{"samplingRate":0.1},"operationSampling":{"defaultSamplingProbability":0.1,"defaultLowerBoundTracesPerSecond":0.5,"perOperationStrategies":[{"operation":"/health","probabilisticSampling":{"samplingRate":0}}],"defaultUpperBoundTracesPerSecond":0}}'
		);
		const search = JSON.parse(await served(text, 'search'));
		expect(search.operationSampling.defaultLowerBoundTracesPerSecond).toBe(2);
		expect(search.operationSampling.perOperationStrategies.map((o: { operation: string }) => o.operation)).toEqual(['GET /q', '/health']);
	});

	it('a fractional rate limit is truncated to whole traces per second, as Jaeger serves it, with a warning', () => {
		const r = parseStrategiesFile('{"default_strategy": {"type": "ratelimiting", "param": 2.5}}');
		if (!r.ok) throw new Error('refused');
		expect(r.config.default!.rateLimitingSampling).toEqual({ maxTracesPerSecond: 2 });
		expect(r.warnings[0].message).toMatch(/2\.5 becomes 2/);
	});
});

describe('loading: the previous strategies stay when a file is refused', () => {
	const good = '{"default_strategy": {"type": "probabilistic", "param": 0.1}, "service_strategies": [{"service": "api", "type": "ratelimiting", "param": 3}]}';

	it('good → bad keeps the good one; no file → the course default', () => {
		const m = createSamplingManager();
		expect(loadStrategiesFile(m, good).status).toBe('loaded');
		const bad = loadStrategiesFile(m, '{"default_strategy": {"type": "probabilistic", "param": 10}}');
		expect(bad.status).toBe('refused');
		expect(m.strategyFor('api').rateLimitingSampling).toEqual({ maxTracesPerSecond: 3 });
		expect(m.strategyFor('other').probabilisticSampling).toEqual({ samplingRate: 0.1 });
		expect(describeStrategiesFileReport(bad).map(([, t]) => t)).toEqual([
			'sampling.json refused — the agent keeps serving the previous strategies:',
			expect.stringMatching(/^ {2}sampling\.json:1 \(default_strategy\.param\): .*not 10$/)
		]);
		expect(loadStrategiesFile(m, null).status).toBe('none');
		expect(m.strategyFor('api')).toEqual({ strategyType: 'PROBABILISTIC', probabilisticSampling: { samplingRate: 1 } });
	});

	it('over the worker API: plain data back, the refused file changes nothing', async () => {
		const api = createBackendWorkerApi((o) => createBackend(o));
		const report = api.loadSamplingFile(good);
		expect(structuredClone(report)).toEqual({ status: 'loaded', services: ['api'], warnings: [] });
		expect(api.loadSamplingFile('nope').status).toBe('refused');
		const res = await api.handle('jaeger-agent', 5778, get('http://jaeger-agent:5778/sampling?service=api'));
		expect(JSON.parse(res.body).rateLimitingSampling.maxTracesPerSecond).toBe(3);
		// whatever crosses the boundary that is not a string is "no file"
		expect(api.loadSamplingFile({ toString: () => good } as unknown as string).status).toBe('none');
	});
});

describe('the remote sampler switches on its next poll', () => {
	it('probabilistic → rate limiting → per-operation, each after a poll and not before', async () => {
		const b = createBackend();
		const fetch = async (url: string) => {
			const r = await b.fetch(url);
			return { ok: r.status < 400, status: r.status, text: async () => String((r as { body?: unknown }).body) };
		};
		const sampler = new RemoteSampler('api', { fetch, refreshIntervalMs: 0 });
		expect(sampler.sampler).toBeInstanceOf(ProbabilisticSampler);
		expect((sampler.sampler as ProbabilisticSampler).samplingRate).toBe(0.001); // before the first answer
		loadStrategiesFile(b.sampling, '{"service_strategies": [{"service": "api", "type": "probabilistic", "param": 0.25}]}');
		await sampler.refresh();
		expect((sampler.sampler as ProbabilisticSampler).samplingRate).toBe(0.25);

		loadStrategiesFile(b.sampling, '{"service_strategies": [{"service": "api", "type": "ratelimiting", "param": 2}]}');
		expect(sampler.sampler).toBeInstanceOf(ProbabilisticSampler); // not until it polls
		await sampler.refresh();
		expect(sampler.sampler).toBeInstanceOf(RateLimitingSampler);

		// a refused file: the next poll gets the same strategy, nothing changes
		loadStrategiesFile(b.sampling, '{"service_strategies": [{"service": "api", "type": "ratelimit", "param": 2}]}');
		const before = sampler.stats.updated;
		await sampler.refresh();
		expect(sampler.sampler).toBeInstanceOf(RateLimitingSampler);
		expect(sampler.stats.updated).toBe(before);

		loadStrategiesFile(b.sampling, '{"service_strategies": [{"service": "api", "type": "probabilistic", "param": 0, "operation_strategies": [{"operation": "checkout", "type": "probabilistic", "param": 1}]}]}');
		await sampler.refresh();
		expect(sampler.sampler).toBeInstanceOf(PerOperationSampler);
		expect(sampler.sample('checkout')).not.toBeNull();
		sampler.close();
	});
});

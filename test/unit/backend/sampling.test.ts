import { describe, expect, it } from 'vitest';
import { createBackend, createSamplingManager, type SamplingStrategy } from '../../../src/lib/backend/index';

const get = (url: string) => ({ method: 'GET', url, headers: {}, body: '' });

describe('sampling strategies on :5778', () => {
	it('serves probabilistic 1.0 by default (the course samples everything)', async () => {
		const b = createBackend();
		const h = b.handlers().find((e) => e.port === 5778)!;
		const res = await h.handler(get('http://jaeger-agent:5778/sampling?service=hello-world'));
		expect(res.status).toBe(200);
		expect(JSON.parse(res.body)).toEqual({ strategyType: 'PROBABILISTIC', probabilisticSampling: { samplingRate: 1 } });
	});

	it('serves per-service and per-operation strategies in Jaeger’s shape', async () => {
		const perOp: SamplingStrategy = {
			strategyType: 'PROBABILISTIC',
			probabilisticSampling: { samplingRate: 0.5 },
			operationSampling: {
				defaultSamplingProbability: 0.5,
				defaultLowerBoundTracesPerSecond: 1,
				perOperationStrategies: [{ operation: '/health', probabilisticSampling: { samplingRate: 0 } }]
			}
		};
		const m = createSamplingManager({
			default: { strategyType: 'RATE_LIMITING', rateLimitingSampling: { maxTracesPerSecond: 2 } },
			services: { api: perOp }
		});
		expect(JSON.parse((await m.handler(get('http://jaeger-agent:5778/sampling?service=api'))).body)).toEqual(perOp);
		expect(JSON.parse((await m.handler(get('http://jaeger-agent:5778/?service=other'))).body).rateLimitingSampling).toEqual({ maxTracesPerSecond: 2 });
		m.setStrategy('other', { strategyType: 'PROBABILISTIC', probabilisticSampling: { samplingRate: 0.001 } });
		expect(m.strategyFor('other').probabilisticSampling!.samplingRate).toBe(0.001);
		m.setStrategy('other', null);
		expect(m.strategyFor('other').strategyType).toBe('RATE_LIMITING');
	});

	it('answers 400 without exactly one service parameter', async () => {
		const m = createSamplingManager();
		expect((await m.handler(get('http://jaeger-agent:5778/sampling'))).status).toBe(400);
		expect((await m.handler(get('http://jaeger-agent:5778/sampling?service=a&service=b'))).body).toMatch(/provided once/);
		expect((await m.handler(get('http://jaeger-agent:5778/elsewhere?service=a'))).status).toBe(404);
	});

	it('refuses impossible strategies when they are configured', () => {
		expect(() => createSamplingManager({ default: { strategyType: 'PROBABILISTIC', probabilisticSampling: { samplingRate: 2 } } })).toThrow(/samplingRate/);
		const m = createSamplingManager();
		expect(() => m.setStrategy('x', { strategyType: 'RATE_LIMITING' })).toThrow(/maxTracesPerSecond/);
	});

	it('hands out copies: a caller mutating a strategy does not change what is served', () => {
		const m = createSamplingManager();
		m.strategyFor('a').probabilisticSampling!.samplingRate = 0;
		expect(m.strategyFor('a').probabilisticSampling!.samplingRate).toBe(1);
	});
});

// jaeger-agent :5778/sampling?service=X — the strategies a remote sampler polls, in the JSON shape
// jaeger-client reads. The course default is probabilistic 1.0 (every trace sampled) so that a
// learner's first span always shows up; lessons on sampling set other strategies per service.
import type { SimHandler } from '$lib/sim';
import { json, parseUrl, text } from './http';

export interface ProbabilisticSampling {
	samplingRate: number;
}
export interface RateLimitingSampling {
	maxTracesPerSecond: number;
}
export interface OperationSamplingStrategy {
	operation: string;
	probabilisticSampling: ProbabilisticSampling;
}
/** Per-operation sampling: jaeger-client's guaranteed-throughput sampler per operation. */
export interface PerOperationSampling {
	defaultSamplingProbability: number;
	defaultLowerBoundTracesPerSecond: number;
	perOperationStrategies: OperationSamplingStrategy[];
	defaultUpperBoundTracesPerSecond?: number;
}
export interface SamplingStrategy {
	strategyType: 'PROBABILISTIC' | 'RATE_LIMITING';
	probabilisticSampling?: ProbabilisticSampling;
	rateLimitingSampling?: RateLimitingSampling;
	operationSampling?: PerOperationSampling;
}
export interface SamplingConfig {
	/** for services without their own strategy; probabilistic 1.0 unless set */
	default?: SamplingStrategy;
	services?: Record<string, SamplingStrategy>;
}

export const COURSE_DEFAULT_STRATEGY: SamplingStrategy = { strategyType: 'PROBABILISTIC', probabilisticSampling: { samplingRate: 1 } };

function isProbability(v: unknown): boolean {
	return typeof v === 'number' && v >= 0 && v <= 1;
}
function isRate(v: unknown): boolean {
	return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

/** Throws a TypeError naming the first problem: a bad strategy is a lesson author's bug. */
export function checkStrategy(s: SamplingStrategy, where = 'strategy'): SamplingStrategy {
	if (s.strategyType === 'PROBABILISTIC') {
		if (!isProbability(s.probabilisticSampling?.samplingRate)) throw new TypeError(`${where}: probabilisticSampling.samplingRate must be in [0, 1]`);
	} else if (s.strategyType === 'RATE_LIMITING') {
		if (!isRate(s.rateLimitingSampling?.maxTracesPerSecond)) throw new TypeError(`${where}: rateLimitingSampling.maxTracesPerSecond must be ≥ 0`);
	} else throw new TypeError(`${where}: strategyType must be PROBABILISTIC or RATE_LIMITING`);
	const ops = s.operationSampling;
	if (ops) {
		if (!isProbability(ops.defaultSamplingProbability)) throw new TypeError(`${where}: operationSampling.defaultSamplingProbability must be in [0, 1]`);
		if (!isRate(ops.defaultLowerBoundTracesPerSecond)) throw new TypeError(`${where}: operationSampling.defaultLowerBoundTracesPerSecond must be ≥ 0`);
		if (ops.defaultUpperBoundTracesPerSecond !== undefined && !isRate(ops.defaultUpperBoundTracesPerSecond))
			throw new TypeError(`${where}: operationSampling.defaultUpperBoundTracesPerSecond must be ≥ 0`);
		if (!Array.isArray(ops.perOperationStrategies)) throw new TypeError(`${where}: operationSampling.perOperationStrategies must be an array`);
		for (const o of ops.perOperationStrategies)
			if (typeof o.operation !== 'string' || !isProbability(o.probabilisticSampling?.samplingRate))
				throw new TypeError(`${where}: each perOperationStrategies entry needs an operation and a samplingRate in [0, 1]`);
	}
	return structuredClone(s);
}

export interface SamplingManager {
	strategyFor(service: string): SamplingStrategy;
	/** Sets (or with null removes) one service's strategy. */
	setStrategy(service: string, strategy: SamplingStrategy | null): void;
	setDefault(strategy: SamplingStrategy): void;
	/** Replaces every strategy at once (a strategies file loaded); checked first, so a bad config changes nothing. */
	replaceAll(config: SamplingConfig): void;
	/** GET /sampling?service=X (also GET /?service=X, as the agent serves both) */
	handler: SimHandler;
}

export function createSamplingManager(config: SamplingConfig = {}): SamplingManager {
	const checked = (c: SamplingConfig) => ({
		fallback: checkStrategy(c.default ?? COURSE_DEFAULT_STRATEGY, 'default'),
		perService: new Map(Object.entries(c.services ?? {}).map(([svc, s]) => [svc, checkStrategy(s, svc)] as const))
	});
	let { fallback, perService } = checked(config);

	const strategyFor = (service: string) => structuredClone(perService.get(service) ?? fallback);

	const handler: SimHandler = (req) => {
		const url = parseUrl(req);
		if (!url || (url.pathname !== '/sampling' && url.pathname !== '/')) return text(404, 'jaeger-agent serves sampling strategies at /sampling?service=NAME');
		if (req.method.toUpperCase() !== 'GET') return text(405, 'use GET /sampling?service=NAME');
		const services = url.searchParams.getAll('service');
		if (services.length !== 1 || services[0] === '') return text(400, "'service' parameter must be provided once");
		return json(200, strategyFor(services[0]));
	};

	return {
		strategyFor,
		setStrategy(service, strategy) {
			if (strategy === null) perService.delete(service);
			else perService.set(service, checkStrategy(strategy, service));
		},
		setDefault(strategy) {
			fallback = checkStrategy(strategy, 'default');
		},
		replaceAll(config) {
			({ fallback, perService } = checked(config));
		},
		handler
	};
}

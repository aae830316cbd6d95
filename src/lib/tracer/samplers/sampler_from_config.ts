// `config.sampler` → Sampler, with jaeger-client's type names.
import { ConstSampler } from './const_sampler';
import { ProbabilisticSampler } from './probabilistic_sampler';
import { RateLimitingSampler } from './rate_limiting_sampler';
import { DEFAULT_INITIAL_SAMPLING_RATE, RemoteSampler, type FetchLike } from './remote_sampler';
import type { Sampler } from './sampler';
import type { Logger } from '../logger';

export interface SamplerConfig {
	type: 'const' | 'probabilistic' | 'ratelimiting' | 'remote';
	/** const: 1/0 (or true/false); probabilistic: rate; ratelimiting: traces/s; remote: initial rate */
	param?: number | boolean;
	/** remote: 'host:port' of the agent's sampling endpoint */
	hostPort?: string;
	/** remote: full URL, e.g. 'http://jaeger-agent:5778/sampling' */
	samplingServerURL?: string;
	refreshIntervalMs?: number;
	maxOperations?: number;
}

export function samplerFromConfig(
	serviceName: string,
	config: SamplerConfig,
	deps: { fetch?: FetchLike; logger?: Logger; now?: () => number } = {}
): Sampler {
	const param = config.param;
	switch (config.type) {
		case 'const':
			return new ConstSampler(Boolean(param));
		case 'probabilistic':
			return new ProbabilisticSampler(Number(param));
		case 'ratelimiting':
			return new RateLimitingSampler(Number(param), deps.now);
		case 'remote':
			return new RemoteSampler(serviceName, {
				samplingServerURL: config.samplingServerURL,
				hostPort: config.hostPort,
				refreshIntervalMs: config.refreshIntervalMs,
				maxOperations: config.maxOperations,
				initialSampler: new ProbabilisticSampler(typeof param === 'number' ? param : DEFAULT_INITIAL_SAMPLING_RATE),
				fetch: deps.fetch,
				logger: deps.logger,
				now: deps.now
			});
		default:
			throw new Error(`Unknown sampler type ${String((config as { type: unknown }).type)}`);
	}
}

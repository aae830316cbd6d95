// Per-operation sampling as Jaeger's adaptive sampling defines it: sample with probability `rate`,
// OR when a lower-bound rate limiter has credit — so rare operations still get some traces.
// Decisions made by the lower bound are tagged `sampler.type=lowerbound`, `sampler.param=<rate>`.
import { SAMPLER_TYPE_LOWER_BOUND } from '../constants';
import { ProbabilisticSampler } from './probabilistic_sampler';
import { RateLimitingSampler } from './rate_limiting_sampler';
import type { Sampler, SamplingDecision } from './sampler';

export class GuaranteedThroughputSampler implements Sampler {
	readonly probabilistic: ProbabilisticSampler;
	readonly lowerBound: RateLimitingSampler;
	private lowerBoundDecision: SamplingDecision;

	constructor(lowerBoundPerSecond: number, samplingRate: number, now: () => number = Date.now, random: () => number = Math.random) {
		this.probabilistic = new ProbabilisticSampler(samplingRate, random);
		this.lowerBound = new RateLimitingSampler(lowerBoundPerSecond, now, SAMPLER_TYPE_LOWER_BOUND);
		this.lowerBoundDecision = { type: SAMPLER_TYPE_LOWER_BOUND, param: samplingRate };
	}

	update(lowerBoundPerSecond: number, samplingRate: number): boolean {
		const a = this.probabilistic.update(samplingRate);
		const b = this.lowerBound.update(lowerBoundPerSecond);
		if (a) this.lowerBoundDecision = { type: SAMPLER_TYPE_LOWER_BOUND, param: samplingRate };
		return a || b;
	}

	sample(operation: string): SamplingDecision | null {
		const d = this.probabilistic.sample();
		// The limiter is charged either way, so the lower bound counts all sampled traces.
		const credit = this.lowerBound.sample() !== null;
		if (d !== null) return d;
		return credit ? this.lowerBoundDecision : null;
	}

	close(callback?: () => void): void {
		callback?.();
	}
}

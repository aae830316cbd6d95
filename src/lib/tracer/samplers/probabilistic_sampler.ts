// Samples each new trace with probability `samplingRate` (0..1).
import { SAMPLER_TYPE_PROBABILISTIC } from '../constants';
import type { Sampler, SamplingDecision } from './sampler';

export class ProbabilisticSampler implements Sampler {
	private decision!: SamplingDecision;
	private rate = 0;

	constructor(
		samplingRate: number,
		/** injectable for tests; Math.random like jaeger-client */
		private readonly random: () => number = Math.random
	) {
		this.update(samplingRate);
	}

	get samplingRate(): number {
		return this.rate;
	}

	/** Returns whether the rate changed. */
	update(samplingRate: number): boolean {
		if (!(samplingRate >= 0 && samplingRate <= 1)) throw new Error(`The sampling rate must be between 0.0 and 1.0. Received ${samplingRate}`);
		if (this.decision !== undefined && samplingRate === this.rate) return false;
		this.rate = samplingRate;
		this.decision = { type: SAMPLER_TYPE_PROBABILISTIC, param: samplingRate };
		return true;
	}

	sample(): SamplingDecision | null {
		return this.random() < this.rate ? this.decision : null;
	}

	close(callback?: () => void): void {
		callback?.();
	}
}

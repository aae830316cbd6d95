// Samples every trace or none (`sampler: { type: 'const', param: 1 }`).
import { SAMPLER_TYPE_CONST } from '../constants';
import type { Sampler, SamplingDecision } from './sampler';

export class ConstSampler implements Sampler {
	private readonly decision: SamplingDecision;

	constructor(readonly decisionValue: boolean) {
		this.decision = { type: SAMPLER_TYPE_CONST, param: decisionValue };
	}

	sample(): SamplingDecision | null {
		return this.decisionValue ? this.decision : null;
	}

	close(callback?: () => void): void {
		callback?.();
	}
}

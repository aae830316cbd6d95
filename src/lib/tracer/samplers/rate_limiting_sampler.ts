// Samples at most `maxTracesPerSecond` new traces per second (leaky bucket).
import { SAMPLER_TYPE_RATE_LIMITING } from '../constants';
import { RateLimiter } from './rate_limiter';
import type { Sampler, SamplingDecision } from './sampler';

/** Below 1/s the bucket still holds one whole trace (else nothing would pass); 0/s means never. */
function bucketSize(perSecond: number): number {
	return perSecond === 0 ? 0 : Math.max(1, perSecond);
}

export class RateLimitingSampler implements Sampler {
	private limiter: RateLimiter;
	private decision!: SamplingDecision;
	private max = -1;

	constructor(
		maxTracesPerSecond: number,
		private readonly now: () => number = Date.now,
		private readonly decisionType: string = SAMPLER_TYPE_RATE_LIMITING
	) {
		if (!(maxTracesPerSecond >= 0)) throw new Error(`maxTracesPerSecond must be >= 0. Received ${maxTracesPerSecond}`);
		this.limiter = new RateLimiter(maxTracesPerSecond, bucketSize(maxTracesPerSecond), now);
		this.update(maxTracesPerSecond);
	}

	get maxTracesPerSecond(): number {
		return this.max;
	}

	/** Returns whether the limit changed. */
	update(maxTracesPerSecond: number): boolean {
		if (!(maxTracesPerSecond >= 0)) throw new Error(`maxTracesPerSecond must be >= 0. Received ${maxTracesPerSecond}`);
		if (maxTracesPerSecond === this.max) return false;
		this.limiter.update(maxTracesPerSecond, bucketSize(maxTracesPerSecond));
		this.max = maxTracesPerSecond;
		this.decision = { type: this.decisionType, param: maxTracesPerSecond };
		return true;
	}

	sample(): SamplingDecision | null {
		return this.limiter.checkCredit(1) ? this.decision : null;
	}

	close(callback?: () => void): void {
		callback?.();
	}
}

// One GuaranteedThroughputSampler per operation name, from the `operationSampling` part of a
// sampling strategy; operations not listed get the default probability (up to maxOperations).
// Decisions depend on the name, so it samples late (see sampler.ts): a root span it did not sample
// stays undecided until renamed or finalized.
import { GuaranteedThroughputSampler } from './guaranteed_throughput_sampler';
import { ProbabilisticSampler } from './probabilistic_sampler';
import type { Sampler, SamplingDecision } from './sampler';

export interface OperationSamplingStrategy {
	defaultSamplingProbability: number;
	defaultLowerBoundTracesPerSecond: number;
	perOperationStrategies?: { operation: string; probabilisticSampling: { samplingRate: number } }[];
}

export class PerOperationSampler implements Sampler {
	/** the decision depends on the operation name: a renamed root span is sampled again */
	readonly lateSampling = true;
	private readonly byOperation = new Map<string, GuaranteedThroughputSampler>();
	private defaultSampler!: ProbabilisticSampler;
	private lowerBound = 0;

	constructor(
		strategy: OperationSamplingStrategy,
		private readonly maxOperations = 2000,
		private readonly now: () => number = Date.now,
		private readonly random: () => number = Math.random
	) {
		this.update(strategy);
	}

	/** Applies a new strategy; returns whether anything changed. Throws on a malformed strategy. */
	update(strategy: OperationSamplingStrategy): boolean {
		if (typeof strategy.defaultSamplingProbability !== 'number' || typeof strategy.defaultLowerBoundTracesPerSecond !== 'number') {
			throw new Error('operationSampling needs numeric defaultSamplingProbability and defaultLowerBoundTracesPerSecond');
		}
		let updated = this.lowerBound !== strategy.defaultLowerBoundTracesPerSecond;
		this.lowerBound = strategy.defaultLowerBoundTracesPerSecond;
		for (const s of strategy.perOperationStrategies ?? []) {
			const rate = s.probabilisticSampling.samplingRate;
			const existing = this.byOperation.get(s.operation);
			if (existing) updated = existing.update(this.lowerBound, rate) || updated;
			else {
				this.byOperation.set(s.operation, new GuaranteedThroughputSampler(this.lowerBound, rate, this.now, this.random));
				updated = true;
			}
		}
		if (this.defaultSampler === undefined) {
			this.defaultSampler = new ProbabilisticSampler(strategy.defaultSamplingProbability, this.random);
			updated = true;
		} else updated = this.defaultSampler.update(strategy.defaultSamplingProbability) || updated;
		return updated;
	}

	sample(operation: string): SamplingDecision | null {
		let sampler = this.byOperation.get(operation);
		if (sampler === undefined) {
			if (this.byOperation.size >= this.maxOperations) return this.defaultSampler.sample();
			sampler = new GuaranteedThroughputSampler(this.lowerBound, this.defaultSampler.samplingRate, this.now, this.random);
			this.byOperation.set(operation, sampler);
		}
		return sampler.sample(operation);
	}

	/** for tests and the sampling lesson: the sampler an operation currently uses */
	samplerFor(operation: string): GuaranteedThroughputSampler | undefined {
		return this.byOperation.get(operation);
	}

	close(callback?: () => void): void {
		callback?.();
	}
}

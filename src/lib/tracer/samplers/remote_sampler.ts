// Polls the agent's sampling endpoint (`GET http://jaeger-agent:5778/sampling?service=X`) and swaps
// in the strategy it answers with: PROBABILISTIC, RATE_LIMITING, or per-operation. Until the first
// answer arrives it samples with the initial sampler (probabilistic 0.001, like jaeger-client).
import type { Logger } from '../logger';
import { nullLogger } from '../logger';
import { PerOperationSampler, type OperationSamplingStrategy } from './per_operation_sampler';
import { ProbabilisticSampler } from './probabilistic_sampler';
import { RateLimitingSampler } from './rate_limiting_sampler';
import type { Sampler, SamplingDecision } from './sampler';

/** The part of fetch this sampler needs; the simulation passes its own. */
export type FetchLike = (url: string) => Promise<{ ok?: boolean; status?: number; text(): Promise<string> }>;

export interface SamplingStrategyResponse {
	strategyType?: 'PROBABILISTIC' | 'RATE_LIMITING';
	probabilisticSampling?: { samplingRate: number };
	rateLimitingSampling?: { maxTracesPerSecond: number };
	operationSampling?: OperationSamplingStrategy;
}

export interface RemoteSamplerOptions {
	/** full endpoint URL; default `http://${hostPort}/sampling` */
	samplingServerURL?: string;
	/** default 'jaeger-agent:5778' (the simulated agent) */
	hostPort?: string;
	fetch?: FetchLike;
	/** poll interval; default 60000 like jaeger-client; 0 = never poll (call refresh() yourself) */
	refreshIntervalMs?: number;
	initialSampler?: Sampler;
	maxOperations?: number;
	logger?: Logger;
	now?: () => number;
	random?: () => number;
	onSamplerUpdate?: (sampler: Sampler) => void;
}

export const DEFAULT_INITIAL_SAMPLING_RATE = 0.001;
export const DEFAULT_REFRESH_INTERVAL_MS = 60_000;

export class RemoteSampler implements Sampler {
	private current: Sampler;
	private timer: ReturnType<typeof setInterval> | null = null;
	private closed = false;
	private readonly url: string;
	private readonly fetchFn: FetchLike | undefined;
	private readonly logger: Logger;
	/** polls answered / failed, for the lesson and tests */
	readonly stats = { retrieved: 0, updated: 0, queryFailures: 0, updateFailures: 0 };

	constructor(
		readonly serviceName: string,
		private readonly options: RemoteSamplerOptions = {}
	) {
		this.current = options.initialSampler ?? new ProbabilisticSampler(DEFAULT_INITIAL_SAMPLING_RATE, options.random);
		const base = options.samplingServerURL ?? `http://${options.hostPort ?? 'jaeger-agent:5778'}/sampling`;
		this.url = `${base}${base.includes('?') ? '&' : '?'}service=${encodeURIComponent(serviceName)}`;
		this.fetchFn = options.fetch ?? (globalThis.fetch as FetchLike | undefined);
		this.logger = options.logger ?? nullLogger;
		const interval = options.refreshIntervalMs ?? DEFAULT_REFRESH_INTERVAL_MS;
		if (interval > 0) {
			// First poll right away (a lesson run lasts seconds, not a minute), then every interval.
			void this.refresh();
			this.timer = setInterval(() => void this.refresh(), interval);
			(this.timer as { unref?: () => void }).unref?.();
		}
	}

	/** The sampler in use right now (initial, or built from the latest strategy). */
	get sampler(): Sampler {
		return this.current;
	}

	/** Fetches the strategy once and applies it; never rejects (failures are logged and counted). */
	async refresh(): Promise<void> {
		if (this.closed || this.fetchFn === undefined) return;
		let body: string;
		try {
			const res = await this.fetchFn(this.url);
			if (res.ok === false) throw new Error(`HTTP ${res.status ?? '?'}`);
			body = await res.text();
		} catch (err) {
			this.stats.queryFailures++;
			this.logger.error(`Error in fetching sampling strategy: ${err instanceof Error ? err.message : String(err)}.`);
			return;
		}
		if (this.closed) return;
		this.stats.retrieved++;
		try {
			const strategy = JSON.parse(body) as SamplingStrategyResponse;
			if (strategy === null || typeof strategy !== 'object') throw new Error(`Malformed response: ${body}`);
			if (this.updateSampler(strategy)) {
				this.stats.updated++;
				this.options.onSamplerUpdate?.(this.current);
			}
		} catch (err) {
			this.stats.updateFailures++;
			this.logger.error(`Error in updating sampler: ${err instanceof Error ? err.message : String(err)}.`);
		}
	}

	private updateSampler(s: SamplingStrategyResponse): boolean {
		const { now, random, maxOperations } = this.options;
		if (s.operationSampling) {
			if (this.current instanceof PerOperationSampler) return this.current.update(s.operationSampling);
			this.current = new PerOperationSampler(s.operationSampling, maxOperations, now, random);
			return true;
		}
		if (s.strategyType === 'PROBABILISTIC' && s.probabilisticSampling) {
			const rate = s.probabilisticSampling.samplingRate;
			if (this.current instanceof ProbabilisticSampler) return this.current.update(rate);
			this.current = new ProbabilisticSampler(rate, random);
			return true;
		}
		if (s.strategyType === 'RATE_LIMITING' && s.rateLimitingSampling) {
			const max = s.rateLimitingSampling.maxTracesPerSecond;
			if (this.current instanceof RateLimitingSampler) return this.current.update(max);
			this.current = new RateLimitingSampler(max, now);
			return true;
		}
		throw new Error(`Malformed response: ${JSON.stringify(s)}`);
	}

	sample(operation: string): SamplingDecision | null {
		return this.current.sample(operation);
	}

	/** Late sampling while the current strategy is per-operation. */
	get lateSampling(): boolean {
		return this.current.lateSampling === true;
	}

	sampleOnTag(operation: string, key: string, value: unknown): SamplingDecision | null {
		const s = this.current;
		return s.sampleOnTag !== undefined ? s.sampleOnTag(operation, key, value) : null;
	}

	close(callback?: () => void): void {
		this.closed = true;
		if (this.timer !== null) clearInterval(this.timer);
		this.timer = null;
		this.current.close(callback);
	}
}

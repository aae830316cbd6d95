// A sampler decides, once per trace at its root span, whether the trace is recorded.
// The decision object is preallocated by each sampler (no allocation per span) and becomes the root
// span's `sampler.type` / `sampler.param` tags.

export interface SamplingDecision {
	readonly type: string;
	readonly param: number | boolean;
}

export interface Sampler {
	/** The decision (with the tags to record) when sampled, null when not. */
	sample(operation: string): SamplingDecision | null;
	close(callback?: () => void): void;
}

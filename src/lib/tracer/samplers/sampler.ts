// A sampler decides whether a trace is recorded. The decision is made at the trace's root span (in
// this process: the local root); children inherit it. The decision object is preallocated by each
// sampler (no allocation per span) and becomes the root span's `sampler.type` / `sampler.param` tags.
//
// Late sampling: a sampler whose decisions depend on the operation name (per-operation, or remote
// while its strategy is per-operation) sets `lateSampling`. A root span it did not sample then stays
// *undecided*: it keeps its tags and logs, `setOperationName` asks `sample(newName)` again, and
// `sampleOnTag` (if present) is asked about each tag. The decision becomes final when the span's
// context is finalized: renamed, injected, used as a parent, finished, or given `sampling.priority`.
// A late decision can only add sampling, never take it away (as in jaeger-client).

export interface SamplingDecision {
	readonly type: string;
	readonly param: number | boolean;
}

export interface Sampler {
	/** The decision (with the tags to record) when sampled, null when not. */
	sample(operation: string): SamplingDecision | null;
	/** true: an unsampled root span stays undecided until it is finalized (see above). Absent = false. */
	readonly lateSampling?: boolean;
	/**
	 * Asked for each tag set on an undecided span (jaeger-client's `onSetTag`): a decision samples the
	 * span and makes it final, null leaves it undecided. No built-in sampler samples on tags.
	 */
	sampleOnTag?(operation: string, key: string, value: unknown): SamplingDecision | null;
	close(callback?: () => void): void;
}

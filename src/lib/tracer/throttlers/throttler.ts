// A throttler limits how many *debug* traces a service may force: a `jaeger-debug-id` header or a
// `sampling.priority` > 0 tag asks for a sampled + debug span, and the tracer asks the throttler
// first. When it says no, the request is not forced: the span gets the sampler's ordinary decision.
import type { Process } from '$lib/model';

export interface Throttler {
	/** May a debug span be started for `operation` now? A yes may spend a credit. */
	isAllowed(operation: string): boolean;
	/** The tracer hands over its process once (the remote throttler needs its `client-uuid`). */
	setProcess?(process: Process): void;
	close(callback?: () => void): void;
}

// The mutable cells holding "what is active" for the current execution context.
// A single pair of cells per JS realm (one per worker) is what makes the async-context patch
// possible: the patch saves both when a callback is scheduled and puts them back when it runs.
// - `current`: our tracer's active scope.
// - `carried`: one more value that must survive await and timers the same way — the OpenTelemetry
//   API's active Context (the runner's context manager keeps it here). Opaque to the tracer.
import type { Scope } from './scope';

export const contextSlot: { current: Scope | null; carried: unknown } = { current: null, carried: undefined };

/** The `carried` cell as a small API, for a context manager outside the tracer. */
export const carriedContext = {
	get: (): unknown => contextSlot.carried,
	set(value: unknown): void {
		contextSlot.carried = value;
	}
};

// The one mutable cell holding "the active scope" for the current execution context.
// A single cell per JS realm (one per worker) is what makes the async-context patch possible: the
// patch saves this cell when a callback is scheduled and puts it back when the callback runs.
import type { Scope } from './scope';

export const contextSlot: { current: Scope | null } = { current: null };

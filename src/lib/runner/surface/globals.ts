// Globals a service has beyond a web worker's own (console, timers, URL, fetch come from the worker,
// typed by TypeScript's webworker lib): Node's `process`, built by createProcessModule.
import type { TourProcess } from '$lib/sim';

declare global {
	/** ['node', '<service>', ...the Arguments field]: process.argv[2] is the first argument */
	var process: TourProcess;
}
export {};

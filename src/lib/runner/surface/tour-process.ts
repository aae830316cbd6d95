// `tour/process` as learner code sees it (createProcessModule). Typings generated from here.
import type { TourProcess } from '$lib/sim';

export declare const argv: TourProcess['argv'];
export declare const args: TourProcess['args'];
export declare const env: TourProcess['env'];
/**
 * Ends the program at once, like Node's: nothing after the call runs, pending timers and requests
 * are dropped, and the tracer is NOT closed — spans still in its reporter's buffer never arrive.
 * `await tracer.close()` first. `code` 0 (the default) is success; any other number a failure.
 */
export declare function exit(code?: number | string | null): never;

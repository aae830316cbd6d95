// `tour/process` as learner code sees it (createProcessModule). Typings generated from here.
import type { TourProcess } from '$lib/sim';

export declare const argv: TourProcess['argv'];
export declare const args: TourProcess['args'];
export declare const env: TourProcess['env'];

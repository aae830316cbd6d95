// `tour/time` as learner code sees it (createTimeModule). Typings generated from here; see tour-http.ts.
import type { TourTime } from '$lib/sim';

export declare const sleep: TourTime['sleep'];
export declare const now: TourTime['now'];

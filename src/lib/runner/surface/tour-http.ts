// `tour/http` as learner code sees it: the object createHttpModule builds for each service.
// The editor's typings are generated from this file at build time (typings.ts); a test checks
// that its exports are exactly the runtime module's keys.
import type { TourHttp, SimFetchResponse } from '$lib/sim';
export type { ServerRequest, HandlerResult, ServerHandler, Server, Middleware, Routes } from '$lib/sim';
/** what fetch() resolves to (a type only: learners never construct one) */
export type Response = SimFetchResponse;

export declare const serve: TourHttp['serve'];
export declare const fetch: TourHttp['fetch'];

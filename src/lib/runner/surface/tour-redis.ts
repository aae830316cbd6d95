// `tour/redis` as learner code sees it: the object createRedisModule builds for each service, shaped
// like node-redis v4 (createClient, camelCase commands, its error classes). Typings generated from
// here; see tour-http.ts.
import type { TourRedis } from '$lib/sim';
export type { RedisClientType, RedisClientOptions, SetOptions, PubSubListener } from '$lib/sim';
export { ErrorReply, ClientClosedError, SocketClosedUnexpectedlyError, DisconnectsClientError } from '$lib/sim';

export declare const createClient: TourRedis['createClient'];

// The simulated Redis (host redis:6379) and what the Network panel and the client share with it.
export { startRedis, redisHostKind, type RedisHostOptions, type RunningRedis } from './host';
export { summarizeRedis, formatCommand, formatReply } from './format';
export { REDIS_LIMITS } from './keyspace';
export { CLIENT_HEADER, DEFAULT_REDIS_URL, MESSAGE_METHOD, decodeReply, encodeReply, type RedisReply, type WireReply } from './wire';

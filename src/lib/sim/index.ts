// The simulated world's public face: network, HTTP on it, and the runtime modules learner code imports.
export type * from './types';
export { createNetwork, protocolOf, type Network, type NetworkOptions, type Listener, type ListenOptions } from './network/network';
export { NetworkError, isNetworkError } from './network/errors';
export { parseTarget, SCHEME_PORTS } from './network/target';
export { normalizeHeaders, type HeadersInput } from './headers';
export { BACKEND_HOSTS, WORLD_HOST_NAMES, isValidHostName } from './hosts';
export { queryParams, type QueryParams } from './http/query';
export { compileRoutes, matchRoute, type Route, type RouteMatch } from './http/routes';
export {
	toServerRequest,
	toSimResponse,
	runHandler,
	routeRequests,
	type Middleware,
	type Routes,
	type ServerRequest,
	type ServerHandler,
	type HandlerResult
} from './http/server';
export { SimFetchResponse, ResponseHeaders } from './http/response';
export { createFetch, type SimFetch, type FetchInit } from './http/client';
export { createHttpModule, type HttpHost, type TourHttp, type Server } from './runtime/http';
export { createGrpcModule, type GrpcHost, type TourGrpc } from './runtime/grpc';
export {
	status as grpcStatus,
	Metadata,
	GrpcServer,
	GrpcClient,
	type GrpcServerApi,
	type GrpcClientApi,
	summarizeGrpc,
	serviceError,
	isServiceError,
	type ServiceError,
	type StatusObject,
	type MetadataValue,
	type ServerUnaryCall,
	type sendUnaryData,
	type UnaryHandler,
	type ServiceImplementation,
	type ServerInterceptor,
	type ServerOptions,
	type ClientInterceptor,
	type ClientOptions,
	type CallOptions
} from './grpc';
export { createTimeModule, type TourTime } from './runtime/time';
export { createProcessModule, exitStatus, splitArgs, programArgs, type TourProcess } from './runtime/process';
export {
	createMysqlModule,
	type TourMysql,
	type Pool,
	type Connection,
	type PoolOptions,
	type ConnectionOptions,
	type FieldPacket,
	type ResultSetHeader,
	type RowDataPacket,
	type QueryResult,
	type QueryValue,
	type QueryOptions,
	type QueryError
} from './runtime/mysql';
export { createSqlHost, SQL_HOST_KIND, MYSQL_HOST, MYSQL_PORT, type SqlHostOptions, type SqlRequestBody, type SqlReplyBody } from './sql/host';
export { summarizeSql } from './sql/summary';
export {
	createAmqpModule,
	IllegalOperationError,
	MessageContent,
	type TourAmqp,
	type AmqpHost,
	type Connection as AmqpConnection,
	type Channel as AmqpChannel,
	type ConsumeMessage,
	type MessageProperties,
	type PublishOptions,
	type Content,
	type AssertQueueOptions,
	type AssertExchangeOptions,
	type ConsumeOptions,
	type DeleteQueueOptions,
	type AmqpError
} from './runtime/amqp';
export { amqpBrokerKind, createBroker, summarizeAmqp, AMQP_LIMITS, type Broker } from './amqp';
export {
	createRedisModule,
	ErrorReply,
	ClientClosedError,
	SocketClosedUnexpectedlyError,
	DisconnectsClientError,
	type TourRedis,
	type RedisHost,
	type RedisClientType,
	type RedisClientOptions,
	type SetOptions,
	type PubSubListener
} from './runtime/redis';
export { startRedis, redisHostKind, summarizeRedis, REDIS_LIMITS, type RedisHostOptions, type RunningRedis } from './redis';
export type { WireHost } from './runtime/wire';
export type { HostContext, RunningHost, WorldHostKind } from './world/types';
export { createWorldHosts } from './world/world';
export { WORLD_HOST_KINDS } from './world/kinds';
export { describeRecord, pathOf, protocolCounts, PROTOCOL_NAMES } from './network/describe';
export { createTraefikKind, traefikKind, describeProxy, type ProxyOptions } from './proxy/proxy';
export { parseTraefikConfig, type TraefikConfig, type ConfigResult } from './proxy/config';
export { parseRule, matchRule, type Rule } from './proxy/rule';

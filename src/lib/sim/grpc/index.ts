// gRPC (unary calls) on the simulated network, shaped like @grpc/grpc-js; see README.md.
export { status, statusName, statusFromHttp, type StatusName, type StatusCode } from './status';
export { Metadata, metadataFromHeaders, metadataToHeaders, type MetadataValue } from './metadata';
export { serviceError, isServiceError, type ServiceError, type StatusObject } from './errors';
export {
	GrpcServer,
	type GrpcServerApi,
	type GrpcServerHost,
	type ServerUnaryCall,
	type sendUnaryData,
	type UnaryHandler,
	type ServiceImplementation,
	type ServerInterceptor,
	type ServerOptions
} from './server';
export { GrpcClient, type GrpcClientApi, type GrpcClientHost, type ClientInterceptor, type ClientOptions, type CallOptions } from './client';
export { summarizeGrpc } from './summary';
export { GRPC_CONTENT_TYPE, encodeTimeout, decodeTimeout } from './wire';
export { encodeBase64, decodeBase64 } from './base64';

// `tour/grpc` as learner code sees it: the object createGrpcModule builds for each service (Server
// and Client are bound to the service's end of the network). Typings generated from here; see tour-http.ts.
import type { TourGrpc, GrpcServerApi, GrpcClientApi } from '$lib/sim';
export type {
	ServiceError,
	StatusObject,
	MetadataValue,
	ServerUnaryCall,
	sendUnaryData,
	UnaryHandler,
	ServiceImplementation,
	ServerInterceptor,
	ServerOptions,
	ClientInterceptor,
	ClientOptions,
	CallOptions
} from '$lib/sim';

export declare const Server: TourGrpc['Server'];
export type Server = GrpcServerApi;
export declare const Client: TourGrpc['Client'];
export type Client = GrpcClientApi;
export declare const Metadata: TourGrpc['Metadata'];
export type Metadata = InstanceType<TourGrpc['Metadata']>;
export declare const status: TourGrpc['status'];

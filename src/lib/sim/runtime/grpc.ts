import type { WireHost } from './wire';
import {
	GrpcClient,
	GrpcServer,
	Metadata,
	status,
	type GrpcClientApi,
	type GrpcServerApi,
	type ClientOptions,
	type ServerOptions
} from '../grpc';

/** What a service's `tour/grpc` needs from its host. */
export type GrpcHost = Pick<WireHost, 'send' | 'listen' | 'close' | 'handlerError' | 'setTimeout' | 'clearTimeout'>;

export interface TourGrpc {
	/** `new Server({ interceptors })` */
	Server: new (options?: ServerOptions) => GrpcServerApi;
	/** `new Client('route:50051', 'route.Route', { interceptors })` */
	Client: new (address: string, serviceName: string, options?: ClientOptions) => GrpcClientApi;
	Metadata: typeof Metadata;
	status: typeof status;
}

/** The `tour/grpc` module learners import: classes bound to this service's end of the network. */
export function createGrpcModule(host: GrpcHost): TourGrpc {
	class Server extends GrpcServer {
		constructor(options?: ServerOptions) {
			super(host, options);
		}
	}
	class Client extends GrpcClient {
		constructor(address: string, serviceName: string, options?: ClientOptions) {
			super(host, address, serviceName, options);
		}
	}
	return { Server, Client, Metadata, status };
}

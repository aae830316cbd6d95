import type { WireHost } from './wire';
import { createFetch, type SimFetch } from '../http/client';
import { runHandler, type ServerHandler } from '../http/server';

/** What a service's `tour/http` needs from its host (the worker that runs it). */
export type HttpHost = Pick<WireHost, 'send' | 'listen' | 'close' | 'handlerError'>;

export interface Server {
	readonly port: number;
	close(): void;
}

export interface TourHttp {
	serve(port: number, handler: ServerHandler): Server;
	fetch: SimFetch;
}

/** The `tour/http` module learners import. */
export function createHttpModule(host: HttpHost): TourHttp {
	return {
		serve(port, handler) {
			if (!Number.isInteger(port) || port <= 0 || port > 65535) {
				throw new RangeError(`serve: port should be an integer 1–65535, got ${String(port)}`);
			}
			if (typeof handler !== 'function') throw new TypeError('serve(port, handler): handler must be a function');
			host.listen(port, (req) => runHandler(handler, req, (e) => host.handlerError(e, req)));
			return { port, close: () => host.close(port) };
		},
		fetch: createFetch((req) => host.send(req))
	};
}

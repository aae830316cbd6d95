import type { WireHost } from './wire';
import { createFetch, type SimFetch } from '../http/client';
import { routeRequests, type Middleware, type Routes, type ServerHandler } from '../http/server';

/** What a service's `tour/http` needs from its host (the worker that runs it). */
export type HttpHost = Pick<WireHost, 'send' | 'listen' | 'close' | 'handlerError'>;

export interface Server {
	readonly port: number;
	close(): void;
}

export interface TourHttp {
	/**
	 * Answers requests on `port` with a handler, or with routes (`{ 'GET /customer/:id': handler }`),
	 * each wrapped by the middleware given after it (the first is the outermost).
	 */
	serve(port: number, handler: ServerHandler | Routes, ...middleware: Middleware[]): Server;
	fetch: SimFetch;
}

/** The `tour/http` module learners import. */
export function createHttpModule(host: HttpHost): TourHttp {
	return {
		serve(port, handler, ...middleware) {
			if (!Number.isInteger(port) || port <= 0 || port > 65535) {
				throw new RangeError(`serve: port should be an integer 1–65535, got ${String(port)}`);
			}
			const answer = routeRequests(handler, middleware);
			host.listen(port, (req) => answer(req, (e) => host.handlerError(e, req)));
			return { port, close: () => host.close(port) };
		},
		fetch: createFetch((req) => host.send(req))
	};
}

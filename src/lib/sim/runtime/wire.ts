import type { SimHandler, SimRequest, SimResponse } from '../types';

/**
 * What every runtime module gets from the service it runs in (the worker): the service's own end of
 * the network. Requests go out under the service's name and keep it alive until answered, as open
 * sockets keep a Node process alive; ports route requests back to handlers in the same service.
 */
export interface WireHost {
	/** the service's name: its host name on the network */
	readonly service: string;
	/** rejects with a NetworkError (ECONNREFUSED, ENOTFOUND, ECONNRESET …) when it cannot be delivered */
	send(req: SimRequest): Promise<SimResponse>;
	/** answers requests to this service's `port` (a server, or the local end of a consumer's connection) */
	listen(port: number, handler: SimHandler): void;
	close(port: number): void;
	/** a free local port for a connection that receives (a consumer, a subscriber), 32768 and up */
	ephemeralPort(): number;
	/** learner code called back by a module (a handler, a consumer, a listener) threw: reported like a server log */
	handlerError(e: unknown, req: SimRequest): void;
	/** the service's timers (count as pending work): for deadlines and timeouts */
	setTimeout(fn: () => void, ms: number): unknown;
	clearTimeout(id: unknown): void;
}

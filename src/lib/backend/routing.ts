// The backend's components as the simulated network sees them: handlers keyed by host:port. Also
// a fetch-like function over a handler list, so code in the same thread (tests, the worker's own
// query client) can call the HTTP API without a network.
import type { SimHandler, SimRequest } from '$lib/sim';
import type { QueryTransport } from './query/client';

export interface HandlerEntry {
	host: string;
	port: number;
	handler: SimHandler;
	/** a UDP port (the agent's span packets): senders never wait for its answer */
	datagram?: boolean;
}

/** The handler registered for exactly this host and port, or undefined (callers pick the port). */
export function findHandler(entries: readonly HandlerEntry[], host: string, port: number): SimHandler | undefined {
	return entries.find((e) => e.host === host && e.port === port)?.handler;
}

export function fetchFromHandlers(entries: readonly HandlerEntry[]): QueryTransport {
	return async (url, init = {}) => {
		const u = new URL(url);
		const handler = findHandler(entries, u.hostname, Number(u.port || 80));
		if (!handler) throw new Error(`ECONNREFUSED ${u.host}: no backend component listens there`);
		const headers: Record<string, string> = {};
		for (const [k, v] of Object.entries(init.headers ?? {})) headers[k.toLowerCase()] = v;
		const req: SimRequest = { method: init.method ?? 'GET', url, headers, body: init.body ?? '' };
		return handler(req);
	};
}

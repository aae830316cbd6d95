import type { HeaderMap, SimRequest, SimResponse } from '../types';
import { normalizeHeaders } from '../headers';
import { queryParams, type QueryParams } from './query';
import { compileRoutes, matchRoute } from './routes';

/** What a learner's `serve(port, handler)` handler receives. */
export interface ServerRequest {
	method: string;
	/** the full URL as the client sent it */
	url: string;
	/** path without the query string: '/customer/123' */
	path: string;
	/** the route pattern that matched: '/customer/:id' (the path itself when serve has no routes) */
	route: string;
	/** the route's parameters: { id: '123' } for '/customer/:id' */
	params: Record<string, string>;
	query: QueryParams;
	/** lower-case names: req.headers['uber-trace-id'] */
	headers: HeaderMap;
	body: string;
	/** the body parsed as JSON */
	json(): unknown;
}

/** What a handler may return: a body string (200, text/plain) or a full response. */
export type HandlerResult =
	| string
	| { status?: number; headers?: Record<string, string | number>; body?: unknown }
	| undefined
	| void;

export type ServerHandler = (req: ServerRequest) => HandlerResult | Promise<HandlerResult>;

/** Wraps a handler (to trace it, time it …): `serve(8080, routes, traced)` wraps every route once. */
export type Middleware = (handler: ServerHandler) => ServerHandler;

/** `{ 'GET /customer/:id': handler, '/dispatch': handler }`: a method in front is optional. */
export type Routes = Record<string, ServerHandler>;

export function toServerRequest(req: SimRequest, route?: string, params: Record<string, string> = {}): ServerRequest {
	const u = new URL(req.url);
	return {
		method: req.method,
		url: req.url,
		path: u.pathname,
		route: route ?? u.pathname,
		params,
		query: queryParams(u.search),
		headers: { ...req.headers },
		body: req.body,
		json: () => JSON.parse(req.body)
	};
}

/** A handler's return value → the response on the wire. Objects as body go out as JSON. */
export function toSimResponse(result: HandlerResult): SimResponse {
	if (result === undefined || result === null) return { status: 204, headers: {}, body: '' };
	if (typeof result === 'string') {
		return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: result };
	}
	if (typeof result !== 'object') {
		return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: String(result) };
	}
	const headers = normalizeHeaders(result.headers as Record<string, string>);
	let body: string;
	if (result.body === undefined || result.body === null) body = '';
	else if (typeof result.body === 'string') body = result.body;
	else {
		body = JSON.stringify(result.body);
		headers['content-type'] ??= 'application/json';
	}
	if (body && !headers['content-type']) headers['content-type'] = 'text/plain; charset=utf-8';
	return { status: result.status ?? 200, headers, body };
}

/** Runs a learner handler; a throw becomes a 500 the way Express answers an uncaught error. */
export async function runHandler(
	handler: ServerHandler,
	req: SimRequest,
	onError: (e: unknown) => void,
	route?: string,
	params?: Record<string, string>
): Promise<SimResponse> {
	try {
		return toSimResponse(await handler(toServerRequest(req, route, params)));
	} catch (e) {
		onError(e);
		return { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Internal Server Error' };
	}
}

const text = (status: number, body: string, headers: Record<string, string> = {}): SimResponse => ({
	status,
	headers: { 'content-type': 'text/plain; charset=utf-8', ...headers },
	body
});

/**
 * A handler or a route table, with middleware applied once per handler (the first middleware is the
 * outermost), → what answers each request: the route is matched before any handler runs, so a
 * middleware sees `req.route` and `req.params`. Bad routes or middleware throw at once.
 */
export function routeRequests(
	target: ServerHandler | Routes,
	middleware: Middleware[]
): (req: SimRequest, onError: (e: unknown) => void) => Promise<SimResponse> {
	middleware.forEach((m, i) => {
		if (typeof m !== 'function') throw new TypeError(`serve: middleware ${i + 1} must be a function (handler) => handler`);
	});
	const wrap = (h: ServerHandler): ServerHandler => {
		const wrapped = middleware.reduceRight<ServerHandler>((inner, m) => m(inner), h);
		if (typeof wrapped !== 'function') throw new TypeError('serve: a middleware returned something that is not a handler function');
		return wrapped;
	};
	if (typeof target === 'function') {
		const handler = wrap(target);
		return (req, onError) => runHandler(handler, req, onError);
	}
	if (typeof target !== 'object' || target === null) throw new TypeError('serve(port, handler): handler must be a function or an object of routes');
	const routes = compileRoutes(target, (h) => typeof h === 'function').map((r) => ({ ...r, handler: wrap(r.handler) }));
	return async (req, onError) => {
		let path: string;
		try {
			path = new URL(req.url).pathname;
		} catch {
			return text(400, 'Bad Request');
		}
		const m = matchRoute(routes, req.method, path);
		if (m.kind === 'not-found') return text(404, 'Not Found');
		if (m.kind === 'method-not-allowed') return text(405, 'Method Not Allowed', { allow: m.allow.join(', ') });
		return runHandler(m.route.handler, req, onError, m.route.path, m.params);
	};
}

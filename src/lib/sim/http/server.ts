import type { HeaderMap, SimRequest, SimResponse } from '../types';
import { normalizeHeaders } from '../headers';
import { queryParams, type QueryParams } from './query';

/** What a learner's `serve(port, handler)` handler receives. */
export interface ServerRequest {
	method: string;
	/** the full URL as the client sent it */
	url: string;
	/** path without the query string: '/format' */
	path: string;
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

export function toServerRequest(req: SimRequest): ServerRequest {
	const u = new URL(req.url);
	return {
		method: req.method,
		url: req.url,
		path: u.pathname,
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
	onError: (e: unknown) => void
): Promise<SimResponse> {
	try {
		return toSimResponse(await handler(toServerRequest(req)));
	} catch (e) {
		onError(e);
		return { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Internal Server Error' };
	}
}

// Small helpers for answering simulated HTTP requests, shared by the backend's handlers.
import type { QueryResponse } from '../model/index';
import type { SimRequest, SimResponse } from '$lib/sim';

export function json(status: number, body: unknown): SimResponse {
	return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

export function text(status: number, body: string): SimResponse {
	return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body };
}

/** jaeger-query's envelope; `total` is the number of items (real Jaeger fills it only for lists of names). */
export function envelope<T>(data: T): QueryResponse<T> {
	return { data, total: Array.isArray(data) ? data.length : 0, limit: 0, offset: 0, errors: null };
}

/** An error the way jaeger-query reports one: status plus the envelope with `errors`. */
export function queryError(status: number, msg: string): SimResponse {
	const body: QueryResponse<null> = { data: null, total: 0, limit: 0, offset: 0, errors: [{ code: status, msg }] };
	return json(status, body);
}

/** The request's URL, or null when it is not an absolute URL. */
export function parseUrl(req: SimRequest): URL | null {
	try {
		return new URL(req.url);
	} catch {
		return null;
	}
}

export type JsonBody = { ok: true; value: unknown } | { ok: false; message: string };

export function parseJsonBody(body: string): JsonBody {
	if (typeof body !== 'string' || body.trim() === '') return { ok: false, message: 'request body is empty; expected JSON' };
	try {
		return { ok: true, value: JSON.parse(body) };
	} catch (e) {
		return { ok: false, message: `request body is not valid JSON: ${(e as Error).message}` };
	}
}

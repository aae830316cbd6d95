import type { SimRequest, SimResponse } from '../types';
import { normalizeHeaders, type HeadersInput } from '../headers';
import { isNetworkError } from '../network/errors';
import { SimFetchResponse } from './response';

export interface FetchInit {
	method?: string;
	headers?: HeadersInput;
	body?: string | object | null;
}

export type SimFetch = (url: string | URL, init?: FetchInit) => Promise<SimFetchResponse>;

/**
 * A fetch-like client over some way of sending. Network failures reject the way Node's fetch does:
 * `TypeError: fetch failed`, with the system error (code ECONNREFUSED, ENOTFOUND …) as `cause` —
 * and the code in the message too, because learners read messages before they read causes.
 */
export function createFetch(send: (req: SimRequest) => Promise<SimResponse>): SimFetch {
	return async (input, init = {}) => {
		const url = String(input);
		if (!/^https?:/i.test(url) && /^[a-z][a-z0-9+.-]*:/i.test(url)) {
			// as in Node: fetch speaks HTTP only, whatever else the network carries
			throw new TypeError(`fetch failed: unknown scheme in ${url.slice(0, 80)} (fetch speaks http:// only)`);
		}
		let body = '';
		const headers = normalizeHeaders(init.headers);
		if (typeof init.body === 'string') body = init.body;
		else if (init.body !== undefined && init.body !== null) {
			body = JSON.stringify(init.body);
			headers['content-type'] ??= 'application/json';
		}
		const method = (init.method ?? 'GET').toUpperCase();
		try {
			return new SimFetchResponse(url, await send({ method, url, headers, body }));
		} catch (e) {
			if (isNetworkError(e)) {
				throw new TypeError(`fetch failed: ${e.message}`, { cause: e });
			}
			throw e;
		}
	};
}

import type { HeaderMap, SimResponse } from '../types';

const reasons: Record<number, string> = {
	200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified',
	400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
	408: 'Request Timeout', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway',
	503: 'Service Unavailable', 504: 'Gateway Timeout'
};

/** The read side of fetch's Headers: case-insensitive get/has, iteration in lower case. */
export class ResponseHeaders {
	readonly #map: HeaderMap;
	constructor(map: HeaderMap) {
		this.#map = { ...map };
	}
	get(name: string): string | null {
		return this.#map[name.toLowerCase()] ?? null;
	}
	has(name: string): boolean {
		return name.toLowerCase() in this.#map;
	}
	forEach(cb: (value: string, name: string) => void): void {
		for (const [k, v] of this.entries()) cb(v, k);
	}
	entries(): [string, string][] {
		return Object.entries(this.#map).sort(([a], [b]) => a.localeCompare(b));
	}
	keys(): string[] {
		return this.entries().map(([k]) => k);
	}
	[Symbol.iterator]() {
		return this.entries()[Symbol.iterator]();
	}
	toJSON(): HeaderMap {
		return { ...this.#map };
	}
}

/** What the fetch-like client resolves to. The body can be read once, as with fetch. */
export class SimFetchResponse {
	readonly status: number;
	readonly statusText: string;
	readonly ok: boolean;
	readonly url: string;
	readonly headers: ResponseHeaders;
	readonly #body: string;
	#used = false;

	constructor(url: string, res: SimResponse) {
		this.url = url;
		this.status = res.status;
		this.statusText = reasons[res.status] ?? '';
		this.ok = res.status >= 200 && res.status < 300;
		this.headers = new ResponseHeaders(res.headers);
		this.#body = res.body;
	}
	get bodyUsed(): boolean {
		return this.#used;
	}
	async text(): Promise<string> {
		if (this.#used) throw new TypeError('Body is unusable: Body has already been read');
		this.#used = true;
		return this.#body;
	}
	async json(): Promise<unknown> {
		return JSON.parse(await this.text());
	}
}

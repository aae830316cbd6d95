import type { SimRequest, SimResponse } from '$lib/sim';
import { afterBurst } from '../sandbox/outbox';

export interface BackendCall {
	host: string;
	port: number;
	req: SimRequest;
}

/** Calls in one message at most: a burst of span packets is cut into messages of this many. */
export const MAX_BACKEND_BATCH = 64;
/**
 * Body text in one message at most (a lone bigger call still goes, alone): a message of 64 full
 * packets was 2 MB, one postMessage of 50–60 ms on the page, and its 64 answers one task too.
 */
export const MAX_BACKEND_BATCH_CHARS = 256 * 1024;

/**
 * Requests to the backend worker leave in bursts: what the page's network hands over within a few
 * microtasks (the span packets of a service's batch) goes as one message, not one postMessage and
 * one answer each — a 100,000-span burst was a thousand of each. Order is kept.
 */
export function createBackendBatcher(
	sendBatch: (calls: BackendCall[]) => Promise<SimResponse[]>,
	schedule: (fn: () => void) => void = afterBurst
): (call: BackendCall) => Promise<SimResponse> {
	let queue: { call: BackendCall; resolve(r: SimResponse): void; reject(e: unknown): void }[] = [];
	const flush = () => {
		const all = queue;
		queue = [];
		let start = 0;
		let chars = 0;
		for (let i = 0; i < all.length; i++) {
			const c = all[i].call.req.body.length;
			if (i > start && (i - start >= MAX_BACKEND_BATCH || chars + c > MAX_BACKEND_BATCH_CHARS)) {
				send(all.slice(start, i));
				start = i;
				chars = 0;
			}
			chars += c;
		}
		if (start < all.length) send(all.slice(start));
	};
	const send = (part: typeof queue) =>
		sendBatch(part.map((p) => p.call)).then(
			(answers) => part.forEach((p, j) => (answers[j] ? p.resolve(answers[j]) : p.reject(new Error('the backend did not answer')))),
			(e) => part.forEach((p) => p.reject(e))
		);
	return (call) =>
		new Promise<SimResponse>((resolve, reject) => {
			if (queue.length === 0) schedule(flush);
			queue.push({ call, resolve, reject });
		});
}

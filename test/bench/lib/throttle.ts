// A throttling proxy on 127.0.0.1 for browser benchmarks: every response shares one link of
// `bitsPerSecond`, each request waits `latencyMs` before it is forwarded. Throttling on the server
// side, not in the browser: DevTools' network throttling misses what workers fetch (esbuild.wasm,
// Monaco's workers), and it throttles each request alone, not as a shared link.
//
// The link is shared fairly: each tick's bytes are split evenly among the responses that have
// bytes waiting (as TCP flows roughly do), and a response's upstream is paused while its queue is
// full, so a 14 MB file does not sit in memory.
import { createServer, request, Agent, type Server, type IncomingMessage } from 'node:http';

const TICK_MS = 5;
const MAX_TICK_MS = 50;
const HIGH_WATER = 256 * 1024;

interface Flow {
	path: string;
	queue: Buffer[];
	queued: number;
	ended: boolean;
	write(chunk: Buffer): void;
	end(): void;
	resume(): void;
}

export interface LinkProfile {
	name: string;
	bitsPerSecond: number;
	latencyMs: number;
}

export interface LogEntry {
	path: string;
	start: number;
	firstByte: number;
	end: number;
	bytes: number;
	encoding: string;
	/** the upstream error that failed it (after its one retry), if any */
	error?: string;
	/** the upstream error its first attempt met, if it was retried */
	retried?: string;
}

export interface ThrottledProxy {
	origin: string;
	/** Date.now() when the proxy started: the log's times are relative to it */
	startedAt: number;
	/** body bytes sent to the browser since the proxy started */
	readonly bytes: number;
	/** requests forwarded since the proxy started */
	readonly requests: number;
	/** body bytes sent per request path */
	readonly byPath: Map<string, number>;
	/** bytes sent by each 250 ms since the proxy started: whether the link was busy */
	readonly timeline: number[];
	/** each response: path, when it was requested, its first body byte and its end (ms since the proxy started), body bytes */
	readonly log: LogEntry[];
	close(): Promise<void>;
}

/** Starts a proxy in front of `upstream` (an http://127.0.0.1:port origin) with the given link. */
export async function throttledProxy(upstream: string, link: LinkProfile): Promise<ThrottledProxy> {
	const target = new URL(upstream);
	const agent = new Agent({ keepAlive: true, maxSockets: 64 });
	const flows = new Set<Flow>();
	const bytesPerMs = link.bitsPerSecond / 8 / 1000;
	let carry = 0;
	let bytes = 0;
	let requests = 0;
	const byPath = new Map<string, number>();
	const log: LogEntry[] = [];
	const timeline: number[] = [];
	const t0 = Date.now();

	let lastTick = performance.now();
	const timer = setInterval(() => {
		// a tick's budget is the time since the last one: on a loaded machine the timer fires late,
		// and a fixed TICK_MS per tick made the link slower than its rate (at load 10 on 2 cores,
		// 10 Mbit/s carried about 6). Capped, so a long stall does not turn into one burst.
		const now = performance.now();
		const elapsed = Math.min(now - lastTick, MAX_TICK_MS);
		lastTick = now;
		timeline[Math.floor((Date.now() - t0) / 250)] = bytes;
		const waiting = [...flows].filter((f) => f.queued > 0);
		if (waiting.length === 0) {
			carry = 0; // an idle link banks nothing
			return;
		}
		let budget = carry + bytesPerMs * elapsed;
		let active = waiting;
		while (budget >= 1 && active.length) {
			const share = Math.max(1, Math.floor(budget / active.length));
			for (const f of active) {
				let give = Math.min(share, f.queued, Math.floor(budget));
				while (give > 0 && f.queue.length) {
					const head = f.queue[0];
					const piece = head.length <= give ? f.queue.shift()! : head.subarray(0, give);
					if (piece !== head) f.queue[0] = head.subarray(give);
					f.queued -= piece.length;
					give -= piece.length;
					budget -= piece.length;
					bytes += piece.length;
					byPath.set(f.path, (byPath.get(f.path) ?? 0) + piece.length);
					f.write(piece);
				}
				if (f.queued < HIGH_WATER / 2) f.resume();
				if (f.queued === 0 && f.ended) {
					flows.delete(f);
					f.end();
				}
			}
			active = active.filter((f) => f.queued > 0);
		}
		carry = Math.min(budget, bytesPerMs * TICK_MS);
	}, TICK_MS);

	const server: Server = createServer((req, res) => {
		requests++;
		const entry: LogEntry = { path: (req.url ?? '/').split('?')[0], start: Date.now() - t0, firstByte: NaN, end: NaN, bytes: 0, encoding: '' };
		log.push(entry);
		res.on('finish', () => ((entry.end = Date.now() - t0), (entry.bytes = byPath.get(entry.path) ?? 0)));
		// a kept-alive upstream socket can be closed by the server just as it is reused (ECONNRESET);
		// a browser retries such a request on a new connection, and so does the proxy, once
		const forward = (attempt: number) => {
			const up = request(
				{ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers, agent: attempt === 0 ? agent : false },
				(upRes: IncomingMessage) => {
					entry.encoding = String(upRes.headers['content-encoding'] ?? '');
					res.writeHead(upRes.statusCode ?? 502, upRes.headers);
					const flow: Flow = {
						path: (req.url ?? '/').split('?')[0],
						queue: [],
						queued: 0,
						ended: false,
						write: (c) => {
							if (Number.isNaN(entry.firstByte)) entry.firstByte = Date.now() - t0;
							res.write(c);
						},
						end: () => res.end(),
						resume: () => upRes.resume()
					};
					flows.add(flow);
					upRes.on('data', (chunk: Buffer) => {
						flow.queue.push(chunk);
						flow.queued += chunk.length;
						if (flow.queued > HIGH_WATER) upRes.pause();
					});
					upRes.on('end', () => {
						flow.ended = true;
						if (flow.queued === 0) {
							flows.delete(flow);
							res.end();
						}
					});
					res.on('close', () => {
						flows.delete(flow);
						upRes.destroy();
					});
				}
			);
			up.on('error', (err: NodeJS.ErrnoException) => {
				if (!res.headersSent && attempt === 0 && req.method === 'GET') return ((entry.retried = err.code ?? err.message), forward(1));
				entry.error = err.code ?? err.message;
				if (!res.headersSent) res.writeHead(502);
				res.end();
			});
			if (req.method === 'GET') up.end();
			else req.pipe(up);
		};
		setTimeout(() => {
			forward(0);
		}, link.latencyMs);
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	const address = server.address();
	const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
	return {
		origin,
		startedAt: t0,
		get bytes() {
			return bytes;
		},
		get requests() {
			return requests;
		},
		byPath,
		log,
		timeline,
		async close() {
			clearInterval(timer);
			server.closeAllConnections();
			agent.destroy();
			await new Promise((ok) => server.close(ok));
		}
	};
}

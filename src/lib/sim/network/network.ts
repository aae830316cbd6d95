import type { Exchange, NetworkRecordEx, LinkRule, Protocol, PortHandler, SimRequest, SimResponse, TrafficKind } from '../types';
import { normalizeHeaders } from '../headers';
import { NetworkError } from './errors';
import { decideFault, linkBehaviour } from './links';
import { seededRandom } from './random';
import { parseTarget } from './target';

export interface NetworkOptions {
	/** per-link latency, jitter and faults; later rules win */
	links?: LinkRule[];
	/** seed for jitter and probabilistic faults */
	seed?: number;
	/** ms clock; records are relative to the network's creation */
	now?: () => number;
	/** how the network waits; tests may pass a fake */
	sleep?: (ms: number) => Promise<void>;
	/** called when a record starts and again when it completes (same id, fresh copy each time) */
	onRecord?: (record: NetworkRecordEx) => void;
	/** records kept for the panel; later ones are counted in `droppedRecords` only */
	maxRecords?: number;
}

export interface Listener {
	host: string;
	port: number;
	kind: TrafficKind;
	/** a UDP port: its senders never wait for an answer (jaeger-agent's span packets) */
	datagram: boolean;
}

export interface ListenOptions {
	/** UDP: what is sent here is fire-and-forget for the sender (see Network.isDatagram) */
	datagram?: boolean;
}

export interface Network {
	/** Makes a host name resolvable (a service exists) even before it listens on any port. */
	addHost(host: string): void;
	/** Answers requests to host:port; returns a function that closes the port again. */
	listen(host: string, port: number, handler: PortHandler, kind?: TrafficKind, options?: ListenOptions): () => void;
	/** Whether `url` goes to a UDP port now (false when nobody listens there or the URL is bad). */
	isDatagram(url: string): boolean;
	/** Sends a request as `from`; rejects with a NetworkError as a real client would. */
	request(from: string, req: SimRequest): Promise<SimResponse>;
	/**
	 * Work a host has promised that is not a request yet (messages queued for a consumer): the
	 * network is not idle until the returned release is called. Releasing twice is harmless.
	 */
	hold(): () => void;
	/** Resolves once nothing is in flight (parked requests aside) and nothing is held. */
	idle(): Promise<void>;
	inFlight(): number;
	listeners(): Listener[];
	records(): NetworkRecordEx[];
	/** how many records were not kept because of maxRecords */
	droppedRecords(): number;
	/** Refuses everything from now on (a world being torn down). */
	close(): void;
}

/** The URL's scheme names the protocol; gRPC is HTTP with content-type application/grpc. */
export function protocolOf(req: Pick<SimRequest, 'url' | 'headers'>): Protocol {
	const scheme = /^([a-z]+):/i.exec(req.url)?.[1]?.toLowerCase();
	if (scheme === 'amqp') return 'amqp';
	if (scheme === 'redis') return 'redis';
	if (scheme === 'mysql') return 'sql';
	return (req.headers['content-type'] ?? '').startsWith('application/grpc') ? 'grpc' : 'http';
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function createNetwork(options: NetworkOptions = {}): Network {
	const links = options.links ?? [];
	const random = seededRandom(options.seed ?? 1);
	const now = options.now ?? (() => performance.now());
	const sleep = options.sleep ?? defaultSleep;
	const maxRecords = options.maxRecords ?? 5000;
	const t0 = now();
	const hosts = new Set<string>();
	const ports = new Map<string, { handler: PortHandler; kind: TrafficKind; datagram: boolean }>();
	const kept: NetworkRecordEx[] = [];
	let dropped = 0;
	let nextId = 1;
	let pending = 0;
	let idleWaiters: (() => void)[] = [];
	let closed = false;

	const key = (host: string, port: number) => `${host.toLowerCase()}:${port}`;
	const publish = (rec: NetworkRecordEx, keep: boolean) => {
		if (keep) options.onRecord?.({ ...rec });
	};
	const hold = () => {
		pending++;
		let released = false;
		return () => {
			if (released) return;
			released = true;
			settle();
		};
	};
	const wait = (ms: number) => (ms > 0 ? sleep(ms) : Promise.resolve());
	const legDelay = (latencyMs: number, jitterMs: number) => latencyMs + (jitterMs > 0 ? random() * jitterMs : 0);

	function settle() {
		pending--;
		if (pending === 0) {
			const w = idleWaiters;
			idleWaiters = [];
			for (const f of w) f();
		}
	}

	async function deliver(from: string, req: SimRequest, rec: NetworkRecordEx, exchange: Exchange & { answered(): void }): Promise<SimResponse> {
		const target = parseTarget(req.url);
		rec.to = `${target.host}:${target.port}`;
		const link = linkBehaviour(links, from, target.host, target.port);
		const fault = decideFault(link.fault, random);
		await wait(legDelay(link.latencyMs, link.jitterMs) + fault.delayMs);
		if (fault.delayMs > 0) rec.fault = `delay ${fault.delayMs}ms`;
		if (closed) throw new NetworkError('ECONNREFUSED', target.host, target.port);
		if (!hosts.has(target.host)) throw new NetworkError('ENOTFOUND', target.host, target.port);
		const listener = ports.get(key(target.host, target.port));
		if (!listener) throw new NetworkError('ECONNREFUSED', target.host, target.port);
		rec.kind = listener.kind;
		if (fault.kind === 'drop') {
			rec.fault = 'drop';
			throw new NetworkError('ECONNRESET', target.host, target.port);
		}
		let res: SimResponse;
		if (fault.kind === 'status') {
			rec.fault = `status ${fault.status}`;
			res = { status: fault.status, headers: { 'content-type': 'text/plain' }, body: `injected fault: ${fault.status}` };
		} else {
			try {
				res = await listener.handler({ ...req, headers: { ...req.headers } }, exchange);
				exchange.answered();
			} catch {
				exchange.answered();
				// The server went away mid-request (its worker stopped): the client sees a reset connection.
				throw new NetworkError('ECONNRESET', target.host, target.port);
			}
		}
		await wait(legDelay(link.latencyMs, link.jitterMs));
		return { status: res.status, headers: normalizeHeaders(res.headers), body: String(res.body ?? '') };
	}

	return {
		addHost(host) {
			hosts.add(host.toLowerCase());
		},
		listen(host, port, handler, kind = 'service', options = {}) {
			const k = key(host, port);
			if (ports.has(k)) throw new NetworkError('ECONNREFUSED', host, port);
			hosts.add(host.toLowerCase());
			ports.set(k, { handler, kind, datagram: options.datagram === true });
			return () => {
				if (ports.get(k)?.handler === handler) ports.delete(k);
			};
		},
		async request(from, req) {
			const headers = normalizeHeaders(req.headers);
			const proto = protocolOf({ url: String(req.url), headers });
			const request: SimRequest = {
				// HTTP methods are upper-case; AMQP's are written basic.publish, as RabbitMQ's docs do
				method: proto === 'amqp' ? String(req.method || '') : String(req.method || 'GET').toUpperCase(),
				url: req.url,
				headers,
				body: req.body ?? ''
			};
			const rec: NetworkRecordEx = {
				id: nextId++,
				from,
				to: '',
				method: request.method,
				url: request.url,
				requestHeaders: request.headers,
				requestBody: request.body,
				status: null,
				responseHeaders: {},
				responseBody: '',
				startedAt: now() - t0,
				latency: null,
				error: null,
				kind: 'service',
				fault: null,
				protocol: proto,
				note: null
			};
			const keep = kept.length < maxRecords;
			if (keep) kept.push(rec);
			else dropped++;
			// Parking gives back this request's count while the host waits; once the host answers, the
			// answer counts again until it reaches the client — else the run could end while a popped
			// job is still on its way to the worker.
			let release = hold();
			let parked = false;
			const exchange: Exchange & { answered(): void } = {
				note(text) {
					rec.note = String(text).slice(0, 500);
					publish(rec, keep);
				},
				park() {
					if (parked) return;
					parked = true;
					release();
				},
				answered() {
					if (!parked) return;
					parked = false;
					release = hold();
				}
			};
			try {
				// An invalid URL fails before anything is sent, like fetch's TypeError.
				const t = parseTarget(request.url);
				rec.to = `${t.host}:${t.port}`;
				// the kind from the start: a panel that hides backend traffic must not draw a row for
				// each span packet while it is on its way (a burst drew and removed hundreds a frame)
				rec.kind = ports.get(key(t.host, t.port))?.kind ?? 'service';
				publish(rec, keep);
				const res = await deliver(from, request, rec, exchange);
				rec.status = res.status;
				rec.responseHeaders = res.headers;
				rec.responseBody = res.body;
				return res;
			} catch (e) {
				if (rec.error === null) rec.error = e instanceof NetworkError ? `${e.code}: ${e.message}` : String(e);
				throw e;
			} finally {
				if (rec.latency === null) rec.latency = now() - t0 - rec.startedAt;
				publish(rec, keep);
				release();
			}
		},
		hold,
		idle() {
			return pending === 0 ? Promise.resolve() : new Promise((r) => idleWaiters.push(r));
		},
		inFlight: () => pending,
		listeners: () =>
			[...ports.entries()].map(([k, v]) => {
				const i = k.lastIndexOf(':');
				return { host: k.slice(0, i), port: Number(k.slice(i + 1)), kind: v.kind, datagram: v.datagram };
			}),
		isDatagram(url) {
			try {
				const t = parseTarget(url);
				return ports.get(key(t.host, t.port))?.datagram === true;
			} catch {
				return false;
			}
		},
		records: () => kept.map((r) => ({ ...r })),
		droppedRecords: () => dropped,
		close() {
			closed = true;
			ports.clear();
		}
	};
}

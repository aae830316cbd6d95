// `tour/redis`: a client shaped like node-redis v4 (`createClient`, camelCase commands, ErrorReply),
// speaking to the simulated Redis over the service's own end of the network (../redis/wire.ts).
import type { SimRequest, SimResponse } from '../types';
import type { WireHost } from './wire';
import { isNetworkError } from '../network/errors';
import { CLIENT_HEADER, decodeReply, MESSAGE_METHOD, type RedisReply } from '../redis/wire';

/** What `tour/redis` needs from the service it runs in. */
export type RedisHost = Pick<WireHost, 'service' | 'send' | 'listen' | 'close' | 'ephemeralPort' | 'handlerError'>;

// node-redis's errors, with their messages; `name` is the class name, as Node prints them.
/** A Redis error reply (WRONGTYPE …, ERR …) */
export class ErrorReply extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ErrorReply';
	}
}
/** a command on a client not connected (before connect(), after quit()/disconnect()) */
export class ClientClosedError extends Error {
	constructor() {
		super('The client is closed');
		this.name = 'ClientClosedError';
	}
}
/** the connection broke under a command (a lost message, the server going away) */
export class SocketClosedUnexpectedlyError extends Error {
	constructor(cause?: unknown) {
		super('Socket closed unexpectedly', cause === undefined ? undefined : { cause });
		this.name = 'SocketClosedUnexpectedlyError';
	}
}
/** a command still waiting when disconnect() was called */
export class DisconnectsClientError extends Error {
	constructor() {
		super('Disconnects client');
		this.name = 'DisconnectsClientError';
	}
}

export interface RedisClientOptions {
	/** redis://[host][:port][/db], default redis://redis:6379 */
	url?: string;
	socket?: { host?: string; port?: number };
	name?: string;
}

export interface SetOptions {
	EX?: number;
	PX?: number;
	EXAT?: number;
	PXAT?: number;
	KEEPTTL?: true;
	NX?: true;
	XX?: true;
	GET?: true;
}

/** a subscriber's callback: the message, then the channel, as node-redis v4 calls it */
export type PubSubListener = (message: string, channel: string) => unknown;

type Arg = string | number;
type Listener = (...args: unknown[]) => unknown;

function targetOf(options: RedisClientOptions): string {
	if (options.url === undefined) {
		const host = options.socket?.host ?? 'redis';
		const port = options.socket?.port ?? 6379;
		return `redis://${host}:${port}/`;
	}
	let u: URL;
	try {
		u = new URL(String(options.url));
	} catch {
		throw new TypeError('Invalid URL');
	}
	if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new TypeError('Invalid protocol');
	return `redis://${u.hostname || 'redis'}:${u.port || 6379}${u.pathname || '/'}`;
}

function toArg(x: unknown): string {
	if (typeof x === 'string') return x;
	if (typeof x === 'number') return String(x);
	throw new TypeError('Invalid argument type');
}

const list = (x: Arg | Arg[]): string[] => (Array.isArray(x) ? x : [x]).map(toArg);

/** One connection to Redis, as node-redis's RedisClient. */
class RedisClient {
	readonly #wire: RedisHost;
	readonly #options: RedisClientOptions;
	readonly #url: string;
	#open = false;
	/** the connection's local port: its address, and where pub/sub messages arrive */
	#port = 0;
	#listening = false;
	readonly #channels = new Map<string, Set<PubSubListener>>();
	readonly #pending = new Set<(e: Error) => void>();
	readonly #events = new Map<string, Listener[]>();

	constructor(wire: RedisHost, options: RedisClientOptions) {
		this.#wire = wire;
		this.#options = { ...options };
		this.#url = targetOf(this.#options);
	}

	get isOpen(): boolean {
		return this.#open;
	}
	get isReady(): boolean {
		return this.#open;
	}
	get isPubSubActive(): boolean {
		return this.#channels.size > 0;
	}

	on(event: string, listener: Listener): this {
		if (typeof listener !== 'function') throw new TypeError('The "listener" argument must be of type function');
		this.#events.set(event, [...(this.#events.get(event) ?? []), listener]);
		return this;
	}
	once(event: string, listener: Listener): this {
		const once = (...a: unknown[]) => {
			this.off(event, once);
			return listener(...a);
		};
		return this.on(event, once);
	}
	off(event: string, listener: Listener): this {
		this.#events.set(event, (this.#events.get(event) ?? []).filter((l) => l !== listener));
		return this;
	}

	#emit(event: string, ...args: unknown[]): void {
		for (const l of this.#events.get(event) ?? []) {
			try {
				const r = l(...args);
				if (r instanceof Promise) r.catch((e) => this.#wire.handlerError(e, this.#fakeReq(event)));
			} catch (e) {
				this.#wire.handlerError(e, this.#fakeReq(event));
			}
		}
	}

	#fakeReq(what: string): SimRequest {
		return { method: what.toUpperCase().replace(/[^A-Z]/g, '') || 'EVENT', url: this.#url, headers: {}, body: '' };
	}

	async connect(): Promise<this> {
		if (this.#open) throw new Error('Socket already opened');
		this.#open = true;
		this.#port = this.#wire.ephemeralPort();
		this.#emit('connect');
		this.#emit('ready');
		return this;
	}

	duplicate(overrides?: RedisClientOptions): RedisClient {
		return new RedisClient(this.#wire, { ...this.#options, ...overrides });
	}

	/** QUIT: the server answers OK and closes the connection */
	async quit(): Promise<string> {
		if (!this.#open) throw new ClientClosedError();
		this.#open = false;
		try {
			return String(await this.#request(['QUIT']));
		} finally {
			this.#close();
		}
	}

	/** closes at once: commands still waiting reject with DisconnectsClientError */
	async disconnect(): Promise<void> {
		if (!this.#open) throw new ClientClosedError();
		this.#open = false;
		const waiting = this.#pending.size > 0 || this.#channels.size > 0;
		for (const reject of [...this.#pending]) reject(new DisconnectsClientError());
		// the server notices the socket closing: stands for it, so it drops our blocked pops and subscriptions
		if (waiting) this.#request(['QUIT']).catch(() => {});
		this.#close();
	}

	#close(): void {
		this.#channels.clear();
		if (this.#listening) this.#wire.close(this.#port);
		this.#listening = false;
		this.#emit('end');
	}

	/** any command, as an array of strings; the raw reply (an array for HGETALL, 1/0 for EXPIRE) */
	sendCommand(args: Arg[]): Promise<RedisReply> {
		if (!this.#open) return Promise.reject(new ClientClosedError());
		if (!Array.isArray(args) || args.length === 0) return Promise.reject(new TypeError('sendCommand: args must be a non-empty array'));
		let words: string[];
		try {
			words = args.map(toArg);
		} catch (e) {
			return Promise.reject(e);
		}
		return this.#request(words);
	}

	#request(words: string[]): Promise<RedisReply> {
		const name = words[0].toUpperCase();
		if (!/^[A-Z]{1,16}$/.test(name)) {
			// not a word the network carries as a method: no server knows it either
			return Promise.reject(new ErrorReply(`ERR unknown command '${words[0].slice(0, 128)}', with args beginning with: `));
		}
		const req: SimRequest = {
			method: name,
			url: this.#url,
			headers: { 'content-type': 'application/json', [CLIENT_HEADER]: `${this.#wire.service}:${this.#port}` },
			body: JSON.stringify(words.slice(1))
		};
		return new Promise<RedisReply>((resolve, reject) => {
			let settled = false;
			const settle = (f: () => void) => {
				if (settled) return;
				settled = true;
				this.#pending.delete(abort);
				f();
			};
			const abort = (e: Error) => settle(() => reject(e));
			this.#pending.add(abort);
			this.#wire.send(req).then(
				(res) => settle(() => this.#answer(res, resolve, reject)),
				(e) => settle(() => this.#broken(isNetworkError(e) && e.code !== 'ECONNRESET' ? e : new SocketClosedUnexpectedlyError(e), reject))
			);
		});
	}

	#answer(res: SimResponse, resolve: (r: RedisReply) => void, reject: (e: Error) => void): void {
		const reply = res.status === 200 ? decodeReply(res.body) : null;
		if (!reply) return this.#broken(new SocketClosedUnexpectedlyError(new Error(`${res.status} ${res.body.slice(0, 200)}`)), reject);
		if ('error' in reply) reject(new ErrorReply(reply.error));
		else resolve(reply.ok);
	}

	/** the connection failed under a command: node-redis emits 'error' and rejects what was waiting */
	#broken(e: Error, reject: (e: Error) => void): void {
		this.#emit('error', e);
		reject(e);
	}

	#command(words: string[]): Promise<RedisReply> {
		if (!this.#open) return Promise.reject(new ClientClosedError());
		return this.#request(words);
	}

	/** the arguments converted, or the conversion's TypeError as a rejection */
	#call(build: () => string[]): Promise<RedisReply> {
		let words: string[];
		try {
			words = build();
		} catch (e) {
			return Promise.reject(e);
		}
		return this.#command(words);
	}

	// ---- strings and keys
	ping(message?: string): Promise<string> {
		return this.#call(() => (message === undefined ? ['PING'] : ['PING', toArg(message)])) as Promise<string>;
	}
	get(key: string): Promise<string | null> {
		return this.#call(() => ['GET', toArg(key)]) as Promise<string | null>;
	}
	set(key: string, value: Arg, options?: SetOptions): Promise<string | null> {
		return this.#call(() => {
			const words = ['SET', toArg(key), toArg(value)];
			if (options?.EX !== undefined) words.push('EX', toArg(options.EX));
			else if (options?.PX !== undefined) words.push('PX', toArg(options.PX));
			else if (options?.EXAT !== undefined) words.push('EXAT', toArg(options.EXAT));
			else if (options?.PXAT !== undefined) words.push('PXAT', toArg(options.PXAT));
			else if (options?.KEEPTTL) words.push('KEEPTTL');
			if (options?.NX) words.push('NX');
			else if (options?.XX) words.push('XX');
			if (options?.GET) words.push('GET');
			return words;
		}) as Promise<string | null>;
	}
	del(keys: string | string[]): Promise<number> {
		return this.#call(() => ['DEL', ...list(keys)]) as Promise<number>;
	}
	exists(keys: string | string[]): Promise<number> {
		return this.#call(() => ['EXISTS', ...list(keys)]) as Promise<number>;
	}
	incr(key: string): Promise<number> {
		return this.#call(() => ['INCR', toArg(key)]) as Promise<number>;
	}
	decr(key: string): Promise<number> {
		return this.#call(() => ['DECR', toArg(key)]) as Promise<number>;
	}
	incrBy(key: string, increment: number): Promise<number> {
		return this.#call(() => ['INCRBY', toArg(key), toArg(increment)]) as Promise<number>;
	}
	/** true when the timeout was set */
	async expire(key: string, seconds: number, mode?: 'NX' | 'XX' | 'GT' | 'LT'): Promise<boolean> {
		return (await this.#call(() => ['EXPIRE', toArg(key), toArg(seconds), ...(mode ? [toArg(mode)] : [])])) === 1;
	}
	/** seconds left; -1 without a timeout, -2 when the key does not exist */
	ttl(key: string): Promise<number> {
		return this.#call(() => ['TTL', toArg(key)]) as Promise<number>;
	}
	type(key: string): Promise<string> {
		return this.#call(() => ['TYPE', toArg(key)]) as Promise<string>;
	}

	// ---- lists
	/** the list's length after the push */
	lPush(key: string, elements: Arg | Arg[]): Promise<number> {
		return this.#call(() => ['LPUSH', toArg(key), ...list(elements)]) as Promise<number>;
	}
	rPush(key: string, elements: Arg | Arg[]): Promise<number> {
		return this.#call(() => ['RPUSH', toArg(key), ...list(elements)]) as Promise<number>;
	}
	lPop(key: string): Promise<string | null> {
		return this.#call(() => ['LPOP', toArg(key)]) as Promise<string | null>;
	}
	rPop(key: string): Promise<string | null> {
		return this.#call(() => ['RPOP', toArg(key)]) as Promise<string | null>;
	}
	lRange(key: string, start: number, stop: number): Promise<string[]> {
		return this.#call(() => ['LRANGE', toArg(key), toArg(start), toArg(stop)]) as Promise<string[]>;
	}
	lLen(key: string): Promise<number> {
		return this.#call(() => ['LLEN', toArg(key)]) as Promise<number>;
	}
	/** waits up to `timeout` seconds (0: for ever) for an element at the tail of one of `keys` */
	brPop(keys: string | string[], timeout: number): Promise<{ key: string; element: string } | null> {
		return this.#pop('BRPOP', keys, timeout);
	}
	/** as brPop, from the head */
	blPop(keys: string | string[], timeout: number): Promise<{ key: string; element: string } | null> {
		return this.#pop('BLPOP', keys, timeout);
	}
	async #pop(name: string, keys: string | string[], timeout: number): Promise<{ key: string; element: string } | null> {
		const r = await this.#call(() => [name, ...list(keys), toArg(timeout)]);
		return Array.isArray(r) ? { key: String(r[0]), element: String(r[1]) } : null;
	}

	// ---- hashes
	/** hSet(key, field, value) or hSet(key, { field: value, … }); the number of fields added */
	hSet(key: string, field: Arg | Record<string, Arg> | Map<Arg, Arg> | [Arg, Arg][], value?: Arg): Promise<number> {
		return this.#call(() => {
			const words = ['HSET', toArg(key)];
			if (typeof field === 'string' || typeof field === 'number') words.push(toArg(field), toArg(value));
			else if (field instanceof Map) for (const [f, v] of field) words.push(toArg(f), toArg(v));
			else if (Array.isArray(field)) for (const [f, v] of field) words.push(toArg(f), toArg(v));
			else if (typeof field === 'object' && field !== null) for (const f of Object.keys(field)) words.push(f, toArg(field[f]));
			else throw new TypeError('Invalid argument type');
			return words;
		}) as Promise<number>;
	}
	hGet(key: string, field: string): Promise<string | null> {
		return this.#call(() => ['HGET', toArg(key), toArg(field)]) as Promise<string | null>;
	}
	/** every field and value; {} when the key does not exist */
	async hGetAll(key: string): Promise<Record<string, string>> {
		const r = (await this.#call(() => ['HGETALL', toArg(key)])) as string[];
		// no prototype, as node-redis builds it: a field called __proto__ is just a field
		const out = Object.create(null) as Record<string, string>;
		for (let i = 0; i + 1 < r.length; i += 2) out[r[i]] = r[i + 1];
		return out;
	}
	hDel(key: string, fields: string | string[]): Promise<number> {
		return this.#call(() => ['HDEL', toArg(key), ...list(fields)]) as Promise<number>;
	}

	// ---- pub/sub
	/** how many subscribers received it */
	publish(channel: string, message: Arg): Promise<number> {
		return this.#call(() => ['PUBLISH', toArg(channel), toArg(message)]) as Promise<number>;
	}

	/** From here on this connection only receives (use a duplicate() for other commands). */
	async subscribe(channels: string | string[], listener: PubSubListener): Promise<void> {
		if (typeof listener !== 'function') throw new TypeError('subscribe(channels, listener): listener must be a function');
		if (!this.#open) throw new ClientClosedError();
		const names = list(channels);
		const fresh = names.filter((c) => !this.#channels.has(c));
		for (const c of names) {
			const set = this.#channels.get(c) ?? new Set();
			set.add(listener);
			this.#channels.set(c, set);
		}
		if (!this.#listening) {
			this.#wire.listen(this.#port, (req) => this.#deliver(req));
			this.#listening = true;
		}
		if (fresh.length === 0) return;
		try {
			await this.#request(['SUBSCRIBE', ...fresh]);
		} catch (e) {
			for (const c of fresh) this.#channels.delete(c);
			this.#stopListening();
			throw e;
		}
	}

	/** no channels: all of them; with a listener: only that listener */
	async unsubscribe(channels?: string | string[], listener?: PubSubListener): Promise<void> {
		if (!this.#open) throw new ClientClosedError();
		const names = channels === undefined ? [...this.#channels.keys()] : list(channels);
		const gone: string[] = [];
		for (const c of names) {
			const set = this.#channels.get(c);
			if (!set) continue;
			if (listener) set.delete(listener);
			if (!listener || set.size === 0) {
				this.#channels.delete(c);
				gone.push(c);
			}
		}
		if (gone.length > 0) await this.#request(['UNSUBSCRIBE', ...gone]);
		this.#stopListening();
	}

	#stopListening(): void {
		if (this.#channels.size > 0 || !this.#listening) return;
		this.#wire.close(this.#port);
		this.#listening = false;
	}

	/** a message pushed by the server: each listener of its channel gets it */
	#deliver(req: SimRequest): SimResponse {
		let channel = '';
		let message = '';
		try {
			const x: unknown = JSON.parse(req.body);
			if (req.method !== MESSAGE_METHOD || !Array.isArray(x) || typeof x[0] !== 'string' || typeof x[1] !== 'string') throw 0;
			[channel, message] = x as [string, string];
		} catch {
			return { status: 400, headers: {}, body: 'not a pub/sub message' };
		}
		for (const l of this.#channels.get(channel) ?? []) {
			try {
				const r = l(message, channel);
				if (r instanceof Promise) r.catch((e) => this.#wire.handlerError(e, req));
			} catch (e) {
				this.#wire.handlerError(e, req);
			}
		}
		return { status: 200, headers: {}, body: '' };
	}
}

export type RedisClientType = RedisClient;

export interface TourRedis {
	/** a client for `options.url` (default redis://redis:6379); call connect() before any command */
	createClient(options?: RedisClientOptions): RedisClientType;
	ErrorReply: typeof ErrorReply;
	ClientClosedError: typeof ClientClosedError;
	SocketClosedUnexpectedlyError: typeof SocketClosedUnexpectedlyError;
	DisconnectsClientError: typeof DisconnectsClientError;
}

/** The `tour/redis` module learners import. */
export function createRedisModule(wire: RedisHost): TourRedis {
	return {
		createClient: (options = {}) => new RedisClient(wire, options ?? {}),
		ErrorReply,
		ClientClosedError,
		SocketClosedUnexpectedlyError,
		DisconnectsClientError
	};
}


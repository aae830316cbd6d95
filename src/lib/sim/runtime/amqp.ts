// `tour/amqp`: a client for the simulated RabbitMQ shaped like amqplib's promise API (connect →
// createChannel → assertQueue / publish / consume / ack). Each AMQP method is one request to
// rabbitmq:5672; deliveries come back as requests to this connection's own (ephemeral) port.
// Nothing here touches trace context: it travels only if learner code puts it in `headers`.
import type { SimRequest, SimResponse } from '../types';
import type { WireHost } from './wire';
import { Deque } from '../amqp/deque';
import { BROKER_PORT, METHODS, REPLY_NAMES, decodeContent, encodeContent, headersForDisplay, type CloseBody } from '../amqp/protocol';
import { contentBytes, messageContent, messageProperties, wireProperties, type Content, type ConsumeMessage, type PublishOptions } from './amqp-message';
import { AMQP_LIMITS } from '../amqp/protocol';

export type { ConsumeMessage, MessageProperties, PublishOptions, Content } from './amqp-message';
export { MessageContent } from './amqp-message';

export type AmqpHost = Pick<WireHost, 'service' | 'send' | 'listen' | 'close' | 'ephemeralPort' | 'handlerError'>;

/** requests one connection has on the wire at once: 10,000 publishes go out 32 at a time */
const WINDOW = 32;

/** amqplib's error for using a closed channel or connection. */
export class IllegalOperationError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'IllegalOperationError';
	}
}

/** An error the broker answered with, as amqplib reports it (`code` is the AMQP reply code). */
export interface AmqpError extends Error {
	code: number;
	classId: number;
	methodId: number;
}

type Listener = (...args: unknown[]) => void;

/** The little of Node's EventEmitter that amqplib users call: on('error'), on('close'). */
class Emitter {
	private listeners = new Map<string, Listener[]>();
	on(event: string, fn: Listener): this {
		if (typeof fn !== 'function') throw new TypeError('listener must be a function');
		this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
		return this;
	}
	once(event: string, fn: Listener): this {
		const once: Listener = (...a) => {
			this.off(event, once);
			fn(...a);
		};
		return this.on(event, once);
	}
	off(event: string, fn: Listener): this {
		this.listeners.set(event, (this.listeners.get(event) ?? []).filter((f) => f !== fn));
		return this;
	}
	removeListener(event: string, fn: Listener): this {
		return this.off(event, fn);
	}
	/** true when someone listened */
	protected emit(event: string, ...args: unknown[]): boolean {
		const fns = this.listeners.get(event) ?? [];
		for (const f of fns) f(...args);
		return fns.length > 0;
	}
}

export interface AssertQueueOptions {
	exclusive?: boolean;
	durable?: boolean;
	autoDelete?: boolean;
	/** accepted; the simulated broker ignores x-arguments (no TTLs, no length limits, no dead-lettering) */
	arguments?: Record<string, unknown>;
	messageTtl?: number;
	expires?: number;
	deadLetterExchange?: string;
	deadLetterRoutingKey?: string;
	maxLength?: number;
	maxPriority?: number;
}
export interface AssertExchangeOptions {
	durable?: boolean;
	internal?: boolean;
	autoDelete?: boolean;
	alternateExchange?: string;
	arguments?: Record<string, unknown>;
}
export interface ConsumeOptions {
	consumerTag?: string;
	/** the broker forgets a message once sent: no ack, and a lost delivery is lost */
	noAck?: boolean;
	exclusive?: boolean;
	priority?: number;
	arguments?: Record<string, unknown>;
}
export interface DeleteQueueOptions {
	ifUnused?: boolean;
	ifEmpty?: boolean;
}

interface Job {
	req: SimRequest;
	done(res: SimResponse): void;
	failed(e: unknown): void;
}

interface Consumer {
	queue: string;
	onMessage: (msg: ConsumeMessage | null) => unknown;
}

/** A connection's socket: one FIFO of requests with a bounded window, and the port deliveries arrive on. */
class Link {
	private queue = new Deque<Job>();
	private inFlight = 0;
	private drainWaiters: (() => void)[] = [];
	constructor(
		private host: AmqpHost,
		readonly url: string
	) {}

	/** in order, at most WINDOW on the wire */
	send(method: string, body: object, headers: Record<string, string> = {}): Promise<SimResponse> {
		return new Promise((done, failed) => {
			this.queue.push({ req: { method, url: this.url, headers, body: JSON.stringify(body) }, done, failed });
			this.pump();
		});
	}

	/** now, outside the window (acks: bounded by the deliveries the broker has out) */
	sendNow(method: string, body: object): Promise<SimResponse> {
		return this.host.send({ method, url: this.url, headers: {}, body: JSON.stringify(body) });
	}

	/** resolves when everything queued is on the wire */
	drained(): Promise<void> {
		return this.queue.length === 0 ? Promise.resolve() : new Promise((r) => this.drainWaiters.push(r));
	}

	private pump(): void {
		while (this.inFlight < WINDOW && this.queue.length > 0) {
			const job = this.queue.shift()!;
			this.inFlight++;
			this.host
				.send(job.req)
				.then(job.done, job.failed)
				.finally(() => {
					this.inFlight--;
					this.pump();
				});
		}
		if (this.queue.length === 0 && this.drainWaiters.length) {
			const w = this.drainWaiters;
			this.drainWaiters = [];
			w.forEach((f) => f());
		}
	}
}

function closeBody(res: SimResponse): CloseBody {
	try {
		const b = JSON.parse(res.body) as Partial<CloseBody>;
		if (typeof b.code === 'number' && typeof b.text === 'string') {
			return { code: b.code, text: b.text, classId: Number(b.classId) || 0, methodId: Number(b.methodId) || 0, closes: b.closes === 'connection' || b.closes === 'none' ? b.closes : 'channel' };
		}
	} catch {
		// not the broker's answer (an injected fault): report the status
	}
	return { code: res.status, text: res.body.slice(0, 200), classId: 0, methodId: 0, closes: 'channel' };
}

const closeMessage = (c: CloseBody) => `${c.code} (${REPLY_NAMES[c.code] ?? 'ERROR'}) with message "${c.text}"`;

function amqpError(message: string, c: CloseBody): AmqpError {
	return Object.assign(new Error(message), { code: c.code, classId: c.classId, methodId: c.methodId });
}

export class Connection extends Emitter {
	/** @internal */ readonly link: Link;
	/** @internal */ readonly channels = new Map<number, Channel>();
	/** @internal */ closed = false;
	private closing: Promise<void> | null = null;

	/** @internal */
	constructor(
		private host: AmqpHost,
		url: string,
		/** @internal */ readonly id: string,
		private port: number
	) {
		super();
		this.link = new Link(host, url);
	}

	/** Opens a channel: the thing you declare queues, publish and consume on. */
	async createChannel(): Promise<Channel> {
		if (this.closed) throw new IllegalOperationError('Connection closed');
		const res = await this.link.send('channel.open', { connection: this.id });
		if (res.status !== 200) throw amqpError(`Operation failed: ChannelOpen; ${closeMessage(closeBody(res))}`, closeBody(res));
		const id = (JSON.parse(res.body) as { channel: number }).channel;
		const ch = new Channel(this, this.host, id);
		this.channels.set(id, ch);
		return ch;
	}

	/** Sends what is still queued, then closes every channel (unacked messages go back to their queues). */
	close(): Promise<void> {
		if (this.closing) return this.closing;
		if (this.closed) return Promise.reject(new IllegalOperationError('Connection closed'));
		this.closing = (async () => {
			await this.link.send('connection.close', { connection: this.id }).catch(() => undefined);
			this.shut(null);
		})();
		return this.closing;
	}

	/** @internal the connection is over: channels closed, the port shut; an error is emitted first */
	shut(error: Error | null): void {
		if (this.closed) return;
		this.closed = true;
		for (const ch of this.channels.values()) ch.shut(null);
		this.channels.clear();
		this.host.close(this.port);
		if (error && !this.emit('error', error)) this.host.handlerError(error, { method: 'connection', url: this.link.url, headers: {}, body: '' });
		this.emit('close', error ?? undefined);
	}

	/** @internal a delivery or a cancel notice from the broker */
	async receive(req: SimRequest): Promise<SimResponse> {
		const okRes: SimResponse = { status: 200, headers: {}, body: '' };
		let b: Record<string, unknown>;
		try {
			b = JSON.parse(req.body) as Record<string, unknown>;
		} catch {
			return { status: 400, headers: {}, body: 'not JSON' };
		}
		const ch = typeof b.channel === 'number' ? this.channels.get(b.channel) : undefined;
		if (!ch || typeof b.consumerTag !== 'string') return okRes;
		await ch.receive(req, b);
		// what the callback published is on the wire before the delivery counts as handled
		await this.link.drained();
		return okRes;
	}
}

export class Channel extends Emitter {
	/** @internal */ closed = false;
	private consumers = new Map<string, Consumer>();
	private nextTag = 1;

	/** @internal */
	constructor(
		private conn: Connection,
		private host: AmqpHost,
		/** @internal */ readonly id: number
	) {
		super();
	}

	private fields(extra: object) {
		return { connection: this.conn.id, channel: this.id, ...extra };
	}

	private guard(): void {
		if (this.closed) throw new IllegalOperationError('Channel closed');
	}

	/** one request/answer method; a failure rejects as amqplib's does and may close the channel */
	private async rpc<T>(method: string, extra: object): Promise<T> {
		this.guard();
		const res = await this.conn.link.send(method, this.fields(extra));
		if (res.status === 200) return JSON.parse(res.body) as T;
		const c = closeBody(res);
		const name = METHODS[method]?.[2] ?? method;
		this.failed(c, false);
		throw amqpError(`Operation failed: ${name}; ${closeMessage(c)}`, c);
	}

	/** a broker error: the channel (or the connection) is closed; listeners hear 'error' */
	private failed(c: CloseBody, report: boolean): void {
		const err = amqpError(`Channel closed by server: ${closeMessage(c)}`, c);
		if (c.closes === 'connection') this.conn.shut(err);
		else if (c.closes === 'channel') this.shut(err, report);
		else if (report && !this.emit('error', err)) this.host.handlerError(err, { method: 'channel', url: this.conn.link.url, headers: {}, body: '' });
	}

	/** fire-and-forget methods (publish, ack): a failure arrives later, as an 'error' event */
	private background(p: Promise<SimResponse>): void {
		p.then(
			(res) => {
				if (res.status !== 200) this.failed(closeBody(res), true);
			},
			// the request was lost on the wire: for a TCP client that is a reset connection
			(e: unknown) => this.conn.shut(e instanceof Error ? e : new Error(String(e)))
		);
	}

	/** @internal */
	shut(error: Error | null, report = true): void {
		if (this.closed) return;
		this.closed = true;
		this.conn.channels.delete(this.id);
		this.consumers.clear();
		if (error && !this.emit('error', error) && report) this.host.handlerError(error, { method: 'channel', url: this.conn.link.url, headers: {}, body: '' });
		this.emit('close');
	}

	assertQueue(queue = '', options: AssertQueueOptions = {}): Promise<{ queue: string; messageCount: number; consumerCount: number }> {
		return this.rpc('queue.declare', {
			queue: String(queue ?? ''),
			durable: options.durable ?? true,
			exclusive: !!options.exclusive,
			autoDelete: !!options.autoDelete
		});
	}

	checkQueue(queue: string): Promise<{ queue: string; messageCount: number; consumerCount: number }> {
		return this.rpc('queue.declare', { queue: String(queue), passive: true });
	}

	deleteQueue(queue: string, options: DeleteQueueOptions = {}): Promise<{ messageCount: number }> {
		return this.rpc('queue.delete', { queue: String(queue), ifUnused: !!options.ifUnused, ifEmpty: !!options.ifEmpty });
	}

	purgeQueue(queue: string): Promise<{ messageCount: number }> {
		return this.rpc('queue.purge', { queue: String(queue) });
	}

	bindQueue(queue: string, source: string, pattern: string, args?: Record<string, unknown>): Promise<Record<string, never>> {
		void args;
		return this.rpc('queue.bind', { queue: String(queue), exchange: String(source), routingKey: String(pattern ?? '') });
	}

	unbindQueue(queue: string, source: string, pattern: string, args?: Record<string, unknown>): Promise<Record<string, never>> {
		void args;
		return this.rpc('queue.unbind', { queue: String(queue), exchange: String(source), routingKey: String(pattern ?? '') });
	}

	assertExchange(exchange: string, type: 'direct' | 'topic' | 'fanout', options: AssertExchangeOptions = {}): Promise<{ exchange: string }> {
		return this.rpc('exchange.declare', { exchange: String(exchange), type, durable: options.durable ?? true });
	}

	checkExchange(exchange: string): Promise<Record<string, never>> {
		return this.rpc('exchange.declare', { exchange: String(exchange), passive: true });
	}

	/**
	 * Sends a message to an exchange; returns true at once (the message goes out in the background,
	 * in order). A message no queue is bound for is dropped, as RabbitMQ does.
	 */
	publish(exchange: string, routingKey: string, content: Content, options?: PublishOptions): boolean {
		this.guard();
		const bytes = contentBytes(content);
		if (bytes.length > AMQP_LIMITS.messageBytes) throw new RangeError(`message size ${bytes.length} is larger than the simulated broker's maximum of ${AMQP_LIMITS.messageBytes} bytes`);
		const properties = wireProperties(options);
		const body = this.fields({ exchange: String(exchange ?? ''), routingKey: String(routingKey ?? ''), ...encodeContent(bytes), properties });
		this.background(this.conn.link.send('basic.publish', body, headersForDisplay(properties.headers)));
		return true;
	}

	/** publish via the default exchange: straight to the queue named `queue` */
	sendToQueue(queue: string, content: Content, options?: PublishOptions): boolean {
		return this.publish('', queue, content, options);
	}

	/**
	 * Starts a consumer: `onMessage` is called for each delivery (with null if the queue is deleted).
	 * Without noAck, every message must be acked (or nacked) on this channel.
	 */
	async consume(queue: string, onMessage: (msg: ConsumeMessage | null) => unknown, options: ConsumeOptions = {}): Promise<{ consumerTag: string }> {
		this.guard();
		if (typeof onMessage !== 'function') throw new TypeError('consume(queue, onMessage): onMessage must be a function');
		// the tag is chosen here so a delivery that overtakes consume-ok still finds its callback
		const tag = options.consumerTag ?? `amq.ctag-${this.conn.id.split('.')[0]}-${this.id}-${this.nextTag++}`;
		this.consumers.set(tag, { queue: String(queue), onMessage });
		try {
			return await this.rpc<{ consumerTag: string }>('basic.consume', { queue: String(queue), consumerTag: tag, noAck: !!options.noAck });
		} catch (e) {
			this.consumers.delete(tag);
			throw e;
		}
	}

	async cancel(consumerTag: string): Promise<{ consumerTag: string }> {
		const r = await this.rpc<{ consumerTag: string }>('basic.cancel', { consumerTag: String(consumerTag) });
		this.consumers.delete(String(consumerTag));
		return r;
	}

	/** at most `count` unacked messages per consumer started after this call (0: no limit) */
	async prefetch(count: number, global = false): Promise<Record<string, never>> {
		if (!Number.isInteger(count) || count < 0 || count > 65535) throw new RangeError(`prefetch count should be an integer 0–65535, got ${String(count)}`);
		void global;
		return this.rpc('basic.qos', { prefetchCount: count });
	}

	ack(message: ConsumeMessage, allUpTo = false): void {
		this.settle('basic.ack', message, { multiple: !!allUpTo });
	}

	ackAll(): void {
		this.guard();
		this.background(this.conn.link.sendNow('basic.ack', this.fields({ deliveryTag: 0, multiple: true })));
	}

	/** requeue (default true) puts it back at the head of its queue; false drops it (no dead-lettering here) */
	nack(message: ConsumeMessage, allUpTo = false, requeue = true): void {
		this.settle('basic.nack', message, { multiple: !!allUpTo, requeue: requeue !== false });
	}

	nackAll(requeue = true): void {
		this.guard();
		this.background(this.conn.link.sendNow('basic.nack', this.fields({ deliveryTag: 0, multiple: true, requeue: requeue !== false })));
	}

	reject(message: ConsumeMessage, requeue = true): void {
		this.settle('basic.reject', message, { requeue: requeue !== false });
	}

	private settle(method: string, message: ConsumeMessage, extra: object): void {
		this.guard();
		const tag = message?.fields?.deliveryTag;
		if (typeof tag !== 'number') throw new TypeError(`${method.slice(6)}(message): pass the message your consumer received`);
		this.background(this.conn.link.sendNow(method, this.fields({ deliveryTag: tag, ...extra })));
	}

	/** Closes the channel once what it sent is out; its unacked messages go back to their queues. */
	async close(): Promise<void> {
		this.guard();
		const res = await this.conn.link.send('channel.close', this.fields({}));
		this.shut(null);
		if (res.status !== 200) throw amqpError(`Operation failed: ChannelClose; ${closeMessage(closeBody(res))}`, closeBody(res));
	}

	/** @internal */
	async receive(req: SimRequest, b: Record<string, unknown>): Promise<void> {
		const c = this.consumers.get(b.consumerTag as string);
		if (!c) return;
		if (req.method === 'basic.cancel') {
			this.consumers.delete(b.consumerTag as string);
			await this.call(c, null, req);
			return;
		}
		const bytes = decodeContent(b as { content?: unknown; content64?: unknown });
		if (!bytes || typeof b.deliveryTag !== 'number') return;
		const msg: ConsumeMessage = {
			content: messageContent(bytes),
			fields: {
				deliveryTag: b.deliveryTag,
				redelivered: b.redelivered === true,
				exchange: typeof b.exchange === 'string' ? b.exchange : '',
				routingKey: typeof b.routingKey === 'string' ? b.routingKey : '',
				consumerTag: b.consumerTag as string
			},
			properties: messageProperties(b.properties)
		};
		await this.call(c, msg, req);
	}

	/** a callback that throws is reported; its message stays unacked (the broker is not told) */
	private async call(c: Consumer, msg: ConsumeMessage | null, req: SimRequest): Promise<void> {
		try {
			await c.onMessage(msg);
		} catch (e) {
			this.host.handlerError(e, req);
		}
	}
}

/** Where connect() goes: amqp://[user:pass@]host[:port][/vhost]; credentials are not checked here. */
function brokerUrl(url: string | { hostname?: string; port?: number; vhost?: string; protocol?: string }): string {
	if (typeof url === 'object' && url !== null) {
		if (url.protocol && url.protocol !== 'amqp') throw new TypeError(`The simulated network carries amqp://, got ${url.protocol}`);
		const vhost = url.vhost && url.vhost !== '/' ? `/${encodeURIComponent(url.vhost)}` : '/';
		return `amqp://${url.hostname ?? 'localhost'}:${url.port ?? BROKER_PORT}${vhost}`;
	}
	let u: URL;
	try {
		u = new URL(String(url));
	} catch {
		throw new TypeError(`Invalid URL: ${String(url)}`);
	}
	if (u.protocol !== 'amqp:') throw new TypeError(`The simulated network carries amqp:// connections, got ${u.protocol}//`);
	return `amqp://${u.hostname}:${u.port || BROKER_PORT}${u.pathname || '/'}`;
}

export interface TourAmqp {
	/** Connects to the broker, e.g. connect('amqp://rabbitmq:5672'). */
	connect(url?: string | { hostname?: string; port?: number; vhost?: string; protocol?: string }, socketOptions?: object): Promise<Connection>;
	IllegalOperationError: typeof IllegalOperationError;
}

/** The `tour/amqp` module learners import. */
export function createAmqpModule(host: AmqpHost): TourAmqp {
	return {
		async connect(url = 'amqp://localhost', socketOptions) {
			void socketOptions;
			const target = brokerUrl(url);
			const port = host.ephemeralPort();
			let conn: Connection | null = null;
			host.listen(port, (req) => (conn ? conn.receive(req) : { status: 503, headers: {}, body: 'connection not open yet' }));
			let res: SimResponse;
			try {
				res = await host.send({ method: 'connection.open', url: target, headers: {}, body: JSON.stringify({ host: host.service, port }) });
			} catch (e) {
				host.close(port);
				throw e;
			}
			if (res.status !== 200) {
				host.close(port);
				const c = closeBody(res);
				throw amqpError(`Handshake terminated by server: ${closeMessage(c)}`, c);
			}
			const id = (JSON.parse(res.body) as { connection: string }).connection;
			conn = new Connection(host, target, id, port);
			return conn;
		},
		IllegalOperationError
	};
}

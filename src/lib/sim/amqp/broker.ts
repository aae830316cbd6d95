// The simulated RabbitMQ: queues, exchanges, consumers and deliveries for one run. Every request is
// untrusted (a share link can hand-craft them), so fields are checked one by one, maps are Maps, and
// a handler never throws: a bad request gets an AMQP-shaped error answer instead.
import type { Network } from '../network/network';
import { isNetworkError } from '../network/errors';
import { isValidHostName } from '../hosts';
import { seededRandom } from '../network/random';
import type { Exchange as NetExchange, SimRequest, SimResponse } from '../types';
import { Deque } from './deque';
import { topicMatches } from './topic';
import {
	AMQP_LIMITS as L,
	BROKER_HOST,
	METHODS,
	NUMBER_PROPERTIES,
	REPLY,
	STRING_PROPERTIES,
	decodeContent,
	headersForDisplay,
	type CloseBody,
	type HeaderValue,
	type WireContent,
	type WireProperties
} from './protocol';

/** deliveries on the wire to one consumer at once: a consumer without prefetch still gets a bounded stream */
const DELIVERY_WINDOW = 16;
/** deliveries on the wire from the whole broker at once */
const BROKER_WINDOW = 64;

interface Message {
	exchange: string;
	routingKey: string;
	content: WireContent;
	bytes: number;
	properties: WireProperties;
	redelivered: boolean;
}

interface Queue {
	name: string;
	ready: Deque<Message>;
	unacked: number;
	consumers: Consumer[];
	rr: number;
	durable: boolean;
	autoDelete: boolean;
	owner: Connection | null;
	hadConsumer: boolean;
	deleted: boolean;
	scheduled: boolean;
}

interface Consumer {
	tag: string;
	queue: Queue;
	channel: Channel;
	noAck: boolean;
	prefetch: number;
	unacked: number;
	inFlight: number;
}

interface Unacked {
	msg: Message;
	queue: Queue;
	consumer: Consumer;
}

interface Channel {
	id: number;
	conn: Connection;
	prefetch: number;
	nextTag: number;
	unacked: Map<number, Unacked>;
	consumers: Map<string, Consumer>;
	/** tags handed back to the queue by basic.cancel: acking them later is not an error */
	returned: Set<number>;
	open: boolean;
}

interface Connection {
	id: string;
	host: string;
	port: number;
	channels: Map<number, Channel>;
	nextChannel: number;
	nextConsumer: number;
	open: boolean;
}

type ExchangeType = 'direct' | 'topic' | 'fanout';
interface ExchangeDef {
	name: string;
	type: ExchangeType;
	durable: boolean;
	/** queue name → binding keys */
	bindings: Map<string, Set<string>>;
}

/** An AMQP error, answered as its reply code with the close frame's fields as the body. */
class AmqpFail {
	constructor(
		readonly code: number,
		readonly text: string,
		/** channel errors close the channel; connection errors the connection */
		readonly scope: 'channel' | 'connection' | 'none' = 'channel'
	) {}
}

type Body = Record<string, unknown>;

const VHOST = '/';
const CODE_NAMES: Record<number, string> = {
	403: 'ACCESS_REFUSED',
	404: 'NOT_FOUND',
	405: 'RESOURCE_LOCKED',
	406: 'PRECONDITION_FAILED',
	502: 'SYNTAX_ERROR',
	503: 'COMMAND_INVALID',
	504: 'CHANNEL_ERROR',
	506: 'RESOURCE_ERROR',
	530: 'NOT_ALLOWED',
	540: 'NOT_IMPLEMENTED',
	541: 'INTERNAL_ERROR'
};
const fail = (code: number, detail: string, scope: AmqpFail['scope'] = 'channel') => new AmqpFail(code, `${CODE_NAMES[code]} - ${detail}`, scope);

export interface BrokerOptions {
	print?: (stream: 'out' | 'err' | 'system', text: string) => void;
	seed?: number;
}

export interface Broker {
	handle(req: SimRequest, ex: NetExchange): SimResponse;
	/** the run is over: nothing more is delivered; says what was left in the queues */
	stop(): void;
	/** for tests: ready and unacked counts */
	stats(queue: string): { ready: number; unacked: number; consumers: number } | null;
}

export function createBroker(network: Network, options: BrokerOptions = {}): Broker {
	const random = seededRandom(options.seed ?? 5672);
	const queues = new Map<string, Queue>();
	const exchanges = new Map<string, ExchangeDef>();
	const connections = new Map<string, Connection>();
	let bindingCount = 0;
	let totalBytes = 0;
	let brokerInFlight = 0;
	let nextConnection = 1;
	let stopped = false;
	/** queues that had work when the broker-wide window was full */
	const starved = new Set<Queue>();

	const addExchange = (name: string, type: ExchangeType) => exchanges.set(name, { name, type, durable: true, bindings: new Map() });
	// RabbitMQ declares these in every vhost
	addExchange('', 'direct');
	addExchange('amq.direct', 'direct');
	addExchange('amq.topic', 'topic');
	addExchange('amq.fanout', 'fanout');
	const builtIn = exchanges.size;

	// ---- field checks ------------------------------------------------------------------------
	const str = (b: Body, k: string, dflt?: string): string => {
		const v = b[k];
		if (v === undefined && dflt !== undefined) return dflt;
		if (typeof v !== 'string') throw fail(REPLY.SYNTAX_ERROR, `field '${k}' must be a string`, 'none');
		if (v.length > L.nameLength) throw fail(REPLY.SYNTAX_ERROR, `field '${k}' is longer than ${L.nameLength} characters`, 'none');
		return v;
	};
	const bool = (b: Body, k: string, dflt: boolean): boolean => (typeof b[k] === 'boolean' ? (b[k] as boolean) : dflt);
	const int = (b: Body, k: string, min: number, max: number): number => {
		const v = b[k];
		if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw fail(REPLY.SYNTAX_ERROR, `field '${k}' must be an integer ${min}–${max}`, 'none');
		return v;
	};

	function connectionOf(b: Body): Connection {
		const id = b.connection;
		const conn = typeof id === 'string' ? connections.get(id) : undefined;
		if (!conn || !conn.open) throw fail(REPLY.CHANNEL_ERROR, 'no such connection (closed?)', 'none');
		return conn;
	}
	function channelOf(b: Body): Channel {
		const conn = connectionOf(b);
		const ch = conn.channels.get(int(b, 'channel', 1, 65535));
		if (!ch || !ch.open) throw fail(REPLY.CHANNEL_ERROR, `expected 'channel.open' (channel ${String(b.channel)} is not open)`, 'none');
		return ch;
	}
	function queueOf(name: string, conn: Connection | null): Queue {
		const q = queues.get(name);
		if (!q) throw fail(REPLY.NOT_FOUND, `no queue '${name}' in vhost '${VHOST}'`);
		if (q.owner && conn && q.owner !== conn) {
			throw fail(REPLY.RESOURCE_LOCKED, `cannot obtain exclusive access to locked queue '${name}' in vhost '${VHOST}'. It could be originally declared on another connection or the exclusive property value does not match that of the original declaration.`);
		}
		return q;
	}
	function exchangeOf(name: string): ExchangeDef {
		const x = exchanges.get(name);
		if (!x) throw fail(REPLY.NOT_FOUND, `no exchange '${name}' in vhost '${VHOST}'`);
		return x;
	}

	function properties(raw: unknown): WireProperties {
		if (raw === undefined || raw === null) return { headers: Object.create(null) };
		if (typeof raw !== 'object' || Array.isArray(raw)) throw fail(REPLY.SYNTAX_ERROR, "'properties' must be an object", 'none');
		const p = raw as Body;
		const out: WireProperties = { headers: checkHeaders(p.headers) };
		for (const k of STRING_PROPERTIES) {
			const v = p[k];
			if (v === undefined || v === null) continue;
			if (typeof v !== 'string' || v.length > L.propertyLength) throw fail(REPLY.SYNTAX_ERROR, `property '${k}' must be a string of at most ${L.propertyLength} characters`, 'none');
			out[k] = v;
		}
		for (const k of NUMBER_PROPERTIES) {
			const v = p[k];
			if (v === undefined || v === null) continue;
			if (typeof v !== 'number' || !Number.isFinite(v)) throw fail(REPLY.SYNTAX_ERROR, `property '${k}' must be a number`, 'none');
			out[k] = v;
		}
		return out;
	}
	function checkHeaders(raw: unknown): Record<string, HeaderValue> {
		const out: Record<string, HeaderValue> = Object.create(null);
		if (raw === undefined || raw === null) return out;
		if (typeof raw !== 'object' || Array.isArray(raw)) throw fail(REPLY.SYNTAX_ERROR, "'headers' must be an object", 'none');
		const entries = Object.entries(raw as Body);
		if (entries.length > L.headers) throw fail(REPLY.SYNTAX_ERROR, `more than ${L.headers} headers on one message`, 'none');
		for (const [k, v] of entries) {
			if (k.length === 0 || k.length > L.headerNameLength) throw fail(REPLY.SYNTAX_ERROR, `header names are 1–${L.headerNameLength} characters`, 'none');
			if (typeof v === 'string' && v.length > L.headerValueLength) throw fail(REPLY.SYNTAX_ERROR, `header '${k}' is longer than ${L.headerValueLength} characters`, 'none');
			if (v !== null && typeof v !== 'string' && typeof v !== 'boolean' && !(typeof v === 'number' && Number.isFinite(v))) {
				throw fail(REPLY.SYNTAX_ERROR, `header '${k}' must be a string, number, boolean or null`, 'none');
			}
			out[k] = v as HeaderValue;
		}
		return out;
	}

	// ---- delivery ----------------------------------------------------------------------------
	function schedule(q: Queue): void {
		if (q.scheduled || stopped || q.deleted) return;
		q.scheduled = true;
		// the run must not end between "a consumer can take it" and the delivery being on the wire
		const release = network.hold();
		queueMicrotask(() => {
			q.scheduled = false;
			try {
				pump(q);
			} finally {
				release();
			}
		});
	}

	const hasRoom = (c: Consumer) => c.inFlight < DELIVERY_WINDOW && (c.noAck || c.prefetch === 0 || c.unacked < c.prefetch);

	function pump(q: Queue): void {
		while (!stopped && !q.deleted && q.ready.length > 0) {
			if (brokerInFlight >= BROKER_WINDOW) {
				starved.add(q);
				return;
			}
			const n = q.consumers.length;
			let picked: Consumer | null = null;
			for (let i = 0; i < n; i++) {
				const c = q.consumers[(q.rr + i) % n];
				if (hasRoom(c)) {
					picked = c;
					q.rr = (q.rr + i + 1) % n;
					break;
				}
			}
			if (!picked) return;
			deliver(picked, q.ready.shift()!);
		}
	}

	function deliver(c: Consumer, msg: Message): void {
		const ch = c.channel;
		const tag = ch.nextTag++;
		const q = c.queue;
		if (c.noAck) forget(msg);
		else {
			ch.unacked.set(tag, { msg, queue: q, consumer: c });
			c.unacked++;
			q.unacked++;
		}
		c.inFlight++;
		brokerInFlight++;
		const release = network.hold();
		const body = {
			channel: ch.id,
			consumerTag: c.tag,
			deliveryTag: tag,
			redelivered: msg.redelivered,
			exchange: msg.exchange,
			routingKey: msg.routingKey,
			queue: q.name,
			...msg.content,
			properties: msg.properties
		};
		const conn = ch.conn;
		network
			.request(BROKER_HOST, { method: 'basic.deliver', url: `amqp://${conn.host}:${conn.port}/`, headers: headersForDisplay(msg.properties.headers), body: JSON.stringify(body) })
			.then(
				(res) => {
					// an injected error status: the consumer never saw it
					if (res.status !== 200) undelivered(ch, tag);
				},
				(e) => {
					// ECONNRESET: this delivery was lost, the broker takes it back. ECONNREFUSED/ENOTFOUND:
					// the consumer's end is gone, as when its process dies — the connection is over.
					if (isNetworkError(e) && e.code !== 'ECONNRESET') closeConnection(conn);
					else undelivered(ch, tag);
				}
			)
			.finally(() => {
				c.inFlight--;
				brokerInFlight--;
				schedule(q);
				if (starved.size > 0 && brokerInFlight < BROKER_WINDOW) {
					const waiting = [...starved];
					starved.clear();
					waiting.forEach(schedule);
				}
				release();
			});
	}

	function undelivered(ch: Channel, tag: number): void {
		const u = ch.unacked.get(tag);
		if (!u) return;
		ch.unacked.delete(tag);
		settle(u, true);
	}

	/** an unacked message leaves its consumer: back to the front of its queue, or gone */
	function settle(u: Unacked, requeue: boolean): void {
		u.consumer.unacked--;
		u.queue.unacked--;
		if (requeue && !u.queue.deleted) {
			u.msg.redelivered = true;
			u.queue.ready.unshift(u.msg);
		} else forget(u.msg);
		schedule(u.queue);
	}

	function forget(msg: Message): void {
		totalBytes -= msg.bytes;
	}

	/** unacked messages of these entries go back to the front of their queues in their original order */
	function requeueAll(entries: Unacked[]): void {
		for (let i = entries.length - 1; i >= 0; i--) settle(entries[i], true);
	}

	// ---- teardown ----------------------------------------------------------------------------
	function removeConsumer(c: Consumer): void {
		c.channel.consumers.delete(c.tag);
		const q = c.queue;
		const i = q.consumers.indexOf(c);
		if (i >= 0) {
			q.consumers.splice(i, 1);
			if (q.rr > i) q.rr--;
			if (q.rr >= q.consumers.length) q.rr = 0;
		}
		if (q.autoDelete && q.hadConsumer && q.consumers.length === 0) deleteQueue(q);
	}

	function closeChannel(ch: Channel): number {
		if (!ch.open) return 0;
		ch.open = false;
		ch.conn.channels.delete(ch.id);
		const entries = [...ch.unacked.values()];
		ch.unacked.clear();
		ch.returned.clear();
		requeueAll(entries);
		for (const c of [...ch.consumers.values()]) removeConsumer(c);
		return entries.length;
	}

	function closeConnection(conn: Connection): void {
		if (!conn.open) return;
		conn.open = false;
		connections.delete(conn.id);
		for (const ch of [...conn.channels.values()]) closeChannel(ch);
		for (const q of [...queues.values()]) if (q.owner === conn) deleteQueue(q);
	}

	function deleteQueue(q: Queue): number {
		if (q.deleted) return 0;
		q.deleted = true;
		queues.delete(q.name);
		const count = q.ready.length;
		for (const m of q.ready) forget(m);
		q.ready.clear();
		for (const x of exchanges.values()) {
			const keys = x.bindings.get(q.name);
			if (keys) {
				bindingCount -= keys.size;
				x.bindings.delete(q.name);
			}
		}
		// the broker tells each consumer (amqplib then calls its callback with null)
		for (const c of [...q.consumers]) {
			c.channel.consumers.delete(c.tag);
			const conn = c.channel.conn;
			const release = network.hold();
			network
				.request(BROKER_HOST, { method: 'basic.cancel', url: `amqp://${conn.host}:${conn.port}/`, headers: {}, body: JSON.stringify({ channel: c.channel.id, consumerTag: c.tag, queue: q.name }) })
				.catch(() => {})
				.finally(release);
		}
		q.consumers = [];
		return count;
	}

	// ---- routing -----------------------------------------------------------------------------
	function route(x: ExchangeDef, routingKey: string): Queue[] {
		if (x.name === '') {
			const q = queues.get(routingKey);
			return q ? [q] : [];
		}
		const out: Queue[] = [];
		for (const [name, keys] of x.bindings) {
			let hit = x.type === 'fanout';
			if (!hit && x.type === 'direct') hit = keys.has(routingKey);
			if (!hit && x.type === 'topic') for (const k of keys) if ((hit = topicMatches(k, routingKey))) break;
			const q = hit ? queues.get(name) : undefined;
			if (q) out.push(q);
		}
		return out;
	}

	// ---- methods -----------------------------------------------------------------------------
	const ok = (body: unknown = {}): SimResponse => ({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	const list = (names: string[]) => (names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} +${names.length - 3} more`);

	const methods: Record<string, (b: Body, ex: NetExchange, req: SimRequest) => SimResponse> = {
		'connection.open'(b, ex, req) {
			const vhost = vhostOf(req.url);
			if (vhost !== VHOST) throw fail(REPLY.NOT_ALLOWED, `vhost ${vhost} not found`, 'none');
			const host = str(b, 'host').toLowerCase();
			if (!isValidHostName(host)) throw fail(REPLY.SYNTAX_ERROR, `'${host}' is not a host name`, 'none');
			const port = int(b, 'port', 1, 65535);
			if (connections.size >= L.connections) throw fail(REPLY.NOT_ALLOWED, `more than ${L.connections} connections: the simulated broker refuses more`, 'none');
			const id = `${nextConnection++}.${Math.floor(random() * 1e9).toString(36)}`;
			connections.set(id, { id, host, port, channels: new Map(), nextChannel: 1, nextConsumer: 1, open: true });
			ex.note(`connection from ${host}`);
			return ok({ connection: id });
		},
		'connection.close'(b, ex) {
			const conn = connectionOf(b);
			closeConnection(conn);
			ex.note('connection closed');
			return ok();
		},
		'channel.open'(b, ex) {
			const conn = connectionOf(b);
			if (conn.channels.size >= L.channelsPerConnection) throw fail(REPLY.NOT_ALLOWED, `more than ${L.channelsPerConnection} channels on one connection`, 'none');
			let id = conn.nextChannel;
			while (conn.channels.has(id)) id = (id % 65535) + 1;
			conn.nextChannel = (id % 65535) + 1;
			conn.channels.set(id, { id, conn, prefetch: 0, nextTag: 1, unacked: new Map(), consumers: new Map(), returned: new Set(), open: true });
			ex.note(`channel ${id}`);
			return ok({ channel: id });
		},
		'channel.close'(b, ex) {
			const n = closeChannel(channelOf(b));
			ex.note(n ? `channel closed · ${n} unacked requeued` : 'channel closed');
			return ok();
		},
		'exchange.declare'(b, ex) {
			const ch = channelOf(b);
			void ch;
			const name = str(b, 'exchange');
			const passive = bool(b, 'passive', false);
			const existing = exchanges.get(name);
			if (passive) {
				exchangeOf(name);
				ex.note(`check exchange ${name}`);
				return ok({ exchange: name });
			}
			if (name === '' || name.startsWith('amq.')) {
				if (existing && existing.type === b.type) return ok({ exchange: name });
				throw fail(REPLY.ACCESS_REFUSED, `exchange name '${name}' contains reserved prefix 'amq.*'`);
			}
			const type = b.type;
			if (type !== 'direct' && type !== 'topic' && type !== 'fanout') {
				throw fail(REPLY.COMMAND_INVALID, `unknown exchange type '${String(type).slice(0, 50)}' (the simulated broker has direct, topic and fanout)`, 'connection');
			}
			const durable = bool(b, 'durable', true);
			if (existing) {
				if (existing.type !== type) throw fail(REPLY.PRECONDITION_FAILED, `inequivalent arg 'type' for exchange '${name}' in vhost '${VHOST}': received '${type}' but current is '${existing.type}'`);
				if (existing.durable !== durable) throw fail(REPLY.PRECONDITION_FAILED, `inequivalent arg 'durable' for exchange '${name}' in vhost '${VHOST}': received '${durable}' but current is '${existing.durable}'`);
			} else {
				if (exchanges.size - builtIn >= L.exchanges) throw fail(REPLY.RESOURCE_ERROR, `more than ${L.exchanges} exchanges: the simulated broker refuses more`);
				exchanges.set(name, { name, type, durable, bindings: new Map() });
			}
			ex.note(`declare ${type} exchange ${name}`);
			return ok({ exchange: name });
		},
		'queue.declare'(b, ex) {
			const ch = channelOf(b);
			let name = str(b, 'queue', '');
			if (bool(b, 'passive', false)) {
				const q = queueOf(name, ch.conn);
				ex.note(`check queue ${name}`);
				return ok({ queue: name, messageCount: q.ready.length, consumerCount: q.consumers.length });
			}
			if (name.startsWith('amq.')) throw fail(REPLY.ACCESS_REFUSED, `queue name '${name}' contains reserved prefix 'amq.*'`);
			const durable = bool(b, 'durable', true);
			const autoDelete = bool(b, 'autoDelete', false);
			const exclusive = bool(b, 'exclusive', false);
			if (name === '') name = serverName();
			let q = queues.get(name);
			if (q) {
				queueOf(name, ch.conn);
				if (q.durable !== durable) throw fail(REPLY.PRECONDITION_FAILED, `inequivalent arg 'durable' for queue '${name}' in vhost '${VHOST}': received '${durable}' but current is '${q.durable}'`);
				if (q.autoDelete !== autoDelete) throw fail(REPLY.PRECONDITION_FAILED, `inequivalent arg 'auto_delete' for queue '${name}' in vhost '${VHOST}': received '${autoDelete}' but current is '${q.autoDelete}'`);
			} else {
				if (queues.size >= L.queues) throw fail(REPLY.RESOURCE_ERROR, `more than ${L.queues} queues: the simulated broker refuses more`);
				q = { name, ready: new Deque(), unacked: 0, consumers: [], rr: 0, durable, autoDelete, owner: exclusive ? ch.conn : null, hadConsumer: false, deleted: false, scheduled: false };
				queues.set(name, q);
			}
			ex.note(`declare queue ${name} · ${q.ready.length} ready, ${q.consumers.length} consumers`);
			return ok({ queue: name, messageCount: q.ready.length, consumerCount: q.consumers.length });
		},
		'queue.bind'(b, ex) {
			const ch = channelOf(b);
			const q = queueOf(str(b, 'queue'), ch.conn);
			const x = exchangeOf(str(b, 'exchange'));
			const key = str(b, 'routingKey', '');
			if (x.name === '') throw fail(REPLY.ACCESS_REFUSED, `operation not permitted on the default exchange`);
			let keys = x.bindings.get(q.name);
			if (!keys?.has(key)) {
				if (bindingCount >= L.bindings) throw fail(REPLY.RESOURCE_ERROR, `more than ${L.bindings} bindings: the simulated broker refuses more`);
				if (!keys) x.bindings.set(q.name, (keys = new Set()));
				keys.add(key);
				bindingCount++;
			}
			ex.note(`bind ${q.name} ← ${x.name}${x.type === 'fanout' ? '' : ` (${key})`}`);
			return ok();
		},
		'queue.unbind'(b, ex) {
			const ch = channelOf(b);
			const q = queueOf(str(b, 'queue'), ch.conn);
			const x = exchangeOf(str(b, 'exchange'));
			const key = str(b, 'routingKey', '');
			const keys = x.bindings.get(q.name);
			if (keys?.delete(key)) {
				bindingCount--;
				if (keys.size === 0) x.bindings.delete(q.name);
			}
			ex.note(`unbind ${q.name} ← ${x.name} (${key})`);
			return ok();
		},
		'queue.purge'(b, ex) {
			const ch = channelOf(b);
			const q = queueOf(str(b, 'queue'), ch.conn);
			const n = q.ready.length;
			for (const m of q.ready) forget(m);
			q.ready.clear();
			ex.note(`purge ${q.name} · ${n} messages`);
			return ok({ messageCount: n });
		},
		'queue.delete'(b, ex) {
			const ch = channelOf(b);
			const name = str(b, 'queue');
			const q = queues.get(name);
			// RabbitMQ answers delete-ok for a queue that is not there
			if (!q) return ok({ messageCount: 0 });
			queueOf(name, ch.conn);
			if (bool(b, 'ifUnused', false) && q.consumers.length > 0) throw fail(REPLY.PRECONDITION_FAILED, `queue '${name}' in vhost '${VHOST}' in use`);
			if (bool(b, 'ifEmpty', false) && q.ready.length > 0) throw fail(REPLY.PRECONDITION_FAILED, `queue '${name}' in vhost '${VHOST}' is not empty`);
			const n = deleteQueue(q);
			ex.note(`delete queue ${name} · ${n} messages`);
			return ok({ messageCount: n });
		},
		'basic.qos'(b, ex) {
			const ch = channelOf(b);
			ch.prefetch = int(b, 'prefetchCount', 0, 65535);
			ex.note(`prefetch ${ch.prefetch}`);
			return ok();
		},
		'basic.consume'(b, ex) {
			const ch = channelOf(b);
			const q = queueOf(str(b, 'queue'), ch.conn);
			if (ch.consumers.size >= L.consumersPerChannel) throw fail(REPLY.RESOURCE_ERROR, `more than ${L.consumersPerChannel} consumers on one channel`);
			let tag = str(b, 'consumerTag', '');
			if (tag === '') tag = `amq.ctag-${token()}`;
			else if (ch.consumers.has(tag)) throw fail(REPLY.NOT_ALLOWED, `attempt to reuse consumer tag '${tag}'`, 'connection');
			// basic.qos with global=false applies to consumers started after it, as in RabbitMQ
			const c: Consumer = { tag, queue: q, channel: ch, noAck: bool(b, 'noAck', false), prefetch: ch.prefetch, unacked: 0, inFlight: 0 };
			ch.consumers.set(tag, c);
			q.consumers.push(c);
			q.hadConsumer = true;
			schedule(q);
			ex.note(`consume ${q.name}${c.noAck ? ' (noAck)' : ''}`);
			return ok({ consumerTag: tag });
		},
		'basic.cancel'(b, ex) {
			const ch = channelOf(b);
			const tag = str(b, 'consumerTag');
			const c = ch.consumers.get(tag);
			let n = 0;
			if (c) {
				// its unacked messages stay with the channel until acked or the channel closes, as in RabbitMQ…
				// …but a learner expects cancel to hand them back, and RabbitMQ does on channel close: do it now
				const mine = [...ch.unacked.entries()].filter(([, u]) => u.consumer === c);
				for (const [t] of mine) {
					ch.unacked.delete(t);
					if (ch.returned.size < 10_000) ch.returned.add(t);
				}
				n = mine.length;
				removeConsumer(c);
				requeueAll(mine.map(([, u]) => u));
			}
			ex.note(n ? `cancel ${tag} · ${n} unacked requeued` : `cancel ${tag}`);
			return ok({ consumerTag: tag });
		},
		'basic.publish'(b, ex, req) {
			const ch = channelOf(b);
			void ch;
			const x = exchangeOf(str(b, 'exchange', ''));
			const routingKey = str(b, 'routingKey', '');
			const props = properties(b.properties);
			const bytes = decodeContent(b as { content?: unknown; content64?: unknown });
			if (!bytes) throw fail(REPLY.SYNTAX_ERROR, "a message needs 'content' (text) or 'content64' (base64)", 'none');
			if (bytes.length > L.messageBytes) throw fail(REPLY.PRECONDITION_FAILED, `message size ${bytes.length} is larger than the simulated broker's maximum of ${L.messageBytes} bytes`);
			void req;
			const targets = route(x, routingKey);
			if (targets.length === 0) {
				ex.note(`publish → ${x.name ? `${x.name} (${routingKey})` : routingKey} · unroutable, dropped`);
				return ok({ routed: 0 });
			}
			for (const q of targets) {
				if (q.ready.length >= L.messagesPerQueue) throw fail(REPLY.PRECONDITION_FAILED, `queue '${q.name}' is full: the simulated broker holds at most ${L.messagesPerQueue} messages per queue`, 'none');
			}
			if (totalBytes + bytes.length * targets.length > L.totalBytes) throw fail(REPLY.RESOURCE_ERROR, `the simulated broker holds at most ${L.totalBytes / 1024 / 1024} MB of messages`, 'none');
			const content: WireContent = typeof b.content === 'string' ? { content: b.content } : { content64: b.content64 as string };
			for (const q of targets) {
				q.ready.push({ exchange: x.name, routingKey, content, bytes: bytes.length, properties: props, redelivered: false });
				totalBytes += bytes.length;
				schedule(q);
			}
			ex.note(`publish → ${list(targets.map((q) => q.name))}`);
			return ok({ routed: targets.length });
		},
		'basic.ack'(b, ex) {
			const ch = channelOf(b);
			const { entries, tag, multiple } = takeUnacked(ch, b);
			for (const u of entries) settle(u, false);
			ex.note(multiple ? `ack up to #${tag} · ${entries.length} messages` : `ack #${tag}`);
			return ok();
		},
		'basic.nack'(b, ex) {
			return reject(b, ex, 'nack');
		},
		'basic.reject'(b, ex) {
			return reject(b, ex, 'reject');
		}
	};

	function reject(b: Body, ex: NetExchange, verb: string): SimResponse {
		const ch = channelOf(b);
		const requeue = bool(b, 'requeue', true);
		const { entries, tag, multiple } = takeUnacked(ch, b, verb === 'nack');
		if (requeue) requeueAll(entries);
		else for (const u of entries) settle(u, false);
		// no dead-letter exchanges here: a message rejected without requeue is gone
		ex.note(`${verb} ${multiple ? `up to #${tag} · ${entries.length} messages` : `#${tag}`} · ${requeue ? 'requeued' : 'dropped'}`);
		return ok();
	}

	function takeUnacked(ch: Channel, b: Body, allowMultiple = true): { entries: Unacked[]; tag: number; multiple: boolean } {
		const tag = int(b, 'deliveryTag', 0, Number.MAX_SAFE_INTEGER);
		const multiple = allowMultiple && bool(b, 'multiple', false);
		const entries: Unacked[] = [];
		if (multiple) {
			for (const [t, u] of ch.unacked) {
				if (tag !== 0 && t > tag) break;
				entries.push(u);
				ch.unacked.delete(t);
			}
		} else {
			const u = ch.unacked.get(tag);
			if (u) {
				entries.push(u);
				ch.unacked.delete(tag);
			} else if (ch.returned.delete(tag)) return { entries, tag, multiple };
		}
		// acking what was never delivered (or twice) is a channel error in RabbitMQ
		if (entries.length === 0 && !(multiple && tag === 0)) throw fail(REPLY.PRECONDITION_FAILED, `unknown delivery tag ${tag}`);
		return { entries, tag, multiple };
	}

	function serverName(): string {
		let name: string;
		do name = `amq.gen-${token()}`;
		while (queues.has(name));
		return name;
	}
	function token(): string {
		const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
		let s = '';
		for (let i = 0; i < 22; i++) s += abc[Math.floor(random() * 64)];
		return s;
	}

	function answerFailure(f: AmqpFail, method: string, b: Body | null): SimResponse {
		// a channel error closes the channel (its unacked messages go back), as RabbitMQ does
		if (b && f.scope !== 'none') {
			try {
				if (f.scope === 'channel') closeChannel(channelOf(b));
				else closeConnection(connectionOf(b));
			} catch {
				// no such channel: nothing to close
			}
		}
		const [classId, methodId] = Object.hasOwn(METHODS, method) ? METHODS[method] : [0, 0];
		const close: CloseBody = { code: f.code, text: f.text, classId, methodId, closes: f.scope };
		return { status: f.code, headers: { 'content-type': 'application/json' }, body: JSON.stringify(close) };
	}

	return {
		handle(req, ex) {
			const method = String(req.method).toLowerCase();
			let body: Body | null = null;
			try {
				if (stopped) throw fail(REPLY.CHANNEL_ERROR, 'the broker is shutting down', 'none');
				if (typeof req.body !== 'string' || req.body.length > L.messageBytes * 2) throw fail(REPLY.SYNTAX_ERROR, 'request body too large', 'none');
				let parsed: unknown;
				try {
					parsed = JSON.parse(req.body || '{}');
				} catch {
					throw fail(REPLY.SYNTAX_ERROR, 'the request body is not JSON', 'none');
				}
				if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw fail(REPLY.SYNTAX_ERROR, 'the request body must be a JSON object', 'none');
				body = parsed as Body;
				const m = Object.hasOwn(methods, method) ? methods[method] : undefined;
				if (!m) throw fail(REPLY.NOT_IMPLEMENTED, `method '${method.slice(0, 50)}' is not something the simulated broker does`, 'none');
				return m(body, ex, req);
			} catch (e) {
				const f = e instanceof AmqpFail ? e : new AmqpFail(541, `INTERNAL_ERROR - ${e instanceof Error ? e.message : String(e)}`, 'none');
				try {
					ex.note(f.text.slice(0, 200));
					return answerFailure(f, method, body);
				} catch {
					// never throw out of a handler: the sender would see a reset connection
					return { status: 541, headers: {}, body: '{"code":541,"text":"INTERNAL_ERROR","classId":0,"methodId":0,"closes":"none"}' };
				}
			}
		},
		stop() {
			if (stopped) return;
			stopped = true;
			const left = [...queues.values()].filter((q) => q.ready.length + q.unacked > 0);
			for (const q of left.slice(0, 5)) {
				const n = q.ready.length + q.unacked;
				options.print?.('system', `${n} ${n === 1 ? 'message' : 'messages'} left in queue '${q.name}'${q.unacked ? ` (${q.unacked} delivered but not acked)` : ''}`);
			}
			if (left.length > 5) options.print?.('system', `… and ${left.length - 5} more queues with messages left`);
		},
		stats(name) {
			const q = queues.get(name);
			return q ? { ready: q.ready.length, unacked: q.unacked, consumers: q.consumers.length } : null;
		}
	};
}

function vhostOf(url: string): string {
	try {
		const path = new URL(url).pathname;
		if (path === '' || path === '/') return '/';
		return decodeURIComponent(path.slice(1));
	} catch {
		return '?';
	}
}

import type { Network } from '../network/network';
import { Deque } from './deque';
import { REDIS_LIMITS, ReplyError } from './keyspace';
import { MESSAGE_METHOD, REDIS_HOST, type RedisReply } from './wire';

interface Subscriber {
	addr: string;
	host: string;
	port: number;
	channels: Set<string>;
	/** messages not yet pushed, in publish order */
	queue: Deque<[channel: string, message: string]>;
	pumping: boolean;
	gone: boolean;
}

/**
 * Channels and the connections subscribed to them. A message is pushed to each subscriber as a
 * request from host `redis` to the subscriber's address, one at a time per subscriber so they
 * arrive in publish order; the network is held while any wait, so the run does not end under them.
 */
export class PubSub {
	readonly #channels = new Map<string, Set<Subscriber>>();
	readonly #subs = new Map<string, Subscriber>();
	#stopped = false;

	constructor(private readonly network: Network) {}

	isSubscribed(addr: string): boolean {
		return (this.#subs.get(addr)?.channels.size ?? 0) > 0;
	}

	/** RESP's confirmations: ["subscribe", channel, count] per channel */
	subscribe(conn: { addr: string; host: string; port: number }, channels: readonly string[]): RedisReply {
		let sub = this.#subs.get(conn.addr);
		if (!sub) {
			if (this.#subs.size >= REDIS_LIMITS.maxClients) throw new ReplyError('ERR max number of clients reached');
			sub = { ...conn, channels: new Set(), queue: new Deque(), pumping: false, gone: false };
			this.#subs.set(conn.addr, sub);
		}
		const out: RedisReply[] = [];
		for (const ch of channels) {
			if (!sub.channels.has(ch)) {
				if (sub.channels.size >= REDIS_LIMITS.maxChannelsPerClient) throw new ReplyError('ERR max number of subscriptions reached');
				sub.channels.add(ch);
				let set = this.#channels.get(ch);
				if (!set) this.#channels.set(ch, (set = new Set()));
				set.add(sub);
			}
			out.push(['subscribe', ch, sub.channels.size]);
		}
		return out;
	}

	/** no channels: every channel of the connection */
	unsubscribe(addr: string | null, channels: readonly string[]): RedisReply {
		const sub = addr === null ? undefined : this.#subs.get(addr);
		const which = channels.length > 0 ? channels : sub ? [...sub.channels] : [];
		const out: RedisReply[] = [];
		for (const ch of which) {
			if (sub?.channels.delete(ch)) {
				const set = this.#channels.get(ch);
				set?.delete(sub);
				if (set?.size === 0) this.#channels.delete(ch);
			}
			out.push(['unsubscribe', ch, sub?.channels.size ?? 0]);
		}
		if (out.length === 0) out.push(['unsubscribe', null, 0]);
		if (sub && sub.channels.size === 0 && !sub.pumping) this.#forget(sub);
		return out;
	}

	/** how many subscribers the message goes to */
	publish(channel: string, message: string): number {
		const set = this.#channels.get(channel);
		if (!set) return 0;
		for (const sub of [...set]) {
			if (sub.queue.length >= REDIS_LIMITS.maxPendingMessages) {
				// Redis closes a subscriber that reads too slowly (client-output-buffer-limit pubsub)
				this.#forget(sub);
				continue;
			}
			sub.queue.pushBack([channel, message]);
			if (!sub.pumping) void this.#pump(sub);
		}
		return set.size;
	}

	/** forgets the connection: subscriptions and messages not yet pushed */
	drop(addr: string): void {
		const sub = this.#subs.get(addr);
		if (sub) this.#forget(sub);
	}

	#forget(sub: Subscriber): void {
		if (sub.gone) return;
		sub.gone = true;
		if (this.#subs.get(sub.addr) === sub) this.#subs.delete(sub.addr);
		for (const ch of sub.channels) {
			const set = this.#channels.get(ch);
			set?.delete(sub);
			if (set?.size === 0) this.#channels.delete(ch);
		}
		sub.channels.clear();
		while (sub.queue.length) sub.queue.popFront();
	}

	stop(): void {
		this.#stopped = true;
		for (const addr of [...this.#subs.keys()]) this.drop(addr);
	}

	async #pump(sub: Subscriber): Promise<void> {
		sub.pumping = true;
		const release = this.network.hold();
		try {
			while (!this.#stopped && !sub.gone && sub.queue.length > 0) {
				const [channel, message] = sub.queue.popFront()!;
				try {
					await this.network.request(REDIS_HOST, {
						method: MESSAGE_METHOD,
						url: `redis://${sub.host}:${sub.port}/`,
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify([channel, message])
					});
				} catch (e) {
					// a reset loses this message (the client reconnects and resubscribes, as node-redis
					// does); no one listening there any more means the subscriber is gone
					if ((e as { code?: unknown }).code !== 'ECONNRESET') this.#forget(sub);
				}
			}
		} finally {
			sub.pumping = false;
			if (sub.channels.size === 0) this.#forget(sub);
			release();
		}
	}
}

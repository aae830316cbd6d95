import { Deque } from './deque';

/** What one run's Redis may hold; past these a write fails as a full Redis does (OOM). */
export const REDIS_LIMITS = {
	maxKeys: 100_000,
	/** one argument (a key, a value, a message), in characters */
	maxArgLength: 1024 * 1024,
	maxArgs: 10_000,
	maxListLength: 100_000,
	maxHashFields: 100_000,
	/** every key, value and field together, in characters */
	maxMemory: 32 * 1024 * 1024,
	/** connections with subscriptions or blocked commands */
	maxClients: 1_000,
	maxBlocked: 10_000,
	maxChannelsPerClient: 10_000,
	/** messages waiting to be pushed to one subscriber before it is dropped (client-output-buffer-limit) */
	maxPendingMessages: 10_000
} as const;

/** An error reply (WRONGTYPE …, ERR …): thrown inside a command, answered as {"error": message}. */
export class ReplyError extends Error {}

export const WRONGTYPE = 'WRONGTYPE Operation against a key holding the wrong kind of value';
export const NOT_INTEGER = 'ERR value is not an integer or out of range';
export const SYNTAX = 'ERR syntax error';
export const OOM = "OOM command not allowed when used memory > 'maxmemory'.";

export type Entry =
	| { type: 'string'; value: string; bytes: number; expiresAt: number | null }
	| { type: 'list'; value: Deque<string>; bytes: number; expiresAt: number | null }
	| { type: 'hash'; value: Map<string, string>; bytes: number; expiresAt: number | null };

/**
 * One run's keys: types, expiry on the run's clock (checked when a key is read, as Redis does
 * lazily), and what it all weighs. Keys live in a Map, so `__proto__` is just a key.
 */
export class Keyspace {
	readonly #keys = new Map<string, Entry>();
	/** keys with a TTL, swept only when the keyspace is full */
	readonly #volatile = new Set<string>();
	#used = 0;
	#lastSweep = -Infinity;

	constructor(readonly now: () => number) {}

	get size(): number {
		return this.#keys.size;
	}

	get used(): number {
		return this.#used;
	}

	/** the live entry under `key` (an expired one is deleted first) */
	get(key: string): Entry | undefined {
		const e = this.#keys.get(key);
		if (e && e.expiresAt !== null && e.expiresAt <= this.now()) {
			this.delete(key);
			return undefined;
		}
		return e;
	}

	getOfType<T extends Entry['type']>(key: string, type: T): Extract<Entry, { type: T }> | undefined {
		const e = this.get(key);
		if (e && e.type !== type) throw new ReplyError(WRONGTYPE);
		return e as Extract<Entry, { type: T }> | undefined;
	}

	delete(key: string): boolean {
		const e = this.#keys.get(key);
		if (!e) return false;
		this.#used -= e.bytes + key.length;
		this.#keys.delete(key);
		this.#volatile.delete(key);
		return true;
	}

	/** Fails with OOM unless `extra` characters (and a new key, if `newKey`) fit. */
	reserve(extra: number, newKey: boolean): void {
		if (newKey && this.#keys.size >= REDIS_LIMITS.maxKeys) this.#sweep();
		if ((newKey && this.#keys.size >= REDIS_LIMITS.maxKeys) || this.#used + extra > REDIS_LIMITS.maxMemory) {
			if (this.#used + extra > REDIS_LIMITS.maxMemory) this.#sweep();
			if ((newKey && this.#keys.size >= REDIS_LIMITS.maxKeys) || this.#used + extra > REDIS_LIMITS.maxMemory) throw new ReplyError(OOM);
		}
	}

	/** Adds a key (after reserve) or replaces one; `bytes` is the value's weight. */
	put(key: string, entry: Entry): void {
		const old = this.#keys.get(key);
		if (old) this.#used -= old.bytes + key.length;
		this.#keys.set(key, entry);
		this.#used += entry.bytes + key.length;
		this.setExpiry(key, entry, entry.expiresAt);
	}

	/** A value grew or shrank in place by `delta` characters. */
	resize(entry: Entry, delta: number): void {
		entry.bytes += delta;
		this.#used += delta;
	}

	setExpiry(key: string, entry: Entry, at: number | null): void {
		entry.expiresAt = at;
		if (at === null) this.#volatile.delete(key);
		else this.#volatile.add(key);
	}

	/** drops expired keys; at most every 100 ms, so a full keyspace does not cost a scan per write */
	#sweep(): void {
		const now = this.now();
		if (now - this.#lastSweep < 100) return;
		this.#lastSweep = now;
		for (const key of this.#volatile) {
			const e = this.#keys.get(key);
			if (!e || (e.expiresAt !== null && e.expiresAt <= now)) this.delete(key);
		}
	}
}

import { Deque } from './deque';
import { REDIS_LIMITS, ReplyError, type Keyspace } from './keyspace';

export type WaitResult = { popped: [key: string, element: string] } | { timeout: true } | { closed: string };

interface Waiter {
	keys: readonly string[];
	/** BLPOP pops the head, BRPOP the tail */
	left: boolean;
	conn: string | null;
	done: boolean;
	timer: unknown;
	resolve(r: WaitResult): void;
}

export interface Timers {
	setTimer(fn: () => void, ms: number): unknown;
	clearTimer(id: unknown): void;
}

// setTimeout fires at once past this; a longer wait is simply "for the rest of the run"
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Clients blocked in BRPOP/BLPOP, per key in arrival order: a push hands its elements to the
 * longest-waiting client first, as Redis serves blocked clients. A waiter on several keys sits in
 * each key's queue; once served (or timed out) it is skipped wherever else it still sits.
 */
export class Blocking {
	readonly #byKey = new Map<string, Deque<Waiter>>();
	readonly #all = new Set<Waiter>();

	constructor(
		private readonly ks: Keyspace,
		private readonly timers: Timers
	) {}

	get count(): number {
		return this.#all.size;
	}

	/** Waits for an element on one of `keys`; timeoutMs 0 waits for ever (until closed). */
	block(keys: readonly string[], left: boolean, timeoutMs: number, conn: string | null): Promise<WaitResult> {
		if (this.#all.size >= REDIS_LIMITS.maxBlocked) throw new ReplyError('ERR max number of clients reached');
		return new Promise<WaitResult>((resolve) => {
			const w: Waiter = { keys, left, conn, done: false, timer: null, resolve };
			this.#all.add(w);
			for (const k of new Set(keys)) {
				let q = this.#byKey.get(k);
				if (!q) this.#byKey.set(k, (q = new Deque()));
				q.pushBack(w);
			}
			if (timeoutMs > 0) w.timer = this.timers.setTimer(() => this.#finish(w, { timeout: true }), Math.min(timeoutMs, MAX_TIMER_MS));
		});
	}

	/** After a push to `key`: hand its elements to the clients waiting on it, oldest first. */
	serve(key: string): void {
		const q = this.#byKey.get(key);
		if (!q) return;
		for (;;) {
			while (q.length > 0 && q.peekFront()!.done) q.popFront();
			if (q.length === 0) {
				this.#byKey.delete(key);
				return;
			}
			const list = this.ks.get(key);
			if (!list || list.type !== 'list' || list.value.length === 0) return;
			const w = q.popFront()!;
			const element = (w.left ? list.value.popFront() : list.value.popBack())!;
			this.ks.resize(list, -element.length);
			if (list.value.length === 0) this.ks.delete(key);
			this.#finish(w, { popped: [key, element] });
		}
	}

	/** The connection went away (QUIT): its waiters are answered and forgotten. */
	dropConn(addr: string, why: string): void {
		for (const w of [...this.#all]) if (w.conn === addr) this.#finish(w, { closed: why });
	}

	closeAll(why: string): void {
		for (const w of [...this.#all]) this.#finish(w, { closed: why });
		this.#byKey.clear();
	}

	#finish(w: Waiter, r: WaitResult): void {
		if (w.done) return;
		w.done = true;
		this.#all.delete(w);
		if (w.timer !== null) this.timers.clearTimer(w.timer);
		// done waiters at the front of its other queues go now, so timed-out waiters do not pile up
		for (const k of w.keys) {
			const q = this.#byKey.get(k);
			if (!q) continue;
			while (q.length > 0 && q.peekFront()!.done) q.popFront();
			if (q.length === 0) this.#byKey.delete(k);
		}
		w.resolve(r);
	}
}

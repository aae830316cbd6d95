// Both ends of a service's port send through an outbox: messages posted in one burst leave
// together, as one batch (protocol.ts). Order is kept; a batch never exceeds the page's
// limits, so a burst is split into several. A lone message goes as itself.
import { PROTOCOL_VERSION, WIRE_LIMITS, messageChars, type BatchMessage } from './protocol';

export interface Outbox<M> {
	/** queues `msg`; it leaves with the rest of its burst, a few microtasks later */
	post(msg: M): void;
	/** sends what is queued now */
	flush(): void;
	/** forgets what is queued (the port is closed) */
	clear(): void;
}

/**
 * Runs `fn` once the current task's promise chains have moved on a few steps: what a burst of
 * answers sets off (each answer a chain of awaits of about the same length) is queued by then, so
 * it leaves together — without waiting a whole task, which a busy page makes long and every
 * request/answer would pay twice.
 */
const HOPS = 8;

export function afterBurst(fn: () => void): void {
	let left = HOPS;
	const hop = () => (--left > 0 ? queueMicrotask(hop) : fn());
	queueMicrotask(hop);
}

/**
 * `send` posts one message on the port; it may throw (a value that cannot be cloned), in which case
 * the batch is retried message by message so `send` can deal with the one that failed.
 */
export function createOutbox<M>(send: (msg: M | BatchMessage<M>) => void, schedule: (fn: () => void) => void): Outbox<M> {
	let queue: M[] = [];
	let scheduled = false;

	const post = (msgs: M[]) => {
		if (msgs.length === 1) return send(msgs[0]);
		try {
			send({ v: PROTOCOL_VERSION, t: 'batch', m: msgs });
		} catch {
			for (const m of msgs) send(m);
		}
	};

	const flush = () => {
		scheduled = false;
		const msgs = queue;
		queue = [];
		let start = 0;
		let chars = 0;
		for (let i = 0; i < msgs.length; i++) {
			const c = messageChars(msgs[i]);
			if (i > start && (i - start >= WIRE_LIMITS.maxBatchEntries || chars + c > WIRE_LIMITS.maxBatchChars)) {
				post(msgs.slice(start, i));
				start = i;
				chars = 0;
			}
			chars += c;
		}
		if (start < msgs.length) post(start === 0 ? msgs : msgs.slice(start));
	};

	return {
		post(msg) {
			queue.push(msg);
			if (!scheduled) {
				scheduled = true;
				schedule(flush);
			}
		},
		flush() {
			if (queue.length) flush();
		},
		clear() {
			queue = [];
		}
	};
}

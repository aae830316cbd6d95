// Both ends of a service's port send through an outbox: messages posted during one task leave
// together at its end, as one batch (protocol.ts). Order is kept; a batch never exceeds the page's
// limits, so a burst is split into several. A lone message goes as itself.
import { PROTOCOL_VERSION, WIRE_LIMITS, messageChars, type BatchMessage } from './protocol';

export interface Outbox<M> {
	/** queues `msg`; it leaves at the end of the current task */
	post(msg: M): void;
	/** sends what is queued now */
	flush(): void;
	/** forgets what is queued (the port is closed) */
	clear(): void;
}

/**
 * Runs `fn` after the current task (and its microtasks): a message to ourselves, not a 4 ms timer.
 * One channel per realm, so the page's outboxes (one per service) cost one wake-up a task together.
 */
let channel: MessageChannel | null = null;
let queued: (() => void)[] = [];

export function afterTask(fn: () => void): void {
	if (!channel) {
		channel = new MessageChannel();
		channel.port1.onmessage = () => {
			const fns = queued;
			queued = [];
			for (const f of fns) f();
		};
	}
	queued.push(fn);
	if (queued.length === 1) channel.port2.postMessage(null);
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

// The page's end of one sandboxed service: calls go out as plain messages on its port, and every
// message that comes back is checked (validate.ts) before the world sees it. A service that sends
// something malformed, floods the port or crashes is stopped, and the world is told why through
// the same `error` it gets for the learner's own uncaught errors.
import type { MappedError } from '../sourcemap/stack';
import type { RunErrorKind } from '../world/types';
import type { HostApi, RemoteServiceApi } from '../service/protocol';
import { WorkerStopped, type ServiceLink } from '../world/service-handle';
import { within } from '../world/limits';
import { PROTOCOL_VERSION, WIRE_LIMITS, type CallMessage, type CallResults, type FromService, type HostReturnMessage, type ServiceMethod, type ToService } from './protocol';
import { checkResult, checkWire } from './validate';
import { afterBurst, createOutbox, type Outbox } from './outbox';

/**
 * Messages acted on in one task at most: a batch of 512 (AMQP deliveries, span packets) acted on at
 * once set off a broker's and a network's work for all of them in one task, 70–110 ms on a loaded
 * machine. The rest wait for the next task, in order, and whatever arrives meanwhile queues behind.
 */
export const MESSAGES_PER_TASK = 64;

/** the next task, without setTimeout's 4 ms clamp once nested */
function nextTask(fn: () => void): void {
	const { port1, port2 } = new MessageChannel();
	port1.onmessage = () => {
		port1.close();
		fn();
	};
	port2.postMessage(null);
}

interface PendingCall {
	method: ServiceMethod;
	resolve(value: unknown): void;
	reject(e: Error): void;
}

export class SandboxServiceLink implements ServiceLink {
	service = '';
	stopped = false;
	readonly ready: Promise<unknown>;
	readonly remote: RemoteServiceApi;
	readonly #port: MessagePort;
	readonly #kill: () => void;
	readonly #calls = new Map<number, PendingCall>();
	#nextId = 0;
	#host: HostApi | null = null;
	#stop!: (e: Error) => void;
	readonly #stoppedPromise: Promise<never>;
	/** the first message starts a window (performance.now() may be under a second in a fresh realm) */
	#windowStart = -Infinity;
	#windowCount = 0;
	#windowEntries = 0;
	/** calls and answers to the service leave together, a burst at a time */
	readonly #out: Outbox<ToService>;
	/** why the link was stopped before the world gave it a host to tell: told at start() */
	#untold: { error: MappedError; where: RunErrorKind } | null = null;
	/** checked messages not acted on yet (a big batch, a slice per task); `#inboxHead` is the next */
	#inbox: FromService[] = [];
	#inboxHead = 0;
	#draining = false;
	readonly #yield: (fn: () => void) => void;
	/** requests received from the service and answers posted to it */
	#activity = 0;

	constructor(port: MessagePort, kill: () => void, yieldTask: (fn: () => void) => void = nextTask) {
		this.#port = port;
		this.#kill = kill;
		this.#yield = yieldTask;
		this.#stoppedPromise = new Promise<never>((_, reject) => (this.#stop = reject));
		this.#stoppedPromise.catch(() => {});
		this.#out = createOutbox<ToService>((m) => this.#port.postMessage(m), afterBurst);
		port.onmessage = (ev) => this.#receive(ev);
		this.remote = {
			ping: () => this.#call('ping', []),
			start: (opts, host) => {
				this.#host = host;
				if (this.#untold) host.error(this.#untold.error, this.#untold.where);
				return this.#call('start', [opts]);
			},
			main: () => this.#call('main', []),
			handle: (p, req) => this.#call('handle', [p, req]),
			shutdown: () => this.#call('shutdown', []),
			status: () => this.#call('status', [])
		};
		this.ready = this.remote.ping();
		this.ready.catch(() => {});
	}

	call<T>(fn: (api: RemoteServiceApi) => Promise<T>): Promise<T> {
		if (this.stopped) return Promise.reject(new WorkerStopped(this.service));
		return Promise.race([fn(this.remote), this.#stoppedPromise]);
	}

	async responsive(ms: number): Promise<boolean> {
		if (this.stopped) return false;
		const answered = await within(this.remote.status().then(() => true, () => false), ms);
		return answered.done && answered.value;
	}

	activity(): number {
		return this.#activity;
	}

	stop(): void {
		if (this.stopped) return;
		this.stopped = true;
		this.#kill();
		this.#out.clear();
		this.#inbox = [];
		this.#inboxHead = 0;
		this.#port.onmessage = null;
		this.#port.close();
		const stopped = new WorkerStopped(this.service);
		this.#stop(stopped);
		for (const c of this.#calls.values()) c.reject(stopped);
		this.#calls.clear();
	}

	/** The frame saw the worker die (out of memory, or broken): tell the world, then stop. */
	crashed(message: string): void {
		if (this.stopped) return;
		const memory = /memory|allocation/i.test(message);
		this.#fault(memory ? 'ran out of memory and was stopped by the browser' : `stopped unexpectedly (${message})`, memory ? 'out of memory' : 'crash');
	}

	#call<M extends ServiceMethod>(method: M, a: unknown[]): Promise<CallResults[M]> {
		if (this.stopped) return Promise.reject(new WorkerStopped(this.service));
		const id = ++this.#nextId;
		return new Promise<CallResults[M]>((resolve, reject) => {
			this.#calls.set(id, { method, resolve: resolve as (v: unknown) => void, reject });
			this.#out.post({ v: PROTOCOL_VERSION, t: 'call', id, m: method, a } as CallMessage);
		});
	}

	#receive(ev: MessageEvent) {
		// ports are never accepted from the sandbox
		for (const p of ev.ports) p.close();
		if (this.stopped) return;
		const entries = ev.data?.t === 'batch' && Array.isArray(ev.data.m) ? ev.data.m.length : 1;
		const flood = this.#flooding(entries);
		if (flood) return this.#actOnQueued(), this.#fault(flood, 'message flood');
		const checked = checkWire(ev.data);
		if (!checked.ok) return this.#actOnQueued(), this.#fault(`sent a message the page refused: ${checked.reason}`, 'protocol');
		for (const msg of checked.value) this.#inbox.push(msg);
		if (!this.#draining) this.#drain();
	}

	/** What came before a fault is acted on before it, as it was when each batch was acted on at once. */
	#actOnQueued() {
		while (this.#inboxHead < this.#inbox.length && !this.stopped) this.#act(this.#inbox[this.#inboxHead++]);
	}

	/** Acts on queued messages, MESSAGES_PER_TASK of them, then leaves the rest to the next task. */
	#drain() {
		this.#draining = true;
		let acted = 0;
		while (this.#inboxHead < this.#inbox.length) {
			if (this.stopped) return;
			if (acted++ === MESSAGES_PER_TASK) return this.#yield(() => this.#drain());
			this.#act(this.#inbox[this.#inboxHead++]);
		}
		this.#inbox = [];
		this.#inboxHead = 0;
		this.#draining = false;
	}

	#act(msg: FromService) {
		if (msg.t === 'ret') {
			const call = this.#calls.get(msg.id);
			if (!call) return this.#fault('answered a call that was never made', 'protocol');
			this.#calls.delete(msg.id);
			if (!msg.ok) return call.reject(new Error(msg.error));
			const result = checkResult(call.method, msg.value);
			if (!result.ok) return this.#fault(`answered ${call.method}() with something the page refused: ${result.reason}`, 'protocol');
			return call.resolve(result.value);
		}
		const host = this.#host;
		if (!host) return this.#fault('asked the world for something before it was started', 'protocol');
		switch (msg.m) {
			case 'send':
				this.#activity++;
				return void host.send(msg.a[0]).then((value) => this.#answer(msg.id, value));
			case 'listen':
				return void host.listen(msg.a[0]).then((value) => this.#answer(msg.id, value));
			case 'unlisten':
				return host.unlisten(msg.a[0]);
			case 'output':
				return host.output(msg.a[0]);
			case 'error':
				return host.error(msg.a[0], msg.a[1]);
			case 'exit':
				// process.exit: the world records the end; nothing the worker sends after it is acted on
				host.exit(msg.a[0]);
				return this.stop();
		}
	}

	#answer(id: number, value: HostReturnMessage['value']) {
		if (this.stopped) return;
		this.#activity++;
		this.#out.post({ v: PROTOCOL_VERSION, t: 'hostret', id, value } satisfies HostReturnMessage);
	}

	/** why the service counts as flooding the port, if it does (`entries`: messages in what just came) */
	#flooding(entries: number): string | null {
		const now = performance.now();
		if (now - this.#windowStart > 1000) {
			this.#windowStart = now;
			this.#windowCount = 0;
			this.#windowEntries = 0;
		}
		this.#windowEntries += entries;
		if (++this.#windowCount > WIRE_LIMITS.maxMessagesPerSecond || this.#windowEntries > WIRE_LIMITS.maxEntriesPerSecond) {
			const n = this.#windowCount > WIRE_LIMITS.maxMessagesPerSecond ? WIRE_LIMITS.maxMessagesPerSecond : WIRE_LIMITS.maxEntriesPerSecond;
			return `sent more than ${n.toLocaleString('en')} messages in a second (a loop that prints or calls?)`;
		}
		return null;
	}

	#fault(message: string, where: RunErrorKind) {
		const error: MappedError = { name: 'Error', message, stack: message, file: null, line: null, column: null };
		if (this.#host) this.#host.error(error, where);
		else this.#untold = { error, where };
		this.stop();
	}
}

// The one protocol between the page and a learner service in the sandbox. Plain data only, over one
// MessagePort per service: nothing here names a property path, a function or a port of the page,
// and the page checks every message the sandbox sends (validate.ts) before it acts on it.
//
// Calls go both ways and are answered by id:
//   page → service  {t:'call', id, m: ServiceMethod, a}      answered by {t:'ret', id, ok, value | error}
//   service → page  {t:'host', id, m: 'send' | 'listen', a}  answered by {t:'hostret', id, value}
//   service → page  {t:'host', m: 'unlisten' | 'output' | 'error', a}   (no answer)
//   service → page  {t:'host', m: 'exit', a: [status 0–255]}   process.exit(): the service's last word;
//                   the page acts on nothing after it and stops the worker (its tracers are not closed)
// One port, so everything a service sends arrives in the order it was sent: console lines printed
// before `main` returned arrive before its answer.
//
// Each side gathers what it sends in a burst (a few promise steps: outbox.ts) and posts it as one message:
//   {t:'batch', m: [message, …]}   (two or more; a lone message goes as itself)
// A message crossing to the sandbox's worker costs far more than acting on it (10,000 queued jobs
// are 60,000 of them), so a burst of publishes, deliveries and acks crosses a few dozen at a time.
// A batch holds no batch, at most WIRE_LIMITS.maxBatchEntries messages and maxBatchChars of text.
import type { SimRequest, SimResponse } from '$lib/sim';
import type { MappedError } from '../sourcemap/stack';
import type { ServiceErrorKind } from '../world/types';
import type { Outcome, SendResult, ServiceStatus, StartOptions, WorkerLine } from '../service/protocol';

export const PROTOCOL_VERSION = 1;

/** What the page asks of a service. */
export type CallMessage =
	| { v: 1; t: 'call'; id: number; m: 'ping' | 'main' | 'shutdown' | 'status'; a: [] }
	| { v: 1; t: 'call'; id: number; m: 'start'; a: [StartOptions] }
	| { v: 1; t: 'call'; id: number; m: 'handle'; a: [number, SimRequest] };

export type ServiceMethod = CallMessage['m'];

/** The page's answer to a service's host call. */
export type HostReturnMessage = { v: 1; t: 'hostret'; id: number; value: SendResult | ListenResult };

export type ListenResult = { ok: true } | { ok: false; message: string };

/** A service's answer to a call. */
export type ReturnMessage =
	| { v: 1; t: 'ret'; id: number; ok: true; value: unknown }
	| { v: 1; t: 'ret'; id: number; ok: false; error: string };

/** A service asking the world for something. */
export type HostMessage =
	| { v: 1; t: 'host'; id: number; m: 'send'; a: [SimRequest] }
	| { v: 1; t: 'host'; id: number; m: 'listen'; a: [number] }
	| { v: 1; t: 'host'; m: 'unlisten'; a: [number] }
	| { v: 1; t: 'host'; m: 'output'; a: [WorkerLine[]] }
	| { v: 1; t: 'host'; m: 'error'; a: [MappedError, ServiceErrorKind] }
	| { v: 1; t: 'host'; m: 'exit'; a: [number] };

/** Several messages, in the order they were sent (never nested). */
export type BatchMessage<M> = { v: 1; t: 'batch'; m: M[] };

export type FromService = ReturnMessage | HostMessage;
export type ToService = CallMessage | HostReturnMessage;
/** What crosses a service's port: one message, or a batch of them. */
export type FromServiceWire = FromService | BatchMessage<FromService>;
export type ToServiceWire = ToService | BatchMessage<ToService>;

/** What each call answers, once the page has checked it. */
export interface CallResults {
	ping: true;
	start: Outcome & { exports: string[] };
	main: Outcome;
	handle: SimResponse;
	shutdown: ServiceStatus;
	status: ServiceStatus;
}

/** The page ↔ sandbox frame messages (window.postMessage, not the services' ports). */
export type ToFrame =
	| { v: 1; t: 'init'; workerSource: string }
	| { v: 1; t: 'spawn'; id: number } // with one transferred MessagePort: the service's end
	| { v: 1; t: 'kill'; id: number };

export type FromFrame =
	| { v: 1; t: 'ready' }
	/** a worker died on its own (out of memory, or its script broke): what the browser said */
	| { v: 1; t: 'crashed'; id: number; message: string };

/** Sizes the page accepts from a service; anything larger is refused (or, for text, cut). */
export const WIRE_LIMITS = {
	/** a request or response body: span batches to the agent are the largest */
	maxBody: 4 * 1024 * 1024,
	maxUrl: 8 * 1024,
	maxHeaders: 200,
	maxHeaderName: 256,
	maxHeaderValue: 16 * 1024,
	/** console lines in one message, and the length of one line */
	maxLinesPerMessage: 1000,
	maxLineText: 16 * 1024,
	/** an error's message and stack */
	maxErrorText: 32 * 1024,
	maxExports: 1000,
	maxExportName: 256,
	/** port messages (a batch counts once) one service may send per second before it is stopped as a flood */
	maxMessagesPerSecond: 20_000,
	/**
	 * messages inside batches too: what the page acts on. A 10,000-job queue drained in under a
	 * second is 20,000 from its consumer alone (each delivery answered, then acked).
	 */
	maxEntriesPerSecond: 200_000,
	/** messages in one batch */
	maxBatchEntries: 512,
	/** bodies, console lines and error text in one batch together (a lone message is held to maxBody) */
	maxBatchChars: 8 * 1024 * 1024
} as const;

/**
 * The text a message carries, as batches count it: request and response bodies, console lines,
 * error text. Read only from plain, structured-cloned data (no getters can run).
 */
export function messageChars(msg: unknown): number {
	if (typeof msg !== 'object' || msg === null) return 0;
	const m = msg as { t?: unknown; m?: unknown; a?: unknown; value?: unknown; error?: unknown };
	const len = (x: unknown) => (typeof x === 'string' ? x.length : 0);
	const field = (x: unknown, k: string) => (typeof x === 'object' && x !== null ? (x as Record<string, unknown>)[k] : undefined);
	if (m.t === 'ret') return len(m.error) + len(field(m.value, 'body'));
	if (m.t === 'hostret') return len(field(field(m.value, 'response'), 'body'));
	if (!Array.isArray(m.a)) return 0;
	const a0 = m.a[0];
	if (m.m === 'send') return len(field(a0, 'body'));
	if (m.m === 'handle') return len(field(m.a[1], 'body'));
	if (m.m === 'start') return len(field(a0, 'code'));
	if (m.m === 'output' && Array.isArray(a0)) {
		let n = 0;
		for (const l of a0) n += len(field(l, 'text'));
		return n;
	}
	if (m.m === 'error') return len(field(a0, 'message')) + len(field(a0, 'stack'));
	return 0;
}

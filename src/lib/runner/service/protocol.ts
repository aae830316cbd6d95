// The messages between the world (main thread) and one service worker. Plain data only: these are
// the only things that cross, so no span or closure can leak from one service into another.
import type { SimRequest, SimResponse, NetworkErrorCode } from '$lib/sim';
import type { MappedError } from '../sourcemap/stack';
import type { RunErrorKind } from '../world/types';

export type Stream = 'out' | 'err' | 'system';

export interface ConsoleLine {
	service: string;
	stream: Stream;
	text: string;
	/** ms since the run started (main-thread clock; set when the line arrives) */
	time: number;
}

/** A line as the worker sends it, before the world stamps it. */
export type WorkerLine = { stream: Stream; text: string };

export type SendResult =
	| { ok: true; response: SimResponse }
	| { ok: false; error: { code: NetworkErrorCode; hostname: string; port: number } | { message: string } };

/** What a service may ask of the world (in the browser over its port, in order; see sandbox/protocol.ts). */
export interface HostApi {
	send(req: SimRequest): Promise<SendResult>;
	listen(port: number): Promise<{ ok: true } | { ok: false; message: string }>;
	unlisten(port: number): void;
	output(lines: WorkerLine[]): void;
	/** an error the learner did not catch, mapped to their files */
	error(err: MappedError, where: RunErrorKind): void;
	/**
	 * process.exit(status): the program has ended, status 0–255. The service says nothing after it;
	 * the world stops it, and does not close its tracers.
	 */
	exit(status: number): void;
}

export interface StartOptions {
	service: string;
	/** the entry file, for messages */
	file: string;
	code: string;
	args: string[];
	maxConsoleLines: number;
	maxSpans: number;
}

export type Outcome = { ok: true } | { ok: false; error: MappedError };

export interface ServiceStatus {
	/** timers and requests the service still waits for */
	pendingTimers: number;
	pendingRequests: number;
	spansReported: number;
	spansDropped: number;
}

/** What a service does (service-api.ts); the world reaches it through a ServiceLink. */
export interface ServiceApi {
	/** resolves once the module is loaded and its code is ready to run */
	ping(): true;
	/** imports the bundle: its top level runs (servers call serve() here) */
	start(opts: StartOptions, host: HostApi): Promise<Outcome & { exports: string[] }>;
	/** calls the module's `main` if it has one, then waits until no timer or request is pending */
	main(): Promise<Outcome>;
	/** a request to one of the service's ports */
	handle(port: number, req: SimRequest): Promise<SimResponse>;
	/** closes every tracer (flushes spans) and delivers the last console lines */
	shutdown(): Promise<ServiceStatus>;
	status(): ServiceStatus;
}

/** The world's view of a ServiceApi across a worker boundary: every method answers with a promise. */
export type RemoteServiceApi = {
	[K in keyof ServiceApi]: (...a: Parameters<ServiceApi[K]>) => Promise<Awaited<ReturnType<ServiceApi[K]>>>;
};

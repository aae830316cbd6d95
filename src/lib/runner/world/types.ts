import type { LinkRule, NetworkRecordEx } from '$lib/sim';
import type { Diagnostic } from '../compile/types';
import type { CompilerState } from '../compile/client';
import type { ConsoleLine } from '../service/protocol';

export interface RunRequest {
	/** path → text */
	files: Record<string, string>;
	/** file → service name (a step's front matter); default: the playground convention (README) */
	services?: Record<string, string>;
	/** the Arguments field: `Bryan Bonjour` */
	args?: string;
	/** stop every service still running after this long; default DEFAULT_LIMITS.timeLimitMs */
	timeLimitMs?: number;
	/** latency and faults on the simulated network */
	links?: LinkRule[];
	/** per service */
	maxConsoleLines?: number;
	/** per service */
	maxSpans?: number;
}

export type RunPhase = 'compiling' | 'starting' | 'running' | 'flushing' | 'done';

/** Where a service's own code failed: what its worker may report (checked on the page). */
export const SERVICE_ERROR_KINDS = ['main', 'module top level', 'request handler', 'uncaught exception', 'unhandled promise rejection'] as const;
export type ServiceErrorKind = (typeof SERVICE_ERROR_KINDS)[number];

/**
 * Where an error happened: in the learner's code (ServiceErrorKind), or the world stopping a service
 * or the run — at the time limit, the request cap, for a message the page refused, a flood of
 * messages, a crash, or running out of memory —, a simulated host refusing its configuration file,
 * or a program that ended with process.exit(status) and a status other than 0 (a failed command).
 */
export type RunErrorKind = ServiceErrorKind | 'time limit' | 'request limit' | 'protocol' | 'message flood' | 'crash' | 'out of memory' | 'configuration' | 'exit status' | 'no answer';

export interface RunError {
	service: string;
	where: RunErrorKind;
	message: string;
	/** mapped to the learner's files */
	stack: string;
	file: string | null;
	line: number | null;
	column: number | null;
}

export interface ServiceReport {
	name: string;
	file: string;
	client: boolean;
	/**
	 * how it ended: finished, failed (threw), stopped (time limit), serving (a server at the end),
	 * exited (called process.exit: its tracers were not closed; `exitStatus` says with what)
	 */
	end: 'finished' | 'failed' | 'stopped' | 'serving' | 'exited';
	/** process.exit's status, 0–255, when `end` is 'exited' */
	exitStatus?: number;
	spansReported: number;
	spansDropped: number;
}

export interface RunResult {
	/** compiled, ran to the end, nothing thrown, nothing stopped */
	ok: boolean;
	diagnostics: Diagnostic[];
	console: ConsoleLine[];
	network: NetworkRecordEx[];
	errors: RunError[];
	services: ServiceReport[];
	/** the time limit hit */
	timedOut: boolean;
	/** stopped by the learner (Stop, or a new Run) */
	stopped: boolean;
	/** the compiler itself failed (its download failed or stalled): why; nothing was compiled */
	compilerFailed?: string;
	timings: { compileMs: number; runMs: number; flushMs: number; totalMs: number };
}

export interface RunCallbacks {
	onPhase?(phase: RunPhase): void;
	onConsole?(line: ConsoleLine): void;
	/** a record when its request starts and again when it completes (same id) */
	onRecord?(record: NetworkRecordEx): void;
	onError?(error: RunError): void;
	onCompilerState?(state: CompilerState): void;
}

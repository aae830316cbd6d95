// One run's record as its phases write it: the Console lines, the errors, the timings, and whether
// the learner stopped it (Stop, a new Run) or it stopped itself (a request loop).
import type { ConsoleLine, Stream } from '../service/protocol';
import type { MappedError } from '../sourcemap/stack';
import type { RunCallbacks, RunError, RunErrorKind, RunResult } from './types';

/** what V8 throws when an allocation fails, or a string or array would pass its maximum size */
const OUT_OF_MEMORY = /allocation failed|out of memory|Invalid (string|array|typed array) length/i;

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export class RunState {
	readonly lines: ConsoleLine[] = [];
	readonly errors: RunError[] = [];
	readonly timings = { compileMs: 0, runMs: 0, flushMs: 0, totalMs: 0 };
	/** Stop, or a new Run: said as "Run stopped." */
	stopRequested = false;
	/** the run stopped itself (a request loop): reported as an error, not as "Run stopped." */
	halted = false;
	/** resolves when either happens, so nothing waits for the rest of the run */
	readonly ended: Promise<void>;
	#end!: () => void;
	readonly #t0 = performance.now();

	constructor(readonly cb: RunCallbacks) {
		this.ended = new Promise<void>((r) => (this.#end = r));
	}

	get over(): boolean {
		return this.stopRequested || this.halted;
	}

	now(): number {
		return performance.now() - this.#t0;
	}

	stop(): void {
		this.stopRequested = true;
		this.#end();
	}

	halt(service: string, kind: RunErrorKind, message: string): void {
		this.halted = true;
		this.#end();
		this.fail(service, kind, { name: 'Error', message, stack: message, file: null, line: null, column: null });
	}

	phase(p: Parameters<NonNullable<RunCallbacks['onPhase']>>[0]): void {
		this.cb.onPhase?.(p);
	}

	emit(service: string, stream: Stream, text: string): void {
		const line = { service, stream, text, time: this.now() };
		this.lines.push(line);
		this.cb.onConsole?.(line);
	}

	fail(service: string, where: RunErrorKind, e: MappedError): void {
		const err: RunError = { service, where, message: e.message, stack: e.stack, file: e.file, line: e.line, column: e.column };
		this.errors.push(err);
		this.cb.onError?.(err);
		const prefix = where === 'main' || where === 'module top level' ? 'Uncaught ' : where === 'exit status' ? '' : `${capitalize(where)}: `;
		this.emit(service, 'err', prefix + e.stack);
		if (OUT_OF_MEMORY.test(e.message)) this.emit(service, 'system', 'this is the browser running out of memory for the service: a loop that keeps allocating (arrays, strings, spans) without end?');
	}

	finish(extra: Partial<RunResult>): RunResult {
		this.timings.totalMs = this.now();
		this.phase('done');
		return {
			ok: false,
			diagnostics: [],
			console: this.lines,
			network: [],
			errors: this.errors,
			services: [],
			timedOut: false,
			stopped: this.stopRequested,
			timings: this.timings,
			...extra
		};
	}
}

// A run of a lesson step in Node through the browser's own world (startWorld: compile → start the
// servers → run the clients → flush the tracers → stop), on in-process stand-ins for its workers
// (in-process.ts). What a check receives is built from the run as the step page builds it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorldHosts, WORLD_HOST_KINDS, type NetworkRecord } from '$lib/sim';
import { formatDiagnostic, startWorld, type Diagnostic } from '$lib/runner';
import type { SpanRecord } from '$lib/model';
import { installAsyncContext } from '$lib/tracer';
import { contextSlot } from '$lib/tracer/context_slot';
import { runOutput, type RunOutput } from '$lib/checks';
import { inProcessBackend, inProcessPool, nodeCompiler } from './in-process';

let dir = '';
let uninstall: (() => void) | null = null;

export function setUpWorld(): void {
	// as each service worker does when it loads
	uninstall = installAsyncContext(globalThis);
	dir = mkdtempSync(join(tmpdir(), 'tour-lessons-'));
}

export function tearDownWorld(): void {
	uninstall?.();
	uninstall = null;
	rmSync(dir, { recursive: true, force: true });
}

/** Where the runs' bundles are written to be imported. */
export const worldDir = (): string => dir;

export async function compileFiles(files: Record<string, string>, entries: string[]): Promise<Diagnostic[]> {
	const r = await nodeCompiler.compile({ files, entries });
	return r.ok ? [] : r.diagnostics;
}

export interface WorldRun extends RunOutput {
	/** the spans jaeger-agent received */
	records: SpanRecord[];
	/** every message of the run, the backend's traffic (span batches, OTLP exports) included */
	traffic: NetworkRecord[];
}

/** Compiles and runs `files` as the step's services; returns what a check receives. */
export async function runWorld(files: Record<string, string>, services: Record<string, string>, argsLine: string, timeLimitMs?: number): Promise<WorldRun> {
	// Every service of the browser has its own realm; here all share one. A scope an earlier run
	// activated and never closed (a mistake under test) must not be "active" when this run's modules
	// load: a worker loop started at load would carry it into every job.
	contextSlot.current = null;
	contextSlot.carried = undefined;
	const backend = inProcessBackend();
	try {
		const result = await startWorld({ compiler: nodeCompiler, pool: inProcessPool(dir), hosts: [backend, createWorldHosts(WORLD_HOST_KINDS)] }, { files, services, args: argsLine, timeLimitMs }).result;
		// a lesson's files always compile and finish: anything else is a broken test, not a verdict
		const broken = result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
		if (result.services.length === 0) throw new Error(`did not start: ${[...broken, ...result.console.map((l) => l.text)].join('; ')}`);
		if (result.timedOut) throw new Error(`the run: still running after the time limit: ${result.console.map((l) => `${l.service}: ${l.text}`).join('; ')}`);
		return { ...runOutput(result, await backend.traces(), argsLine), records: backend.records, traffic: result.network };
	} finally {
		backend.dispose();
	}
}

import { plural } from '$lib/words';
import { createNetwork, programArgs, splitArgs, type Network } from '$lib/sim';
import type { CompilerClient } from '../compile/client';
import { formatDiagnostic } from '../compile/diagnostics';
import { checkServices, pickClients, servicesFrom, servicesFromFiles, type ServiceSpec } from '../services';
import type { ConsoleLine, Outcome, ServiceStatus, Stream } from '../service/protocol';
import type { MappedError } from '../sourcemap/stack';
import type { BackendLink } from './backend-link';
import { DEFAULT_LIMITS, formatMs, within } from './limits';
import { createServiceHost } from './service-host';
import { createRequestGuard } from './request-guard';
import type { ServiceLink } from './service-handle';
import type { RunCallbacks, RunError, RunErrorKind, RunRequest, RunResult, ServiceErrorKind, ServiceReport } from './types';

/**
 * What a world runs on: in the browser a CompilerClient, a WorkerPool and a BackendLink (Runner);
 * in the Node lesson tests in-process stand-ins (test/unit/lessons/in-process.ts).
 */
export interface WorldDeps {
	compiler: Pick<CompilerClient, 'compile' | 'onState'>;
	pool: { take(n: number): ServiceLink[] };
	backend: Pick<BackendLink, 'attach' | 'flush'>;
}

/** A run in progress: `stop()` ends it early (a new Run replaces it). */
export interface RunningWorld {
	result: Promise<RunResult>;
	network: Promise<Network | null>;
	stop(): void;
}

interface Live {
	spec: ServiceSpec;
	handle: ServiceLink;
	host: ReturnType<typeof createServiceHost>;
	client: boolean;
	end: ServiceReport['end'] | null;
	status: ServiceStatus | null;
}

/** Compile → start servers → run clients → flush tracers → stop workers. */
export function startWorld(deps: WorldDeps, req: RunRequest, cb: RunCallbacks = {}): RunningWorld {
	let stopRequested = false;
	/** the run stopped itself (a request loop): reported as an error, not as "Run stopped." */
	let halted = false;
	let onStop: () => void = () => {};
	const stopSignal = new Promise<void>((r) => (onStop = r));
	let lives: Live[] = [];
	let resolveNetwork!: (n: Network | null) => void;
	const network = new Promise<Network | null>((r) => (resolveNetwork = r));
	const result = run().finally(() => resolveNetwork(null));
	return {
		result,
		network,
		stop() {
			stopRequested = true;
			onStop();
			for (const l of lives) l.handle.stop();
		}
	};

	async function run(): Promise<RunResult> {
		const t0 = performance.now();
		const now = () => performance.now() - t0;
		const lines: ConsoleLine[] = [];
		const errors: RunError[] = [];
		const timings = { compileMs: 0, runMs: 0, flushMs: 0, totalMs: 0 };
		const emit = (service: string, stream: Stream, text: string) => {
			const line = { service, stream, text, time: now() };
			lines.push(line);
			cb.onConsole?.(line);
		};
		const fail = (service: string, where: RunErrorKind, e: MappedError) => {
			const err: RunError = { service, where, message: e.message, stack: e.stack, file: e.file, line: e.line, column: e.column };
			errors.push(err);
			cb.onError?.(err);
			const prefix = where === 'main' || where === 'module top level' ? 'Uncaught ' : `${capitalize(where)}: `;
			emit(service, 'err', prefix + e.stack);
			if (OUT_OF_MEMORY.test(e.message)) emit(service, 'system', 'this is the browser running out of memory for the service: a loop that keeps allocating (arrays, strings, spans) without end?');
		};
		const finish = (extra: Partial<RunResult>): RunResult => {
			timings.totalMs = now();
			cb.onPhase?.('done');
			return { ok: false, diagnostics: [], console: lines, network: [], errors, services: [], timedOut: false, stopped: stopRequested, timings, ...extra };
		};

		// ── compile ────────────────────────────────────────────────────────────
		cb.onPhase?.('compiling');
		const specs = req.services ? servicesFrom(req.services) : servicesFromFiles(req.files);
		const problems = checkServices(specs, req.files);
		if (problems.length) {
			for (const p of problems) emit('runner', 'err', p);
			return finish({});
		}
		const off = cb.onCompilerState ? deps.compiler.onState(cb.onCompilerState) : () => {};
		const compiled = await deps.compiler.compile({ files: req.files, entries: specs.map((s) => s.file) }).finally(off);
		timings.compileMs = now();
		if (!compiled.ok) {
			for (const d of compiled.diagnostics) emit('compiler', 'err', formatDiagnostic(d));
			return finish({ diagnostics: compiled.diagnostics });
		}
		for (const w of compiled.warnings) emit('compiler', 'system', formatDiagnostic(w));
		if (stopRequested) return finish({ diagnostics: compiled.warnings });

		// ── start ──────────────────────────────────────────────────────────────
		cb.onPhase?.('starting');
		const limit = req.timeLimitMs ?? DEFAULT_LIMITS.timeLimitMs;
		const deadline = performance.now() + limit;
		const left = () => deadline - performance.now();
		const net = createNetwork({ links: req.links, maxRecords: DEFAULT_LIMITS.maxRecords, onRecord: cb.onRecord });
		resolveNetwork(net);
		await deps.backend.attach(net);
		for (const s of specs) net.addHost(s.name);
		const clients = new Set(pickClients(specs, (f) => compiled.bundles[f].exports).map((s) => s.file));
		const handles = deps.pool.take(specs.length);
		const guard = createRequestGuard(DEFAULT_LIMITS.maxInFlight, (message) => {
			halted = true;
			onStop();
			fail('runner', 'request limit', { name: 'RequestLimit', message, stack: message, file: null, line: null, column: null });
			for (const l of lives) l.handle.stop();
		});
		const events = {
			output: (service: string, ls: { stream: Stream; text: string }[]) => {
				for (const l of ls) emit(service, l.stream, l.text);
			},
			error: (service: string, e: MappedError, where: RunErrorKind) => fail(service, where, e)
		};
		lives = specs.map((spec, i) => {
			handles[i].service = spec.name;
			return { spec, handle: handles[i], host: createServiceHost(spec.name, handles[i], net, events, guard), client: clients.has(spec.file), end: null, status: null };
		});
		if (stopRequested) for (const l of lives) l.handle.stop();
		const args = splitArgs(req.args ?? '');

		const start = async (l: Live): Promise<boolean> => {
			// "hello Bryan Bonjour" typed as a whole command line: the first word names the program
			const a = l.client ? programArgs(args, l.spec.name) : [];
			const out = await l.handle.call<Outcome>((api) =>
				api.start(
					{
						service: l.spec.name,
						file: l.spec.file,
						code: compiled.bundles[l.spec.file].code,
						args: a,
						maxConsoleLines: req.maxConsoleLines ?? DEFAULT_LIMITS.maxConsoleLines,
						maxSpans: req.maxSpans ?? DEFAULT_LIMITS.maxSpans
					},
					l.host.api
				)
			);
			return settle(l, out, 'module top level');
		};
		const settle = (l: Live, out: Outcome, where: ServiceErrorKind): boolean => {
			if (out.ok) return true;
			l.end = 'failed';
			fail(l.spec.name, where, out.error);
			return false;
		};
		const servers = lives.filter((l) => !l.client);
		const programs = lives.filter((l) => l.client);
		const everything = (async () => {
			// servers first, so their ports are open when the clients start
			await Promise.all(servers.map((l) => start(l).catch(() => false)));
			cb.onPhase?.('running');
			await Promise.all(
				programs.map(async (l) => {
					if (!(await start(l).catch(() => false))) return;
					const out = await l.handle.call<Outcome>((api) => api.main()).catch(() => null);
					if (out && settle(l, out, 'main')) l.end = 'finished';
				})
			);
			// requests the clients started but did not wait for
			await net.idle();
		})();
		// Stop (or a request loop) ends the wait at once: requests still in flight are not waited for
		const ran = await within(Promise.race([everything, stopSignal]), left());
		timings.runMs = now() - timings.compileMs;
		let timedOut = false;
		if (!ran.done && !stopRequested && !halted) {
			timedOut = true;
			await stopStuck(lives, limit, emit, fail);
		}

		// ── flush ──────────────────────────────────────────────────────────────
		cb.onPhase?.('flushing');
		const flushStart = now();
		await Promise.all(
			lives
				.filter((l) => !l.handle.stopped)
				.map(async (l) => {
					const r = await within(l.handle.call((api) => api.shutdown()).catch(() => null), DEFAULT_LIMITS.flushLimitMs);
					if (r.done && r.value) l.status = r.value;
				})
		);
		if (!stopRequested && !halted) await within(net.idle(), DEFAULT_LIMITS.flushLimitMs);
		await deps.backend.flush().catch(() => {});
		for (const l of lives) {
			if (l.end === null) l.end = l.handle.stopped ? 'stopped' : l.host.ports().length ? 'serving' : 'finished';
			l.host.closeAll();
			l.handle.stop();
		}
		timings.flushMs = now() - flushStart;
		if (stopRequested) emit('runner', 'system', 'Run stopped.');

		return finish({
			ok: !timedOut && !stopRequested && errors.length === 0,
			diagnostics: compiled.warnings,
			network: net.records(),
			timedOut,
			services: lives.map((l) => ({
				name: l.spec.name,
				file: l.spec.file,
				client: l.client,
				end: l.end!,
				spansReported: l.status?.spansReported ?? 0,
				spansDropped: l.status?.spansDropped ?? 0
			}))
		});
	}
}

/**
 * The time limit hit. A worker that does not answer a ping is spinning: stop it and say so. A
 * client that answers but has not finished is waiting for something: say what, then stop it too.
 */
async function stopStuck(
	lives: Live[],
	limit: number,
	emit: (service: string, stream: Stream, text: string) => void,
	fail: (service: string, where: RunErrorKind, e: MappedError) => void
) {
	const pings = await Promise.all(lives.map((l) => l.handle.responsive(DEFAULT_LIMITS.pingMs)));
	for (const [i, l] of lives.entries()) {
		if (!pings[i] && !l.handle.stopped) {
			l.handle.stop();
			l.end = 'stopped';
			const message = `stopped after ${formatMs(limit)}: still running (an infinite loop?)`;
			fail(l.spec.name, 'time limit', { name: 'TimeLimit', message, stack: message, file: l.spec.file, line: null, column: null });
		}
	}
	for (const l of lives) {
		if (!l.client || l.end !== null || l.handle.stopped) continue;
		const s = await within(l.handle.call((api) => api.status()).catch(() => null), DEFAULT_LIMITS.pingMs);
		const st = s.done ? s.value : null;
		const waiting = st ? `waiting for ${plural(st.pendingTimers, 'timer')} and ${plural(st.pendingRequests, 'request')}` : 'not answering';
		emit(l.spec.name, 'system', `did not finish within ${formatMs(limit)} (${waiting}); stopped`);
		l.end = 'stopped';
	}
}

/** what V8 throws when an allocation fails, or a string or array would pass its maximum size */
const OUT_OF_MEMORY = /allocation failed|out of memory|Invalid (string|array|typed array) length/i;

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

import { plural } from '$lib/words';
import { createNetwork, programArgs, splitArgs, type HostContext, type Network } from '$lib/sim';
import type { CompilerClient } from '../compile/client';
import { formatDiagnostic } from '../compile/diagnostics';
import type { Bundle } from '../compile/types';
import { checkServices, pickClients, servicesFrom, servicesFromFiles, type ServiceSpec } from '../services';
import type { Outcome, ServiceStatus } from '../service/protocol';
import { DEFAULT_LIMITS, formatMs, within } from './limits';
import { createServiceHost } from './service-host';
import { createRequestGuard } from './request-guard';
import { RunState } from './run-state';
import type { ServiceLink } from './service-handle';
import type { MappedError } from '../sourcemap/stack';
import type { RunCallbacks, RunErrorKind, RunRequest, RunResult, ServiceErrorKind, ServiceReport } from './types';

/**
 * Something on the network that is not a learner's service — the simulated Jaeger today; a broker,
 * Redis or a database tomorrow. It registers its endpoints on each run's network and is flushed at
 * the end, so startWorld needs to know nothing more about it.
 */
export interface SimulatedHost {
	/** as the Console names it when it does not answer */
	readonly name: string;
	attach(network: Network, ctx: HostContext): Promise<void>;
	/** hand on what it buffered (the agent's spans to the collector) before the run's result */
	flush(): Promise<void>;
	/** the run is over: stop timers, send nothing more */
	stop?(): void;
}

/**
 * What a world runs on: in the browser a CompilerClient, a WorkerPool of sandboxed workers and the
 * backend worker (Runner); in the Node lesson tests in-process stand-ins (test/unit/lessons/in-process.ts).
 */
export interface WorldDeps {
	compiler: Pick<CompilerClient, 'compile' | 'onState'>;
	pool: { take(n: number): ServiceLink[] };
	hosts: SimulatedHost[];
	/** DEFAULT_LIMITS.hostAnswerMs unless given (tests) */
	hostAnswerMs?: number;
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
	exitStatus?: number;
	status: ServiceStatus | null;
}

/** The world of one run once its services exist: what the later phases share. */
interface World {
	net: Network;
	lives: Live[];
	bundles: Record<string, Bundle>;
	deadline: number;
	limit: number;
	/** the simulated hosts that started for this run */
	hosts: SimulatedHost[];
}

/** Compile → start (network, hosts, servers) → run the clients → flush tracers and hosts → stop. */
export function startWorld(deps: WorldDeps, req: RunRequest, cb: RunCallbacks = {}): RunningWorld {
	const run = new RunState(cb);
	let lives: Live[] = [];
	let resolveNetwork!: (n: Network | null) => void;
	const network = new Promise<Network | null>((r) => (resolveNetwork = r));
	const stopAll = () => lives.forEach((l) => l.handle.stop());

	const result = (async (): Promise<RunResult> => {
		const compiled = await compilePhase(run, deps, req);
		if (!compiled.ok) return run.finish({ diagnostics: compiled.diagnostics, ...(compiled.compilerFailed === undefined ? {} : { compilerFailed: compiled.compilerFailed }) });
		if (run.stopRequested) return run.finish({ diagnostics: compiled.warnings });
		const world = await startPhase(run, deps, req, compiled.specs, compiled.bundles, stopAll);
		resolveNetwork(world.net);
		lives = world.lives;
		if (run.stopRequested) stopAll();
		const timedOut = await runPhase(run, world, req);
		await flushPhase(run, world, deps);
		return run.finish({
			ok: !timedOut && !run.stopRequested && run.errors.length === 0,
			diagnostics: compiled.warnings,
			network: world.net.records(),
			timedOut,
			services: world.lives.map((l) => ({
				name: l.spec.name,
				file: l.spec.file,
				client: l.client,
				end: l.end!,
				...(l.exitStatus === undefined ? {} : { exitStatus: l.exitStatus }),
				spansReported: l.status?.spansReported ?? 0,
				spansDropped: l.status?.spansDropped ?? 0
			}))
		});
	})().finally(() => resolveNetwork(null));

	return {
		result,
		network,
		stop() {
			run.stop();
			stopAll();
		}
	};
}

type Compiled =
	| { ok: true; specs: ServiceSpec[]; bundles: Record<string, Bundle>; warnings: RunResult['diagnostics'] }
	| { ok: false; diagnostics: RunResult['diagnostics']; compilerFailed?: string };

/** Which files are services, and their bundles; problems and compile errors go to the Console. */
async function compilePhase(run: RunState, deps: WorldDeps, req: RunRequest): Promise<Compiled> {
	run.phase('compiling');
	const specs = req.services ? servicesFrom(req.services) : servicesFromFiles(req.files);
	const problems = checkServices(specs, req.files);
	if (problems.length) {
		for (const p of problems) run.emit('runner', 'err', p);
		return { ok: false, diagnostics: [] };
	}
	const off = run.cb.onCompilerState ? deps.compiler.onState(run.cb.onCompilerState) : () => {};
	// Stop works while the compiler is still downloading: the run ends now, the download goes on for the next Run
	const compiling = deps.compiler.compile({ files: req.files, entries: specs.map((s) => s.file) });
	const compiled = await Promise.race([compiling, run.ended.then(() => null)])
		// the compiler could not load (a failed or stalled download): say why; the next Run tries again
		.catch((e: unknown) => ({ ok: false as const, diagnostics: [], failed: e instanceof Error ? e : new Error(String(e)) }))
		.finally(off);
	run.timings.compileMs = run.now();
	if (compiled && 'failed' in compiled) {
		const what = compiled.failed.name === 'CompilerUnavailable' ? 'The compiler failed to load' : 'The compiler failed';
		run.emit('compiler', 'err', `${what}: ${compiled.failed.message}`);
		return { ok: false, diagnostics: [], compilerFailed: compiled.failed.message };
	}
	if (compiled === null) {
		compiling.catch(() => {});
		run.emit('runner', 'system', 'Run stopped.');
		return { ok: false, diagnostics: [] };
	}
	if (!compiled.ok) {
		for (const d of compiled.diagnostics) run.emit('compiler', 'err', formatDiagnostic(d));
		return { ok: false, diagnostics: compiled.diagnostics };
	}
	for (const w of compiled.warnings) run.emit('compiler', 'system', formatDiagnostic(w));
	return { ok: true, specs, bundles: compiled.bundles, warnings: compiled.warnings };
}

/** The network with its simulated hosts, and a worker per service wired to it. */
async function startPhase(run: RunState, deps: WorldDeps, req: RunRequest, specs: ServiceSpec[], bundles: Record<string, Bundle>, stopAll: () => void): Promise<World> {
	run.phase('starting');
	const limit = req.timeLimitMs ?? DEFAULT_LIMITS.timeLimitMs;
	const net = createNetwork({ links: req.links, maxRecords: DEFAULT_LIMITS.maxRecords, onRecord: run.cb.onRecord });
	const ctx: HostContext = {
		files: req.files,
		print: (host, stream, text) => run.emit(host, stream, text),
		fail: (host, message, at) => run.fail(host, 'configuration', { name: 'Error', message, stack: message, file: at?.file ?? null, line: at?.line ?? null, column: at ? 1 : null })
	};
	const hosts: SimulatedHost[] = [];
	for (const h of deps.hosts) if (await answered(run, deps, h, 'start', 'the run went on without it', h.attach(net, ctx))) hosts.push(h);
	// the time limit is the learner's services': it starts once the world around them is up
	const deadline = performance.now() + limit;
	for (const s of specs) net.addHost(s.name);
	const clients = new Set(pickClients(specs, (f) => bundles[f].exports).map((s) => s.file));
	const handles = deps.pool.take(specs.length);
	const guard = createRequestGuard(
		DEFAULT_LIMITS.maxInFlight,
		(message) => {
			run.halt('runner', 'request limit', message);
			stopAll();
		},
		{ maxDatagrams: DEFAULT_LIMITS.maxDatagramsInFlight, onDatagramDrop: (message) => run.emit('runner', 'system', message) }
	);
	const events = {
		output: (service: string, ls: { stream: 'out' | 'err' | 'system'; text: string }[]) => ls.forEach((l) => run.emit(service, l.stream, l.text)),
		error: (service: string, e: MappedError, where: RunErrorKind) => run.fail(service, where, e),
		exit: (service: string, status: number) => {
			const l = lives.find((x) => x.spec.name === service);
			if (l) exited(run, l, status);
		}
	};
	const lives: Live[] = specs.map((spec, i) => {
		handles[i].service = spec.name;
		const host = createServiceHost(spec.name, handles[i], net, events, guard);
		return { spec, handle: handles[i], host, client: clients.has(spec.file), end: null, status: null };
	});
	return { net, lives, bundles, deadline, limit, hosts };
}

/**
 * A service called process.exit(status): like a process that ends, it is gone at once — its ports
 * refuse connections, its timers and requests are dropped, and its tracers are NOT closed (the
 * flush phase skips it), so spans still in a reporter's buffer never arrive. A client that exits
 * has finished (the run stops waiting for it). Status 0 is a success, said as a shell would; any
 * other is a failed command, an error of the run.
 */
function exited(run: RunState, l: Live, status: number): void {
	if (l.handle.stopped) return;
	l.end = 'exited';
	l.exitStatus = status;
	if (status === 0) run.emit(l.spec.name, 'system', 'exited with code 0');
	else {
		const message = `exited with code ${status}`;
		run.fail(l.spec.name, 'exit status', { name: 'Exit', message, stack: message, file: null, line: null, column: null });
	}
	l.host.closeAll();
	l.handle.stop();
}

/** Servers start, then the clients run to the end; returns whether the time limit hit. */
async function runPhase(run: RunState, world: World, req: RunRequest): Promise<boolean> {
	const args = splitArgs(req.args ?? '');
	const settle = (l: Live, out: Outcome, where: ServiceErrorKind): boolean => {
		if (out.ok) return true;
		l.end = 'failed';
		run.fail(l.spec.name, where, out.error);
		return false;
	};
	const start = async (l: Live): Promise<boolean> => {
		const out = await l.handle.call<Outcome>((api) =>
			api.start(
				{
					service: l.spec.name,
					file: l.spec.file,
					code: world.bundles[l.spec.file].code,
					// "hello Bryan Bonjour" typed as a whole command line: the first word names the program
					args: l.client ? programArgs(args, l.spec.name) : [],
					maxConsoleLines: req.maxConsoleLines ?? DEFAULT_LIMITS.maxConsoleLines,
					maxSpans: req.maxSpans ?? DEFAULT_LIMITS.maxSpans
				},
				l.host.api
			)
		);
		return settle(l, out, 'module top level');
	};
	const everything = (async () => {
		// servers first, so their ports are open when the clients start
		await Promise.all(world.lives.filter((l) => !l.client).map((l) => start(l).catch(() => false)));
		run.phase('running');
		await Promise.all(
			world.lives
				.filter((l) => l.client)
				.map(async (l) => {
					if (!(await start(l).catch(() => false))) return;
					const out = await l.handle.call<Outcome>((api) => api.main()).catch(() => null);
					if (out && settle(l, out, 'main')) l.end = 'finished';
				})
		);
		// requests the clients started but did not wait for
		await world.net.idle();
		await quiet(world);
	})();
	// Stop (or a request loop) ends the wait at once: requests still in flight are not waited for
	const ran = await within(Promise.race([everything, run.ended]), world.deadline - performance.now());
	run.timings.runMs = run.now() - run.timings.compileMs;
	if (ran.done || run.over) return false;
	await stopStuck(run, world);
	return true;
}

/**
 * The network is idle, but a service may still be acting on an answer it was just handed — a worker
 * that popped a job and is about to look up its context, or got that context and is about to finish
 * its span. Each service answers `status` only after acting on what reached it before (one port, in
 * order, answered a task later), and what it sent meanwhile comes ahead of the answer. A round is
 * quiet when nothing is in flight and no service sent a request or was handed an answer while it
 * lasted; an answer still in the world's outbox when the round began is counted then, so the next
 * round waits for the service to act on it (else the run's end could reach the service in the same
 * message as its last answer, and close its tracer before the span it was about to finish).
 */
async function quiet(world: World): Promise<void> {
	const activity = () => world.lives.reduce((n, l) => n + l.handle.activity(), 0);
	for (let round = 0; round < 100; round++) {
		const before = activity();
		await Promise.all(world.lives.filter((l) => !l.handle.stopped).map((l) => l.handle.responsive(DEFAULT_LIMITS.pingMs)));
		if (world.net.inFlight() === 0 && activity() === before) return;
		await world.net.idle();
	}
}

/** Tracers closed (spans to the agent), hosts flushed, workers stopped. */
async function flushPhase(run: RunState, world: World, deps: WorldDeps): Promise<void> {
	run.phase('flushing');
	const flushStart = run.now();
	await Promise.all(
		world.lives
			.filter((l) => !l.handle.stopped)
			.map(async (l) => {
				const r = await within(l.handle.call((api) => api.shutdown()).catch(() => null), DEFAULT_LIMITS.flushLimitMs);
				if (r.done && r.value) l.status = r.value;
			})
	);
	if (!run.over) await within(world.net.idle(), DEFAULT_LIMITS.flushLimitMs);
	// last attached first: a later host may send to an earlier one (the proxy's spans to the agent);
	// one that did not start has nothing to hand over
	for (const h of [...world.hosts].reverse()) await answered(run, deps, h, 'hand over its spans', 'the run ended without them', h.flush().catch(() => {}));
	for (const h of deps.hosts) h.stop?.();
	for (const l of world.lives) {
		if (l.end === null) l.end = l.handle.stopped ? 'stopped' : l.host.ports().length ? 'serving' : 'finished';
		l.host.closeAll();
		l.handle.stop();
	}
	run.timings.flushMs = run.now() - flushStart;
	if (run.stopRequested) run.emit('runner', 'system', 'Run stopped.');
}

/** Waits for a simulated host, but not for good: one that does not answer in time is named in the Console and the run goes on. */
async function answered(run: RunState, deps: WorldDeps, host: SimulatedHost, what: string, then: string, p: Promise<void>): Promise<boolean> {
	const limit = deps.hostAnswerMs ?? DEFAULT_LIMITS.hostAnswerMs;
	if ((await within(p, limit)).done) return true;
	const message = `${host.name} did not ${what} within ${formatMs(limit)}; ${then}. If this happens again, reload the page.`;
	run.fail(host.name, 'no answer', { name: 'Error', message, stack: message, file: null, line: null, column: null });
	return false;
}

/**
 * The time limit hit. A worker that does not answer a ping is spinning: stop it and say so. A
 * client that answers but has not finished is waiting for something: say what, then stop it too.
 */
async function stopStuck(run: RunState, { lives, limit }: World) {
	const pings = await Promise.all(lives.map((l) => l.handle.responsive(DEFAULT_LIMITS.pingMs)));
	for (const [i, l] of lives.entries()) {
		if (!pings[i] && !l.handle.stopped) {
			l.handle.stop();
			l.end = 'stopped';
			const message = `stopped after ${formatMs(limit)}: still running (an infinite loop?)`;
			run.fail(l.spec.name, 'time limit', { name: 'TimeLimit', message, stack: message, file: l.spec.file, line: null, column: null });
		}
	}
	for (const l of lives) {
		if (!l.client || l.end !== null || l.handle.stopped) continue;
		const s = await within(l.handle.call((api) => api.status()).catch(() => null), DEFAULT_LIMITS.pingMs);
		const st = s.done ? s.value : null;
		const waiting = st ? `waiting for ${plural(st.pendingTimers, 'timer')} and ${plural(st.pendingRequests, 'request')}` : 'not answering';
		run.emit(l.spec.name, 'system', `did not finish within ${formatMs(limit)} (${waiting}); stopped`);
		l.end = 'stopped';
	}
}

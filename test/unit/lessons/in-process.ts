// startWorld's dependencies for Node, with no worker: the world (src/lib/runner/world/run.ts) runs
// as in the browser, and only what a worker would give each service is made here by hand.
//
// - services: createServiceApi — the very API the sandbox's worker serves — run in this process. A
//   worker keeps a few things to itself; here each service gets its own `console`, its own runtime
//   modules and opentracing global tracer (read from its own global, not __tour_runtime), its own
//   timers (cleared when it is stopped), and every call reaches it with no caller span active.
// - compiler: the compile core with esbuild-wasm's Node API.
// - backend: createBackendWorkerApi — what backend.worker.ts exposes — over an in-process Jaeger,
//   so traces come back through jaeger-query as in the browser.
import * as esbuild from 'esbuild-wasm';
import * as opentracing from 'opentracing';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	applyStrategiesFile,
	compile,
	createLiveness,
	createServiceApi,
	formatArgs,
	RUNTIME_GLOBAL,
	WorkerStopped,
	type CompileInput,
	type CompileResult,
	type CompilerState,
	type ConsoleSink,
	type EsbuildLike,
	type RemoteServiceApi,
	type ServiceLink,
	type WorldDeps
} from '$lib/runner';
import { createBackend, createBackendWorkerApi, DEFAULT_PIPELINE, readRunTraces, HOSTS, parsePipelineConfig, PIPELINE_FILE, PORTS, type Backend } from '$lib/backend';
import type { HostContext, Network } from '$lib/sim';
import type { Trace } from '$lib/model';
import type { SpanRecord } from '$lib/model';
import { contextSlot } from '$lib/tracer/context_slot';

export const eb = esbuild as unknown as EsbuildLike;

/** The compile core on esbuild's Node API; ready at once, so no state to report. */
export const nodeCompiler: WorldDeps['compiler'] = {
	compile: (input: CompileInput): Promise<CompileResult> => compile(eb, input),
	onState(fn: (s: CompilerState) => void) {
		fn({ phase: 'ready' });
		return () => {};
	}
};

/** opentracing with its own global tracer, as each worker has its own copy of the module. */
function ownOpentracing() {
	let global: opentracing.Tracer = new opentracing.Tracer();
	const delegate = new Proxy(
		{},
		{
			get(_, key) {
				const v = (global as unknown as Record<PropertyKey, unknown>)[key];
				return typeof v === 'function' ? v.bind(global) : v;
			}
		}
	);
	return { ...opentracing, initGlobalTracer: (t: opentracing.Tracer) => void (global = t), globalTracer: () => delegate };
}

/** The worker's console capture (sandbox/worker.ts), as an object of its own. */
function consoleInto(sink: ConsoleSink): Console {
	const c = Object.create(globalThis.console) as Record<string, (...a: unknown[]) => void>;
	for (const m of ['log', 'info', 'debug', 'trace']) c[m] = (...a) => sink.push('out', formatArgs(a));
	for (const m of ['warn', 'error']) c[m] = (...a) => sink.push('err', formatArgs(a));
	return c as unknown as Console;
}

/** This process's timers, remembering which are pending so a stopped service's can be cleared. */
function ownTimers() {
	const timeouts = new Set<ReturnType<typeof setTimeout>>();
	const intervals = new Set<ReturnType<typeof setInterval>>();
	return {
		real: {
			setTimeout: ((fn: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => {
				const id = setTimeout(() => {
					timeouts.delete(id);
					fn(...rest);
				}, ms);
				timeouts.add(id);
				return id;
			}) as typeof setTimeout,
			clearTimeout: ((id: ReturnType<typeof setTimeout>) => {
				timeouts.delete(id);
				clearTimeout(id);
			}) as typeof clearTimeout,
			setInterval: ((fn: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => {
				const id = setInterval(fn, ms, ...rest);
				intervals.add(id);
				return id;
			}) as typeof setInterval,
			clearInterval: ((id: ReturnType<typeof setInterval>) => {
				intervals.delete(id);
				clearInterval(id);
			}) as typeof clearInterval
		},
		clearAll() {
			for (const id of timeouts) clearTimeout(id);
			for (const id of intervals) clearInterval(id);
			timeouts.clear();
			intervals.clear();
		}
	};
}

let services = 0;

/** One service in this process, held as the world holds a worker. */
class InProcessService implements ServiceLink {
	service = '';
	stopped = false;
	readonly #remote: RemoteServiceApi;
	readonly #timers = ownTimers();
	readonly #stoppedPromise: Promise<never>;
	#stop!: (e: Error) => void;

	constructor(dir: string) {
		// what a worker's realm holds: the bundle reads its runtime and console from here
		const own = `__tour_service_${++services}`;
		const realm: { runtime?: Record<string, unknown>; console?: Console } = {};
		(globalThis as Record<string, unknown>)[own] = realm;
		const { api } = createServiceApi({
			// created after installAsyncContext (setUpWorld): timers carry the active span
			liveness: createLiveness(this.#timers.real),
			later: (fn) => void setTimeout(fn, 0),
			provide(modules, sink) {
				realm.runtime = { ...modules, opentracing: ownOpentracing() };
				realm.console = consoleInto(sink);
			},
			bundleUrl(code) {
				const file = join(dir, `${own}.mjs`);
				// on the bundle's first line, so its source map's lines still hold; the map itself is
				// taken out, or Node would rewrite the stack frames the error mapping reads
				const body = code.replace(/\/\/# sourceMappingURL=.*$/m, '').replaceAll(`globalThis.${RUNTIME_GLOBAL}`, `globalThis.${own}.runtime`);
				writeFileSync(file, `const console = globalThis.${own}.console; ${body}`);
				// vitest's module runner names the file by its path in stack frames
				return file;
			},
			load: async (url) => (await import(/* @vite-ignore */ url)) as Record<string, unknown>,
			// process.exit: as a worker closes itself, none of the service's timers fire again (what it
			// still sends is dropped by the service itself; the world stops it)
			stopRealm: () => this.#timers.clearAll()
		});
		// the world's view of it: every method answers with a promise
		this.#remote = Object.fromEntries(
			Object.entries(api).map(([k, f]) => [k, async (...a: unknown[]) => (f as (...x: unknown[]) => unknown)(...a)])
		) as unknown as RemoteServiceApi;
		this.#stoppedPromise = new Promise<never>((_, reject) => (this.#stop = reject));
		this.#stoppedPromise.catch(() => {});
	}

	call<T>(fn: (api: RemoteServiceApi) => Promise<T>): Promise<T> {
		if (this.stopped) return Promise.reject(new WorkerStopped(this.service));
		// a call reaches a worker as a message: no span of the caller (another service) is active
		const { current: saved, carried } = contextSlot;
		contextSlot.current = null;
		contextSlot.carried = undefined; // nor the caller's OpenTelemetry context
		let p: Promise<T>;
		try {
			p = fn(this.#remote);
		} finally {
			contextSlot.current = saved;
			contextSlot.carried = carried;
		}
		return Promise.race([p, this.#stoppedPromise]);
	}

	/** In one process nothing can spin while the world asks, so a service not stopped answers. */
	async responsive(): Promise<boolean> {
		return !this.stopped;
	}

	/** In one process an answer resumes the service in the world's own microtasks: nothing to count. */
	activity(): number {
		return 0;
	}

	stop(): void {
		if (this.stopped) return;
		this.stopped = true;
		this.#timers.clearAll();
		this.#stop(new WorkerStopped(this.service));
	}
}

/** Fresh in-process services; their bundles are written to `dir` to be imported. */
export function inProcessPool(dir: string): WorldDeps['pool'] {
	return { take: (n) => Array.from({ length: n }, () => new InProcessService(dir)) };
}

function parseSpans(body: string): SpanRecord[] {
	try {
		return (JSON.parse(body) as { spans?: SpanRecord[] }).spans ?? [];
	} catch {
		return []; // the agent answers it
	}
}

/** The simulated Jaeger as backend.worker.ts runs it, in this process, for one run. */
export function inProcessBackend() {
	let backend: Backend | null = null;
	const api = createBackendWorkerApi((options) => (backend = createBackend(options)));
	/** the spans jaeger-agent received, as they came */
	const records: SpanRecord[] = [];
	return {
		name: 'jaeger',
		records,
		async attach(network: Network, ctx?: HostContext): Promise<void> {
			await api.init();
			if (ctx) await applyStrategiesFile((text) => api.loadSamplingFile(text), ctx);
			// the run's jaeger.yml, as the page's backend link applies it (a bad one fails the run there)
			const yml = ctx?.files[PIPELINE_FILE];
			const parsed = yml === undefined ? null : parsePipelineConfig(yml);
			if (parsed && !parsed.ok) ctx?.fail('jaeger', parsed.message, { file: PIPELINE_FILE, line: parsed.line });
			api.configure(parsed?.ok ? parsed.config : DEFAULT_PIPELINE);
			for (const { host, port, datagram } of api.endpoints()) {
				const agent = host === HOSTS.agent && port === PORTS.agentCompact;
				network.listen(
					host,
					port,
					(req) => {
						if (agent) records.push(...parseSpans(req.body));
						return api.handle(host, port, req);
					},
					'backend',
					{ datagram }
				);
			}
		},
		flush: () => api.flush(),
		/** what Runner.traces() reads: the traces this run wrote */
		traces: async (): Promise<Trace[]> => (backend ? readRunTraces(api, 1000, 250) : []),
		dispose: () => backend?.dispose()
	};
}

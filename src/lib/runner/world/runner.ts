import { createQueryClient, type PipelineSnapshot, type QueryClient } from '$lib/backend';
import { createWorldHosts, WORLD_HOST_KINDS } from '$lib/sim';
import type { Trace } from '$lib/model';
import { CompilerClient } from '../compile/client';
import { BackendLink } from './backend-link';
import { WorkerPool } from './pool';
import { Sandbox } from '../sandbox/sandbox';
import { startWorld, type RunningWorld } from './run';
import type { RunCallbacks, RunRequest, RunResult } from './types';

/**
 * What a page holds: one compiler worker, a pool of fresh service workers and the backend, kept
 * warm across runs. `run()` replaces the previous world (stopping it if it still runs).
 */
export class Runner {
	readonly compiler = new CompilerClient();
	/** learner code runs only in here: an opaque-origin frame with no network (README, Security model) */
	readonly #sandbox = new Sandbox();
	readonly #pool = new WorkerPool(() => this.#sandbox.spawn());
	readonly #backend: BackendLink;
	/** the broker, Redis, the database and the proxy: fresh for every run */
	readonly #world = createWorldHosts(WORLD_HOST_KINDS);
	#current: RunningWorld | null = null;
	/** `persistTraces`: keep the backend's traces in IndexedDB so they survive a reload. */
	constructor(options: { persistTraces?: boolean } = {}) {
		this.#backend = new BackendLink({ persist: options.persistTraces });
	}

	/** The pipeline's counters while runs go (null stops them): what the Backend panel draws. */
	onBackendSnapshot(listener: ((s: PipelineSnapshot) => void) | null): void {
		this.#backend.onSnapshot(listener);
	}

	/** Forgets every trace the backend holds. */
	clearTraces(): Promise<void> {
		return this.#backend.clear();
	}

	/** Start loading esbuild and spawning workers before the first Run. */
	warm(): void {
		void this.compiler.warm().catch(() => {});
		this.#backend.warm();
		this.#pool.warm();
	}

	async run(req: RunRequest, callbacks: RunCallbacks = {}): Promise<RunResult> {
		const previous = this.#current;
		if (previous) {
			previous.stop();
			await previous.result.catch(() => {});
		}
		this.#backend.newRun();
		const world = startWorld({ compiler: this.compiler, pool: this.#pool, hosts: [this.#backend, this.#world] }, req, callbacks);
		this.#current = world;
		try {
			return await world.result;
		} finally {
			if (this.#current === world) {
				this.#current = null;
				this.#pool.warm();
			}
		}
	}

	/** Stops the run in progress, if any. */
	stop(): void {
		this.#current?.stop();
	}

	/**
	 * jaeger-query of the last run's backend (/api/services, /api/traces …), for the trace view and
	 * lesson checks. It talks to the backend directly, so it adds nothing to the Network panel.
	 */
	get queryClient(): QueryClient {
		return createQueryClient((url, init) => this.#backend.query(url, init));
	}

	/**
	 * The traces the last run produced (what a lesson check judges), oldest first: the ones it wrote,
	 * whatever their start times (a replayed span starts before the run). Earlier runs' traces stay
	 * in the backend for search and compare, as in a real Jaeger.
	 */
	traces(limit = 1000): Promise<Trace[]> {
		return this.#backend.runTraces(limit);
	}

	dispose(): void {
		this.stop();
		this.#pool.dispose();
		this.#sandbox.dispose();
		this.#backend.dispose();
	}
}

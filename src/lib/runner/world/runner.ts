import { createQueryClient, type QueryClient } from '$lib/backend';
import type { Trace } from '$lib/model';
import { CompilerClient } from '../compile/client';
import { BackendLink } from './backend-link';
import { WorkerPool } from './pool';
import { startWorld, type RunningWorld } from './run';
import type { RunCallbacks, RunRequest, RunResult } from './types';

/**
 * What a page holds: one compiler worker, a pool of fresh service workers and the backend, kept
 * warm across runs. `run()` replaces the previous world (stopping it if it still runs).
 */
export class Runner {
	readonly compiler = new CompilerClient();
	readonly #pool = new WorkerPool();
	readonly #backend = new BackendLink();
	#current: RunningWorld | null = null;

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
		const world = startWorld({ compiler: this.compiler, pool: this.#pool, backend: this.#backend }, req, callbacks);
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
	 * Every trace the last run left in the backend (what a lesson check judges): each service's
	 * traces, once each. The backend is reset at the start of each run, so these are that run's.
	 */
	async traces(limit = 1000): Promise<Trace[]> {
		const q = this.queryClient;
		const byId = new Map<string, Trace>();
		for (const service of await q.getServices()) {
			for (const t of await q.findTraces({ service, limit })) byId.set(t.traceID, t);
		}
		return [...byId.values()];
	}

	dispose(): void {
		this.stop();
		this.#pool.dispose();
		this.#backend.dispose();
	}
}

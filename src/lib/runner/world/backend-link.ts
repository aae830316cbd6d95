import * as Comlink from 'comlink';
import type { BackendWorkerApi } from '$lib/backend';
import type { Network, SimResponse } from '$lib/sim';

/**
 * The simulated Jaeger in its own worker, one per page. Each run starts it afresh (`init`), so a run's
 * traces are that run's only, and registers its endpoints on the run's network.
 */
export class BackendLink {
	#api: Comlink.Remote<BackendWorkerApi> | null = null;
	#worker: Worker | null = null;

	#ensure(): Comlink.Remote<BackendWorkerApi> {
		if (!this.#api) {
			this.#worker = new Worker(new URL('../../backend/backend.worker.ts', import.meta.url), { type: 'module', name: 'jaeger' });
			this.#api = Comlink.wrap<BackendWorkerApi>(this.#worker);
		}
		return this.#api;
	}

	/** Starts the worker now so the first run does not wait for it. */
	warm(): void {
		this.#ensure();
	}

	/** A clean backend, listening on the network. */
	async attach(network: Network): Promise<void> {
		const api = this.#ensure();
		await api.init({});
		for (const { host, port } of await api.endpoints()) {
			network.listen(host, port, (req) => api.handle(host, port, req), 'backend');
		}
	}

	/** Makes the agent hand what it buffered to the collector, so queries see every span. */
	async flush(): Promise<void> {
		await this.#api?.flush();
	}

	/** jaeger-query, straight to the backend (not over a run's network: queries are not the learner's traffic). */
	async query(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<SimResponse> {
		const u = new URL(url);
		return this.#ensure().handle(u.hostname, Number(u.port) || 80, {
			method: init.method ?? 'GET',
			url,
			headers: init.headers ?? {},
			body: init.body ?? ''
		});
	}

	dispose(): void {
		this.#worker?.terminate();
		this.#worker = null;
		this.#api = null;
	}
}

// What the backend worker exposes over comlink, kept out of the worker file so it runs in Node
// tests. Everything crossing here is plain data (structured clone): requests, responses, stats.
import type { SimRequest, SimResponse } from '$lib/sim';
import type { Backend, BackendOptions, BackendStats } from './backend';
import type { SamplingStrategy } from './sampling';
import { findHandler } from './routing';
import { loadStrategiesFile, type StrategiesFileReport } from './strategies-file/load';

/** Backend options that can cross a worker boundary (no functions, no persistence object). */
export interface WorkerBackendOptions extends Pick<BackendOptions, 'store' | 'validation' | 'agent' | 'sampling' | 'hosts' | 'persistDebounceMs'> {
	/** keep traces in IndexedDB across reloads (when the worker has indexedDB) */
	persist?: boolean;
}

export interface BackendWorkerApi {
	/** (Re)creates the backend; until called, one with default options is used. */
	init(options?: WorkerBackendOptions): Promise<{ restoredTraces: number; ignored: number }>;
	/** host:port pairs the network should route to this worker */
	endpoints(): { host: string; port: number }[];
	handle(host: string, port: number, req: SimRequest): Promise<SimResponse>;
	stats(): BackendStats;
	clear(): void;
	flush(): Promise<void>;
	setSamplingStrategy(service: string, strategy: SamplingStrategy | null): void;
	/** A run's sampling.json (null: none, back to the course default); a bad file is refused and changes nothing. */
	loadSamplingFile(text: string | null): StrategiesFileReport;
	stopAgent(): void;
	startAgent(): void;
	stopCollector(): void;
	startCollector(): void;
}

export function createBackendWorkerApi(create: (options: WorkerBackendOptions) => Backend): BackendWorkerApi {
	let backend: Backend | null = null;
	const current = () => (backend ??= create({}));

	return {
		async init(options = {}) {
			backend?.dispose();
			backend = create(options);
			const r = await backend.ready;
			return { restoredTraces: r.traces, ignored: r.ignored };
		},
		endpoints: () => current().handlers().map(({ host, port }) => ({ host, port })),
		async handle(host, port, req) {
			const handler = findHandler(current().handlers(), host, port);
			if (!handler) return { status: 502, headers: { 'content-type': 'text/plain' }, body: `no backend component on ${host}:${port}` };
			try {
				return await handler(req);
			} catch (e) {
				// A handler bug must not take the worker (and every trace in it) down.
				return { status: 500, headers: { 'content-type': 'text/plain' }, body: `backend error: ${(e as Error)?.message ?? e}` };
			}
		},
		stats: () => current().stats(),
		clear: () => current().clear(),
		flush: () => current().flush(),
		setSamplingStrategy: (service, strategy) => current().sampling.setStrategy(service, strategy),
		loadSamplingFile: (text) => loadStrategiesFile(current().sampling, typeof text === 'string' ? text : null),
		stopAgent: () => current().agent.stop(),
		startAgent: () => current().agent.start(),
		stopCollector: () => current().collector.stop(),
		startCollector: () => current().collector.start()
	};
}

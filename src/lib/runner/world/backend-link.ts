import * as Comlink from 'comlink';
import { DEFAULT_PIPELINE, parsePipelineConfig, PIPELINE_FILE, readRunTraces, spawnBackendWorker, type BackendWorkerApi, type PipelineConfig, type PipelineSnapshot } from '$lib/backend';
import type { HostContext, Network, SimResponse } from '$lib/sim';
import type { Trace } from '$lib/model';

/** The run's jaeger.yml (top level or in a folder), read on the page: only plain data goes to the worker. */
export function pipelineFromFiles(files: Readonly<Record<string, string>>): { config: PipelineConfig } | { file: string; line: number; message: string } {
	const file = Object.keys(files)
		.filter((f) => f === PIPELINE_FILE || f.endsWith('/' + PIPELINE_FILE))
		.sort((a, b) => a.length - b.length)[0];
	if (file === undefined) return { config: DEFAULT_PIPELINE };
	const r = parsePipelineConfig(files[file]);
	return r.ok ? { config: r.config } : { file, line: r.line, message: r.message };
}
import { applyStrategiesFile } from './sampling-file';
import { DEFAULT_LIMITS, formatMs, within } from './limits';
import { createBackendBatcher } from './backend-batch';

/** spans per message when the page reads a run's traces */
const RUN_TRACES_PAGE_SPANS = 250;

/**
 * The simulated Jaeger in its own worker, one per page, like an all-in-one Jaeger: started once,
 * it keeps every run's traces (for search and compare; Runner.traces() picks the last run's) and
 * registers its endpoints on each run's network. With `persist`, traces also survive a reload.
 */

export class BackendLink {
	readonly name = 'jaeger';
	#api: Comlink.Remote<BackendWorkerApi> | null = null;
	#worker: Worker | null = null;
	#started: Promise<unknown> | null = null;

	constructor(private readonly options: { persist?: boolean } = {}) {}

	#ensure(): Comlink.Remote<BackendWorkerApi> {
		if (!this.#api) {
			this.#worker = spawnBackendWorker();
			this.#api = Comlink.wrap<BackendWorkerApi>(this.#worker);
		}
		return this.#api;
	}

	/** The worker with its backend started (and, with `persist`, earlier traces restored). */
	async #start(): Promise<Comlink.Remote<BackendWorkerApi>> {
		const api = this.#ensure();
		this.#started ??= api.init({ persist: this.options.persist ?? false });
		await this.#started;
		return api;
	}

	/** Starts the backend now: the first run does not wait for it, and search works before any run. */
	warm(): void {
		void this.#start().catch(() => {});
	}

	#snapshotListener: ((s: PipelineSnapshot) => void) | null = null;

	/** Counter snapshots of the pipeline (about 10 a second while they change), for the Backend panel. */
	onSnapshot(listener: ((s: PipelineSnapshot) => void) | null): void {
		this.#snapshotListener = listener;
		void this.#start()
			.then((api) => api.onSnapshot(listener ? Comlink.proxy((s: PipelineSnapshot) => this.#snapshotListener?.(s)) : null))
			.catch(() => {});
	}

	/** false from a run's start until its pipeline is set up: a run that never got that far wrote no traces */
	#runAttached = true;

	/** A run starts: until attach(), it has no traces of its own (not the last run's either). */
	newRun(): void {
		this.#runAttached = false;
	}

	/** The traces the current run wrote (since its attach), oldest start first: what its checks and Traces tab read. */
	async runTraces(limit: number): Promise<Trace[]> {
		if (!this.#runAttached) return [];
		// a page per message: the capstone's 1,200 spans cloned in one message made an 80 ms task
		const read = await within(
			this.#start().then((api) => readRunTraces(api, limit, RUN_TRACES_PAGE_SPANS)),
			DEFAULT_LIMITS.hostAnswerMs
		);
		if (!read.done) throw new Error(`jaeger-query did not answer within ${formatMs(DEFAULT_LIMITS.hostAnswerMs)}: the run's traces cannot be shown. If this happens again, reload the page.`);
		return read.value;
	}

	/** The page's backend, listening on this run's network, its pipeline set up by the run's jaeger.yml and its sampling by sampling.json. */
	async attach(network: Network, ctx?: HostContext): Promise<void> {
		const api = await this.#start();
		if (ctx) await applyStrategiesFile((text) => api.loadSamplingFile(text), ctx);
		const pipeline = pipelineFromFiles(ctx?.files ?? {});
		if ('message' in pipeline) ctx?.fail('jaeger', pipeline.message, { file: pipeline.file, line: pipeline.line });
		await api.configure('config' in pipeline ? pipeline.config : DEFAULT_PIPELINE);
		this.#runAttached = true;
		const snap = await api.snapshot();
		this.#snapshotListener?.(snap);
		const send = createBackendBatcher((calls) => api.handleBatch(calls));
		for (const { host, port, datagram } of await api.endpoints()) {
			network.listen(host, port, (req) => send({ host, port, req }), 'backend', { datagram });
		}
	}

	/** Makes the agent hand what it buffered to the collector, so queries see every span. */
	async flush(): Promise<void> {
		await this.#api?.flush();
	}

	/** jaeger-query, straight to the backend (not over a run's network: queries are not the learner's traffic). */
	async query(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<SimResponse> {
		const u = new URL(url);
		return (await this.#start()).handle(u.hostname, Number(u.port) || 80, {
			method: init.method ?? 'GET',
			url,
			headers: init.headers ?? {},
			body: init.body ?? ''
		});
	}

	/** Forgets every trace (a fresh Jaeger). */
	async clear(): Promise<void> {
		await this.#api?.clear();
	}

	dispose(): void {
		this.#worker?.terminate();
		this.#worker = null;
		this.#api = null;
		this.#started = null;
	}
}

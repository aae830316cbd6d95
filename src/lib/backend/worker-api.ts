// What the backend worker exposes over comlink, kept out of the worker file so it runs in Node
// tests. Everything crossing here is plain data (structured clone): requests, responses, stats.
import type { SimRequest, SimResponse } from '$lib/sim';
import type { Trace } from '../model/index';
import type { Backend, BackendOptions, BackendStats } from './backend';
import type { SamplingStrategy } from './sampling';
import type { PipelineSnapshot } from './pipeline/snapshot';
import { findHandler } from './routing';
import { normalizePipelineConfig } from './pipeline/config';
import { loadStrategiesFile, type StrategiesFileReport } from './strategies-file/load';

/** Backend options that can cross a worker boundary (no functions, no persistence object). */
export interface WorkerBackendOptions extends Pick<BackendOptions, 'store' | 'validation' | 'agent' | 'pipeline' | 'sampling' | 'hosts' | 'persistDebounceMs'> {
	/** keep traces in IndexedDB across reloads (when the worker has indexedDB) */
	persist?: boolean;
}

export interface BackendWorkerApi {
	/** (Re)creates the backend; until called, one with default options is used. */
	init(options?: WorkerBackendOptions): Promise<{ restoredTraces: number; ignored: number }>;
	/** host:port pairs the network should route to this worker */
	endpoints(): { host: string; port: number; datagram: boolean }[];
	handle(host: string, port: number, req: SimRequest): Promise<SimResponse>;
	/** Several requests in one message (a burst of span packets), handled in order; answers in the same order. */
	handleBatch(batch: { host: string; port: number; req: SimRequest }[]): Promise<SimResponse[]>;
	stats(): BackendStats;
	/** A fresh pipeline for the next run (jaeger.yml, already read on the page): checked again here, since it crosses a boundary. */
	configure(config: unknown): void;
	snapshot(): PipelineSnapshot;
	/**
	 * The traces this run (since the last configure) wrote, oldest start first, at most `limit` (the last
	 * written), a page at a time so the page never clones a few thousand spans in one task: traces
	 * until about `maxSpans` spans (at least one). Without `reading` the run's traces are read afresh;
	 * the answer's `reading` and `next` ask for the next page of that same reading (null: no more).
	 */
	runTracesPage(limit: number, maxSpans: number, reading?: { id: number; from: number }): RunTracesPage;
	/** `listener` (a comlink proxy) gets throttled snapshots; a second call replaces the first; null stops them */
	onSnapshot(listener: ((s: PipelineSnapshot) => void) | null): void;
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

export interface RunTracesPage {
	traces: Trace[];
	reading: number;
	next: number | null;
}

/** Every trace of the run, read through runTracesPage a page (about `pageSpans` spans) at a time. */
export async function readRunTraces(
	api: { runTracesPage(limit: number, maxSpans: number, reading?: { id: number; from: number }): RunTracesPage | Promise<RunTracesPage> },
	limit: number,
	pageSpans: number
): Promise<Trace[]> {
	let page = await api.runTracesPage(limit, pageSpans);
	const traces = [...page.traces];
	while (page.next !== null) {
		page = await api.runTracesPage(limit, pageSpans, { id: page.reading, from: page.next });
		traces.push(...page.traces);
	}
	return traces;
}

/** readings paged at once (a reader that never asks for its next page is forgotten after these) */
const MAX_READINGS = 4;

export function createBackendWorkerApi(create: (options: WorkerBackendOptions) => Backend): BackendWorkerApi {
	let backend: Backend | null = null;
	/** run traces read by runTracesPage, by reading, until their last page is taken */
	const readings = new Map<number, Trace[]>();
	let nextReading = 1;
	let listener: ((s: PipelineSnapshot) => void) | null = null;
	let unsubscribe: (() => void) | null = null;
	const subscribe = () => {
		unsubscribe?.();
		unsubscribe = null;
		const l = listener;
		if (backend && l)
			unsubscribe = backend.onSnapshot((s) => {
				// a page that went away must not break the backend
				Promise.resolve(l(s)).catch(() => {});
			});
	};
	const current = () => {
		if (!backend) {
			backend = create({});
			subscribe();
		}
		return backend;
	};

	const handle = async (host: string, port: number, req: SimRequest): Promise<SimResponse> => {
		const handler = findHandler(current().handlers(), host, port);
		if (!handler) return { status: 502, headers: { 'content-type': 'text/plain' }, body: `no backend component on ${host}:${port}` };
		try {
			return await handler(req);
		} catch (e) {
			// A handler bug must not take the worker (and every trace in it) down.
			return { status: 500, headers: { 'content-type': 'text/plain' }, body: `backend error: ${(e as Error)?.message ?? e}` };
		}
	};

	return {
		async init(options = {}) {
			backend?.dispose();
			backend = create(options);
			subscribe();
			const r = await backend.ready;
			return { restoredTraces: r.traces, ignored: r.ignored };
		},
		endpoints: () => current().handlers().map(({ host, port, datagram }) => ({ host, port, datagram: datagram === true })),
		handle,
		handleBatch(batch) {
			if (!Array.isArray(batch)) return Promise.resolve([]);
			// each starts before the next, so a packet reaches the agent's queue in the order it was sent
			return Promise.all(batch.map((b) => handle(b?.host, b?.port, b?.req)));
		},
		stats: () => current().stats(),
		configure: (config) => current().configure(normalizePipelineConfig(config)),
		snapshot: () => current().snapshot(),
		runTracesPage(limit, maxSpans, reading) {
			let id = typeof reading?.id === 'number' ? reading.id : 0;
			let traces = readings.get(id);
			let start = traces && Number.isInteger(reading?.from) && reading!.from > 0 ? reading!.from : 0;
			if (!traces) {
				// a first page (or a reading that was forgotten): read afresh
				id = nextReading++;
				traces = current().runTraces(typeof limit === 'number' && limit > 0 ? limit : 1000);
				readings.set(id, traces);
				if (readings.size > MAX_READINGS) readings.delete(readings.keys().next().value!);
				start = 0;
			}
			const budget = typeof maxSpans === 'number' && maxSpans > 0 ? maxSpans : Infinity;
			let end = start;
			let spans = 0;
			while (end < traces.length && (end === start || spans + traces[end].spans.length <= budget)) spans += traces[end++].spans.length;
			const next = end < traces.length ? end : null;
			if (next === null) readings.delete(id);
			return { traces: traces.slice(start, end), reading: id, next };
		},
		onSnapshot(l) {
			listener = l;
			current();
			subscribe();
		},
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

// Assembles the simulated Jaeger: agent → collector → store ← query, plus sampling strategies,
// the way jaeger-all-in-one runs them in one process with in-memory storage.
import { type Agent, type AgentOptions, type AgentStats, createAgent } from './agent';
import { type Collector, type CollectorStats, createCollector } from './collector';
import { DEFAULT_PIPELINE, normalizePipelineConfig, type PipelineConfig } from './pipeline/config';
import { createKafkaPath, type KafkaPath } from './pipeline/kafka';
import { pipelineSnapshot, type PipelineSnapshot } from './pipeline/snapshot';
import { createStorage, type Storage } from './pipeline/storage';
import { createThrottle } from './pipeline/throttle';
import { ES_HOST, ES_PORT, type ElasticsearchStore } from './store/elasticsearch';
import { dependenciesOfDay } from './store/dependency-job';
import { utcDay } from './store/es-index';
import { createOtlpReceiver } from './otlp-receiver';
import { DEFAULT_VALIDATION_LIMITS, type ValidationLimits, validateSpan } from './validate';
import type { TracePersistence } from './persistence';
import { createQueryClient, type QueryTransport, type QueryClient } from './query/client';
import { createQueryHandler } from './query/handler';
import { fetchFromHandlers, type HandlerEntry } from './routing';
import { createSamplingManager, type SamplingConfig, type SamplingManager } from './sampling';
import { MemoryStore, type StoreLimits, type StoreStats } from './store/memory-store';
import { trackRunTraces } from './store/run-traces';
import type { Trace } from '../model/index';
import { type PersistenceSync, type RestoreResult, syncStoreWithPersistence } from './store-sync';
import { realTimers, type Timers } from './timers';
import type { SimHandler } from '$lib/sim';

export const PORTS = { agentCompact: 6831, agentBinary: 6832, sampling: 5778, collector: 14268, otlpHttp: 4318, query: 16686, elasticsearch: ES_PORT } as const;
export const HOSTS = { agent: 'jaeger-agent', collector: 'jaeger-collector', query: 'jaeger-query', elasticsearch: ES_HOST } as const;
/** Counter pictures per second at most (the Backend panel) */
export const SNAPSHOT_INTERVAL_MS = 100;

export interface BackendOptions {
	store?: Partial<StoreLimits>;
	validation?: Partial<ValidationLimits>;
	agent?: Partial<AgentOptions>;
	/** the loss points, faults, storage and Kafka (what jaeger.yml sets); `agent` above overrides its part */
	pipeline?: PipelineConfig;
	sampling?: SamplingConfig;
	/** e.g. createIndexedDbPersistence(indexedDB); without it traces live in memory only */
	persistence?: TracePersistence;
	/** ms between the first unsaved change and the save (default 500) */
	persistDebounceMs?: number;
	/** host names the components answer on (defaults jaeger-agent, jaeger-collector, jaeger-query) */
	hosts?: Partial<Record<keyof typeof HOSTS, string>>;
	/** ms since the epoch; default Date.now */
	now?: () => number;
	timers?: Timers;
	warn?: (msg: string) => void;
}

export interface BackendStats {
	agent: AgentStats;
	collector: CollectorStats;
	store: StoreStats;
}

export interface Backend {
	/** the current pipeline's components: replaced by configure() */
	readonly agent: Agent;
	sampling: SamplingManager;
	readonly collector: Collector;
	readonly storage: Storage;
	readonly kafka: KafkaPath | null;
	readonly pipeline: PipelineConfig;
	store: MemoryStore;
	/** a fresh pipeline (counters at zero) with this configuration, for a new run; stored traces stay */
	configure(config: PipelineConfig): void;
	/** the traces written since the last configure() (this run's), oldest start first: the last `limit` written */
	runTraces(limit?: number): Trace[];
	/** the Backend panel's picture of the pipeline now */
	snapshot(): PipelineSnapshot;
	/** called with a snapshot at most every SNAPSHOT_INTERVAL_MS while counters change; returns an unsubscribe */
	onSnapshot(listener: (s: PipelineSnapshot) => void): () => void;
	/** the jaeger-query HTTP handler */
	query: SimHandler;
	/** what the simulated network routes to: every component on its Jaeger port */
	handlers(): HandlerEntry[];
	/** a fetch-like function over this backend's handlers only */
	fetch: QueryTransport;
	/** a query client over `fetch` */
	client: QueryClient;
	/** settles once persisted traces are reloaded (at once without persistence) */
	ready: Promise<RestoreResult>;
	stats(): BackendStats;
	/** empties the store and resets every counter (the persisted copy is cleared on the next save) */
	clear(): void;
	/** forwards what the agent holds and saves pending changes */
	flush(): Promise<void>;
	dispose(): void;
}

/**
 * spark-dependencies over Elasticsearch, once per UTC day the run wrote spans in: that day's edges,
 * from every stored trace with a span that day, into `jaeger-dependencies-<day>`.
 */
function runDependenciesJob(store: MemoryStore, es: ElasticsearchStore, runTraceIDs: string[]): void {
	const days = new Set<string>();
	for (const id of runTraceIDs) for (const r of store.getRecords(id) ?? []) days.add(utcDay(r.startTime));
	if (days.size === 0) return;
	const traces = store.traceIDs().map((id) => store.getRecords(id) ?? []);
	for (const day of days) es.writeDependencies(day, dependenciesOfDay(traces, day));
}

function disposeParts(p: { agent: Agent; collector: Collector; kafka: KafkaPath | null }) {
	p.agent.dispose();
	p.collector.dispose();
	p.kafka?.dispose();
}

export function createBackend(options: BackendOptions = {}): Backend {
	const now = options.now ?? Date.now;
	const timers = options.timers ?? realTimers;
	const warn = options.warn ?? ((m: string) => console.warn(m));
	const hosts = { ...HOSTS, ...options.hosts };

	const store = new MemoryStore(options.store);
	const run = trackRunTraces(store);
	const sampling = createSamplingManager(options.sampling);
	let queryRequests = 0;
	// on Elasticsearch, jaeger-query reads the dependencies job's daily documents (written at run end)
	const queryHandler = createQueryHandler(store, now, (end, lookback) =>
		parts.storage.es ? parts.storage.es.dependencies(end, lookback) : store.getDependencies(end, lookback)
	);
	const query: SimHandler = (req) => {
		queryRequests++;
		changed();
		return queryHandler(req);
	};

	const listeners = new Set<(s: PipelineSnapshot) => void>();
	let seq = 0;
	const throttle = createThrottle(timers, SNAPSHOT_INTERVAL_MS, () => {
		const snap = snapshot();
		for (const l of listeners) l(snap);
	});
	function changed() {
		if (listeners.size > 0) throttle.poke();
	}

	interface Parts {
		config: PipelineConfig;
		storage: Storage;
		kafka: KafkaPath | null;
		collector: Collector;
		agent: Agent;
	}
	function build(config: PipelineConfig): Parts {
		const storage = createStorage(config.storage, store);
		const kafka = config.kafka.enabled ? createKafkaPath(config.kafka, storage.downstream, timers, changed) : null;
		const collector = createCollector({
			store,
			limits: options.validation,
			now,
			config: config.collector,
			downstream: kafka ? kafka.producer : storage.downstream,
			timers,
			onChange: changed
		});
		const agent = createAgent((spans) => collector.writeSpans(spans), { ...config.agent, ...options.agent }, timers, changed);
		return { config, storage, kafka, collector, agent };
	}
	let parts = build(normalizePipelineConfig(options.pipeline ?? DEFAULT_PIPELINE));

	function snapshot(): PipelineSnapshot {
		return pipelineSnapshot({
			seq: ++seq,
			config: parts.config,
			agent: parts.agent.stats(),
			collector: parts.collector.stats(),
			kafka: parts.kafka?.stats() ?? null,
			storage: parts.storage.stats(),
			queryRequests
		});
	}

	const esHandler: SimHandler = (req) =>
		parts.storage.es ? parts.storage.es.handler(req) : { status: 502, headers: { 'content-type': 'text/plain' }, body: 'storage is memory: no elasticsearch' };
	const entries: HandlerEntry[] = [
		{ host: hosts.agent, port: PORTS.agentCompact, handler: (req) => parts.agent.handler(req), datagram: true },
		{ host: hosts.agent, port: PORTS.agentBinary, handler: (req) => parts.agent.handler(req), datagram: true },
		{ host: hosts.agent, port: PORTS.sampling, handler: sampling.handler },
		{ host: hosts.collector, port: PORTS.collector, handler: (req) => parts.collector.handler(req) },
		// the collector of the moment: jaeger.yml may have rebuilt it for this run
		{ host: hosts.collector, port: PORTS.otlpHttp, handler: (req) => createOtlpReceiver(parts.collector)(req) },
		{ host: hosts.query, port: PORTS.query, handler: query },
		{ host: hosts.elasticsearch, port: PORTS.elasticsearch, handler: esHandler }
	];
	/** elasticsearch:9200 is on the network only while the storage is Elasticsearch */
	const liveEntries = () => entries.filter((e) => e.host !== hosts.elasticsearch || parts.storage.es !== null);
	const fetch: QueryTransport = (url, init) => fetchFromHandlers(liveEntries())(url, init);

	let sync: PersistenceSync | null = null;
	if (options.persistence) {
		const limits = { ...DEFAULT_VALIDATION_LIMITS, ...options.validation };
		sync = syncStoreWithPersistence(store, options.persistence, {
			validate: (raw) => {
				const v = validateSpan(raw, limits, now() * 1000);
				return v.ok ? v.record : null;
			},
			debounceMs: options.persistDebounceMs ?? 500,
			timers,
			warn
		});
	}

	return {
		get agent() {
			return parts.agent;
		},
		get collector() {
			return parts.collector;
		},
		get storage() {
			return parts.storage;
		},
		get kafka() {
			return parts.kafka;
		},
		get pipeline() {
			return parts.config;
		},
		sampling,
		store,
		query,
		configure(config) {
			disposeParts(parts);
			parts = build(normalizePipelineConfig(config));
			queryRequests = 0;
			run.reset();
			changed();
		},
		runTraces(limit) {
			const traces = run.ids(limit).flatMap((id) => store.getTrace(id) ?? []);
			const startOf = (t: Trace) => t.spans.reduce((m, s) => Math.min(m, s.startTime), Infinity);
			return traces.sort((a, b) => startOf(a) - startOf(b));
		},
		snapshot,
		onSnapshot(listener) {
			listeners.add(listener);
			return () => void listeners.delete(listener);
		},
		handlers: () => liveEntries().map((e) => ({ ...e })),
		fetch,
		client: createQueryClient(fetch, `http://${hosts.query}:${PORTS.query}`),
		ready: sync?.ready ?? Promise.resolve({ traces: 0, spans: 0, ignored: 0 }),
		stats: () => ({ agent: parts.agent.stats(), collector: parts.collector.stats(), store: store.stats() }),
		clear() {
			store.clear();
			parts.storage.es?.clear();
			parts.agent.resetStats();
			parts.collector.resetStats();
			parts.kafka?.resetStats();
			parts.storage.resetStats();
			changed();
		},
		async flush() {
			// the whole way down, in order: what the agent holds, the collector's queue, the topic
			parts.agent.flush();
			parts.collector.flush();
			parts.kafka?.flush();
			// then the dependencies job, as a cron would start spark-dependencies after the day's writes
			if (parts.storage.es) runDependenciesJob(store, parts.storage.es, run.ids());
			if (listeners.size > 0) throttle.now();
			await sync?.flush();
		},
		dispose() {
			disposeParts(parts);
			run.dispose();
			throttle.dispose();
			sync?.detach();
			options.persistence?.close();
		}
	};
}

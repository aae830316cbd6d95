// Assembles the simulated Jaeger: agent → collector → store ← query, plus sampling strategies,
// the way jaeger-all-in-one runs them in one process with in-memory storage.
import { type Agent, type AgentOptions, type AgentStats, createAgent } from './agent';
import { type Collector, type CollectorStats, createCollector } from './collector';
import { createOtlpReceiver } from './otlp-receiver';
import { DEFAULT_VALIDATION_LIMITS, type ValidationLimits, validateSpan } from './validate';
import type { TracePersistence } from './persistence';
import { createQueryClient, type QueryTransport, type QueryClient } from './query/client';
import { createQueryHandler } from './query/handler';
import { fetchFromHandlers, type HandlerEntry } from './routing';
import { createSamplingManager, type SamplingConfig, type SamplingManager } from './sampling';
import { MemoryStore, type StoreLimits, type StoreStats } from './store/memory-store';
import { type PersistenceSync, type RestoreResult, syncStoreWithPersistence } from './store-sync';
import { realTimers, type Timers } from './timers';
import type { SimHandler } from '$lib/sim';

export const PORTS = { agentCompact: 6831, agentBinary: 6832, sampling: 5778, collector: 14268, otlpHttp: 4318, query: 16686 } as const;
export const HOSTS = { agent: 'jaeger-agent', collector: 'jaeger-collector', query: 'jaeger-query' } as const;

export interface BackendOptions {
	store?: Partial<StoreLimits>;
	validation?: Partial<ValidationLimits>;
	agent?: Partial<AgentOptions>;
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
	agent: Agent;
	sampling: SamplingManager;
	collector: Collector;
	store: MemoryStore;
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

export function createBackend(options: BackendOptions = {}): Backend {
	const now = options.now ?? Date.now;
	const timers = options.timers ?? realTimers;
	const warn = options.warn ?? ((m: string) => console.warn(m));
	const hosts = { ...HOSTS, ...options.hosts };

	const store = new MemoryStore(options.store);
	const collector = createCollector({ store, limits: options.validation, now });
	const agent = createAgent((spans) => collector.writeSpans(spans), options.agent, timers);
	const sampling = createSamplingManager(options.sampling);
	const query = createQueryHandler(store, now);

	const entries: HandlerEntry[] = [
		{ host: hosts.agent, port: PORTS.agentCompact, handler: agent.handler },
		{ host: hosts.agent, port: PORTS.agentBinary, handler: agent.handler },
		{ host: hosts.agent, port: PORTS.sampling, handler: sampling.handler },
		{ host: hosts.collector, port: PORTS.collector, handler: collector.handler },
		{ host: hosts.collector, port: PORTS.otlpHttp, handler: createOtlpReceiver(collector) },
		{ host: hosts.query, port: PORTS.query, handler: query }
	];
	const fetch = fetchFromHandlers(entries);

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
		agent,
		sampling,
		collector,
		store,
		query,
		handlers: () => entries.map((e) => ({ ...e })),
		fetch,
		client: createQueryClient(fetch, `http://${hosts.query}:${PORTS.query}`),
		ready: sync?.ready ?? Promise.resolve({ traces: 0, spans: 0, ignored: 0 }),
		stats: () => ({ agent: agent.stats(), collector: collector.stats(), store: store.stats() }),
		clear() {
			store.clear();
			agent.resetStats();
			collector.resetStats();
		},
		async flush() {
			agent.flush();
			await sync?.flush();
		},
		dispose() {
			agent.dispose();
			sync?.detach();
			options.persistence?.close();
		}
	};
}

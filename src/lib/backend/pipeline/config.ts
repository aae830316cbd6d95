// How the simulated Jaeger's pipeline is set up for a run: sizes of each loss point, injected
// faults, the storage and the Kafka path. Plain data only — it crosses from the page (which reads
// jaeger.yml) to the backend worker, which checks it again with `normalizePipelineConfig`.

/** What is wrong with a component: down (not running), slow (1/10 of its speed), full (no room). */
export type Fault = 'none' | 'down' | 'slow' | 'full';
export const FAULTS: readonly Fault[] = ['none', 'down', 'slow', 'full'];

export type StorageType = 'memory' | 'elasticsearch';
export const STORAGE_TYPES: readonly StorageType[] = ['memory', 'elasticsearch'];

export interface AgentConfig {
	/** packets (span batches) the UDP server holds: processor.jaeger-compact.server-queue-size */
	queueSize: number;
	/** processor workers: processor.jaeger-compact.workers; each takes one packet per tick */
	workers: number;
	/** the UDP server's read buffer, bytes: processor.jaeger-compact.server-max-packet-size */
	maxPacketSize: number;
	fault: Fault;
}

export interface CollectorConfig {
	/** spans waiting for storage: collector.queue-size */
	queueSize: number;
	/** collector.num-workers: spans written per tick while storage is slow */
	workers: number;
	fault: Fault;
}

export interface StorageConfig {
	type: StorageType;
	/** es.index-prefix: `prod` gives prod-jaeger-span-2024-06-18 */
	indexPrefix: string;
	fault: Fault;
}

export interface KafkaConfig {
	/** collector → Kafka topic → jaeger-ingester → storage, instead of collector → storage */
	enabled: boolean;
	topic: string;
	/** messages the topic holds before the producer is refused */
	capacity: number;
	/** the ingester's speed: messages consumed per tick */
	ingesterRate: number;
}

export interface QueryConfig {
	/** all-in-one traces its own query service; off by default so the course's own reads stay out of your traces */
	traceSelf: boolean;
}

export interface PipelineConfig {
	agent: AgentConfig;
	collector: CollectorConfig;
	storage: StorageConfig;
	kafka: KafkaConfig;
	query: QueryConfig;
}

/** Jaeger v1's defaults (performance-tuning page and the flags' defaults). */
export const DEFAULT_PIPELINE: PipelineConfig = {
	agent: { queueSize: 1000, workers: 10, maxPacketSize: 65_000, fault: 'none' },
	collector: { queueSize: 2000, workers: 50, fault: 'none' },
	storage: { type: 'memory', indexPrefix: '', fault: 'none' },
	kafka: { enabled: false, topic: 'jaeger-spans', capacity: 100_000, ingesterRate: 500 },
	query: { traceSelf: false }
};

/** Bounds a run can set (beyond them a typo would freeze the tab or mean nothing). */
export const PIPELINE_LIMITS = {
	queueSize: [0, 1_000_000],
	workers: [1, 1000],
	maxPacketSize: [512, 65_507],
	capacity: [0, 10_000_000],
	ingesterRate: [1, 100_000],
	indexPrefixLength: 64
} as const;

const INDEX_PREFIX = /^[a-z0-9][a-z0-9_-]*$/;

/** Why a prefix cannot name an Elasticsearch index, or null when it can. */
export function indexPrefixProblem(prefix: string): string | null {
	if (prefix === '') return null;
	if (prefix.length > PIPELINE_LIMITS.indexPrefixLength) return `is longer than ${PIPELINE_LIMITS.indexPrefixLength} characters`;
	if (!INDEX_PREFIX.test(prefix)) return 'must be lower-case letters, digits, - and _ (Elasticsearch index names are lower case), starting with a letter or digit';
	return null;
}

function int(v: unknown, [lo, hi]: readonly [number, number], fallback: number): number {
	return typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi ? v : fallback;
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], fallback: T): T {
	return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
}

function obj(v: unknown): Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** Any value → a whole config: what is missing or out of bounds takes the default. */
export function normalizePipelineConfig(raw: unknown): PipelineConfig {
	const r = obj(raw);
	const a = obj(r.agent);
	const c = obj(r.collector);
	const s = obj(r.storage);
	const k = obj(r.kafka);
	const q = obj(r.query);
	const d = DEFAULT_PIPELINE;
	const L = PIPELINE_LIMITS;
	const prefix = typeof s.indexPrefix === 'string' && indexPrefixProblem(s.indexPrefix) === null ? s.indexPrefix : d.storage.indexPrefix;
	return {
		agent: {
			queueSize: int(a.queueSize, L.queueSize, d.agent.queueSize),
			workers: int(a.workers, L.workers, d.agent.workers),
			maxPacketSize: int(a.maxPacketSize, L.maxPacketSize, d.agent.maxPacketSize),
			fault: oneOf(a.fault, FAULTS, 'none')
		},
		collector: {
			queueSize: int(c.queueSize, L.queueSize, d.collector.queueSize),
			workers: int(c.workers, L.workers, d.collector.workers),
			fault: oneOf(c.fault, FAULTS, 'none')
		},
		storage: { type: oneOf(s.type, STORAGE_TYPES, 'memory'), indexPrefix: prefix, fault: oneOf(s.fault, FAULTS, 'none') },
		kafka: {
			enabled: k.enabled === true,
			topic: typeof k.topic === 'string' && /^[A-Za-z0-9._-]{1,100}$/.test(k.topic) ? k.topic : d.kafka.topic,
			capacity: int(k.capacity, L.capacity, d.kafka.capacity),
			ingesterRate: int(k.ingesterRate, L.ingesterRate, d.kafka.ingesterRate)
		},
		query: { traceSelf: q.traceSelf === true }
	};
}

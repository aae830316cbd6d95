// jaeger-collector: takes span batches over HTTP (:14268/api/traces) or in-process from the agent,
// validates every span and puts the good ones in its queue (collector.queue-size spans) for the
// workers that write to storage. A batch is never all-or-nothing: bad spans are rejected one by one
// with a counted reason, and the answer says which and why. While storage keeps up the queue stays
// empty (spans are written at once); when storage or the collector is slow the queue fills, and a
// span that finds it full is dropped — the incoming one, as Jaeger's BoundedQueue.Produce does.
import type { SpanRecord } from '../model/index';
import type { SimHandler } from '$lib/sim';
import { json, parseJsonBody, parseUrl, text } from './http';
import { BoundedQueue } from './pipeline/bounded-queue';
import { DEFAULT_PIPELINE, type CollectorConfig } from './pipeline/config';
import type { MemoryStore } from './store/memory-store';
import { realTimers, type Timers } from './timers';
import { DEFAULT_VALIDATION_LIMITS, type RejectReason, type ValidationLimits, validateSpan } from './validate';

/** Why a span did not end up in the store: a validation failure, the per-trace span cap, a full queue, a failed write. */
export type DropReason = RejectReason | 'trace-span-limit' | 'queue-full' | 'storage-failed';

/** Where the collector's workers write: the span store, Kafka, or a store with a fault. */
export interface SpanDownstream {
	/** true while writes are slow: the collector then drains its queue `workers` spans per tick */
	readonly slow: boolean;
	save(record: SpanRecord): 'stored' | 'trace-span-limit' | 'failed';
}

export function storeDownstream(store: MemoryStore): SpanDownstream {
	return { slow: false, save: (r) => store.write(r) };
}

export interface BatchResult {
	received: number;
	stored: number;
	/** failed validation */
	rejected: number;
	/** valid but not kept: the queue was full or the trace hit the store's span cap */
	dropped: number;
	/** valid and waiting in the queue for a slow storage */
	queued: number;
	reasons: Partial<Record<DropReason, number>>;
	/** the first few problems in detail (index in the batch, span id when known) */
	errors: { index: number; spanID?: string; reason: DropReason; message: string }[];
}

export interface CollectorStats {
	batches: number;
	/** HTTP bodies that were not JSON or had no span list */
	badBatches: number;
	received: number;
	stored: number;
	rejected: number;
	/** queue full or trace span cap */
	dropped: number;
	/** refused by a full queue: jaeger_collector_spans_dropped_total */
	queueDropped: number;
	/** writes storage refused (down or full): saved_by_svc{result="err"} */
	failed: number;
	/** spans waiting now: jaeger_collector_queue_length */
	queued: number;
	reasons: Partial<Record<DropReason, number>>;
}

export interface Collector {
	/** The write path: raw (untrusted) span objects, already parsed. */
	writeSpans(spans: readonly unknown[]): BatchResult;
	/** POST /api/traces with `{spans: SpanRecord[]}`, a bare array, or Jaeger JSON `{data: Trace[]}`. */
	handler: SimHandler;
	/** Writes what is queued now (the end of a run). */
	flush(): void;
	dispose(): void;
	/** Stopped, it refuses batches (503): a collector outage; what the agent forwards is lost. */
	stop(): void;
	start(): void;
	readonly running: boolean;
	stats(): CollectorStats;
	resetStats(): void;
}

const MAX_ERROR_DETAILS = 20;

export class CollectorUnavailableError extends Error {
	constructor() {
		super('jaeger-collector is stopped');
	}
}

/** Spans out of the shapes a client may POST, or null when the body has no span list. */
export function spansOfBody(body: unknown): unknown[] | null {
	if (Array.isArray(body)) return body;
	if (typeof body !== 'object' || body === null) return null;
	const b = body as { spans?: unknown; data?: unknown };
	if (Array.isArray(b.spans)) return b.spans;
	if (Array.isArray(b.data)) return b.data.flatMap(jaegerTraceSpans);
	return null;
}

/** Jaeger JSON (what jaeger-query returns and its UI exports): processes are referenced by id. */
function jaegerTraceSpans(trace: unknown): unknown[] {
	if (typeof trace !== 'object' || trace === null) return [trace];
	const t = trace as { spans?: unknown; processes?: Record<string, unknown> };
	if (!Array.isArray(t.spans)) return [trace];
	const processes = typeof t.processes === 'object' && t.processes !== null ? t.processes : {};
	return t.spans.map((s) => {
		if (typeof s !== 'object' || s === null) return s;
		const { processID, warnings: _w, ...rest } = s as { processID?: string; warnings?: unknown };
		return { ...rest, process: typeof processID === 'string' ? processes[processID] : undefined };
	});
}

export function createCollector(opts: {
	store: MemoryStore;
	limits?: Partial<ValidationLimits>;
	/** ms since the epoch, for the "start time in the future" check */
	now?: () => number;
	config?: Partial<CollectorConfig>;
	/** where spans go; default: `store` directly */
	downstream?: SpanDownstream;
	timers?: Timers;
	/** ms between worker ticks while draining (×10 when the collector is slow) */
	tickMs?: number;
	onChange?: () => void;
}): Collector {
	const limits = { ...DEFAULT_VALIDATION_LIMITS, ...opts.limits };
	const now = opts.now ?? Date.now;
	const config = { ...DEFAULT_PIPELINE.collector, ...opts.config };
	const downstream = opts.downstream ?? storeDownstream(opts.store);
	const timers = opts.timers ?? realTimers;
	const tickMs = (opts.tickMs ?? 10) * (config.fault === 'slow' ? 10 : 1);
	const onChange = opts.onChange ?? (() => {});
	const queue = new BoundedQueue<SpanRecord>(config.fault === 'full' ? 0 : config.queueSize);
	let timer: unknown = null;
	let running = config.fault !== 'down';
	let stats: CollectorStats;
	const resetStats = () => {
		stats = { batches: 0, badBatches: 0, received: 0, stored: 0, rejected: 0, dropped: 0, queueDropped: 0, failed: 0, queued: queue.length, reasons: {} };
	};
	resetStats();
	const countReason = (reason: DropReason) => (stats.reasons[reason] = (stats.reasons[reason] ?? 0) + 1);

	/** One worker's write; the result counts into `result` when the span came with this batch. */
	function save(record: SpanRecord, result: BatchResult | null, index: number) {
		const r = downstream.save(record);
		if (r === 'stored') {
			stats.stored++;
			if (result) result.stored++;
		} else if (r === 'failed') {
			stats.failed++;
			countReason('storage-failed');
			if (result) note(result, index, 'storage-failed', `storage refused span ${record.spanID}`, record.spanID);
		} else {
			stats.dropped++;
			countReason('trace-span-limit');
			if (result) {
				result.dropped++;
				note(result, index, 'trace-span-limit', `trace ${record.traceID} already has ${opts.store.limits.maxSpansPerTrace} spans`, record.spanID);
			}
		}
	}

	function note(result: BatchResult, index: number, reason: DropReason, message: string, spanID?: string) {
		result.reasons[reason] = (result.reasons[reason] ?? 0) + 1;
		if (result.errors.length < MAX_ERROR_DETAILS) result.errors.push({ index, reason, message, ...(spanID ? { spanID } : {}) });
	}

	const fast = () => config.fault !== 'slow' && !downstream.slow;

	function drain(max: number) {
		for (const r of queue.take(max)) save(r, null, -1);
		stats.queued = queue.length;
		onChange();
	}

	function schedule() {
		if (timer === null && queue.length > 0)
			timer = timers.setTimeout(() => {
				timer = null;
				drain(config.workers);
				schedule();
			}, tickMs);
	}

	function writeSpans(spans: readonly unknown[]): BatchResult {
		if (!running) throw new CollectorUnavailableError();
		const nowUs = now() * 1000;
		const result: BatchResult = { received: spans.length, stored: 0, rejected: 0, dropped: 0, queued: 0, reasons: {}, errors: [] };
		stats.batches++;
		stats.received += spans.length;
		const atOnce = fast();
		for (let i = 0; i < spans.length; i++) {
			const v = validateSpan(spans[i], limits, nowUs);
			if (!v.ok) {
				result.rejected++;
				stats.rejected++;
				countReason(v.reason);
				note(result, i, v.reason, v.message);
				continue;
			}
			// a healthy storage keeps up: the queue stays empty and the span is written now
			if (atOnce && queue.length === 0 && config.queueSize > 0 && config.fault !== 'full') {
				save(v.record, result, i);
			} else if (queue.offer(v.record)) {
				result.queued++;
			} else {
				result.dropped++;
				stats.dropped++;
				stats.queueDropped++;
				countReason('queue-full');
				note(result, i, 'queue-full', `the collector's queue of ${queue.capacity} spans is full`, v.record.spanID);
			}
		}
		stats.queued = queue.length;
		schedule();
		onChange();
		return result;
	}

	const handler: SimHandler = (req) => {
		const url = parseUrl(req);
		if (!url || url.pathname !== '/api/traces') return text(404, `jaeger-collector has no route ${url?.pathname ?? req.url}; POST span batches to /api/traces`);
		if (req.method.toUpperCase() !== 'POST') return text(405, 'use POST /api/traces');
		const type = req.headers['content-type'] ?? '';
		if (type.includes('thrift') || type.includes('protobuf'))
			return text(400, `unsupported content type ${type}: this simulated collector accepts JSON span batches`);
		if (!running) return text(503, 'jaeger-collector is stopped');
		const parsed = parseJsonBody(req.body);
		if (!parsed.ok) {
			stats.badBatches++;
			return text(400, parsed.message);
		}
		const spans = spansOfBody(parsed.value);
		if (!spans) {
			stats.badBatches++;
			return text(400, 'expected {"spans": [...]}, an array of spans, or Jaeger JSON {"data": [traces]}');
		}
		return json(202, writeSpans(spans));
	};

	return {
		writeSpans,
		handler,
		flush: () => drain(Number.MAX_SAFE_INTEGER),
		dispose() {
			if (timer !== null) timers.clearTimeout(timer);
			timer = null;
		},
		stop: () => void (running = false),
		start: () => void (running = true),
		get running() {
			return running;
		},
		stats: () => structuredClone(stats),
		resetStats
	};
}

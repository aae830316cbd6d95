// jaeger-collector: takes span batches over HTTP (:14268/api/traces) or in-process from the agent,
// validates every span and writes the good ones to the store. A batch is never all-or-nothing:
// bad spans are rejected one by one with a counted reason, and the answer says which and why.
import type { SimHandler } from '$lib/sim';
import { json, parseJsonBody, parseUrl, text } from './http';
import type { MemoryStore } from './store/memory-store';
import { DEFAULT_VALIDATION_LIMITS, type RejectReason, type ValidationLimits, validateSpan } from './validate';

/** Why a span did not end up in the store: a validation failure or the per-trace span cap. */
export type DropReason = RejectReason | 'trace-span-limit';

export interface BatchResult {
	received: number;
	stored: number;
	/** failed validation */
	rejected: number;
	/** valid but not kept (the trace hit the store's span cap) */
	dropped: number;
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
	dropped: number;
	reasons: Partial<Record<DropReason, number>>;
}

export interface Collector {
	/** The write path: raw (untrusted) span objects, already parsed. */
	writeSpans(spans: readonly unknown[]): BatchResult;
	/** POST /api/traces with `{spans: SpanRecord[]}`, a bare array, or Jaeger JSON `{data: Trace[]}`. */
	handler: SimHandler;
	/** Stopped, it refuses batches (503) and the agent keeps them queued: a collector outage. */
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
}): Collector {
	const limits = { ...DEFAULT_VALIDATION_LIMITS, ...opts.limits };
	const now = opts.now ?? Date.now;
	let running = true;
	let stats: CollectorStats;
	const resetStats = () => {
		stats = { batches: 0, badBatches: 0, received: 0, stored: 0, rejected: 0, dropped: 0, reasons: {} };
	};
	resetStats();

	function writeSpans(spans: readonly unknown[]): BatchResult {
		if (!running) throw new CollectorUnavailableError();
		const nowUs = now() * 1000;
		const result: BatchResult = { received: spans.length, stored: 0, rejected: 0, dropped: 0, reasons: {}, errors: [] };
		const note = (index: number, reason: DropReason, message: string, spanID?: string) => {
			result.reasons[reason] = (result.reasons[reason] ?? 0) + 1;
			stats.reasons[reason] = (stats.reasons[reason] ?? 0) + 1;
			if (result.errors.length < MAX_ERROR_DETAILS) result.errors.push({ index, reason, message, ...(spanID ? { spanID } : {}) });
		};
		for (let i = 0; i < spans.length; i++) {
			const v = validateSpan(spans[i], limits, nowUs);
			if (!v.ok) {
				result.rejected++;
				note(i, v.reason, v.message);
				continue;
			}
			if (opts.store.write(v.record) === 'stored') result.stored++;
			else {
				result.dropped++;
				note(i, 'trace-span-limit', `trace ${v.record.traceID} already has ${opts.store.limits.maxSpansPerTrace} spans`, v.record.spanID);
			}
		}
		stats.batches++;
		stats.received += result.received;
		stats.stored += result.stored;
		stats.rejected += result.rejected;
		stats.dropped += result.dropped;
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
		stop: () => void (running = false),
		start: () => void (running = true),
		get running() {
			return running;
		},
		stats: () => structuredClone(stats),
		resetStats
	};
}

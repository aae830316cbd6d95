// The span store, modelled on Jaeger's memory store (`--memory.max-traces`): traces kept in arrival
// order and the oldest evicted when full. On top of Jaeger's design it has postings-list indexes
// (service, operation, every tag value) so a search walks only candidate traces newest first, a
// per-trace span cap and a total span cap, so that a learner loop reporting millions of spans
// keeps memory bounded instead of filling the tab.
import type { DependencyLink, Process, SpanRecord, Trace } from '../../model/index';
import { recordsToTraces, sameProcess } from '../../model/index';
import { Catalogue, type OperationEntry } from './catalogue';
import { CallCounter, traceCalls } from './dependencies';
import { spanMatches, type TraceQuery } from './match';
import { type Posting, PostingsIndex } from './postings';
import { tagValueString } from './tag-value';

export type { TraceQuery } from './match';
export type { OperationEntry } from './catalogue';

export interface StoreLimits {
	/** Jaeger's --memory.max-traces: the oldest trace is evicted to make room. */
	maxTraces: number;
	/** Spans kept per trace; later spans of a full trace are dropped and counted. */
	maxSpansPerTrace: number;
	/** Spans kept in all; oldest traces are evicted until the store is under it. */
	maxSpans: number;
}

export const DEFAULT_STORE_LIMITS: StoreLimits = { maxTraces: 10_000, maxSpansPerTrace: 10_000, maxSpans: 500_000 };

export interface StoreStats {
	traces: number;
	spans: number;
	evictedTraces: number;
	evictedSpans: number;
	/** spans refused because their trace already had maxSpansPerTrace spans */
	droppedSpans: number;
	indexKeys: number;
	limits: StoreLimits;
}

export type StoreEvent = { type: 'write'; traceID: string } | { type: 'evict'; traceID: string } | { type: 'clear' };

export type WriteResult = 'stored' | 'trace-span-limit';

interface StoredTrace {
	seq: number;
	traceID: string;
	records: SpanRecord[];
	/** every postings list this trace is in, so eviction can take it out of each */
	postings: Posting[];
	/** processes whose tags are already indexed for this trace (they repeat on every span) */
	processes: Process[];
	minStart: number;
	maxStart: number;
	minDuration: number;
	maxDuration: number;
	droppedSpans: number;
	/** cross-service calls, computed on the first dependencies query after a write */
	calls: string[] | null;
}

export class MemoryStore {
	readonly limits: StoreLimits;
	private ring: (StoredTrace | undefined)[];
	private readonly byId = new Map<string, StoredTrace>();
	// (service, '') · (service, operation) · per span kind (service, operation) · (tag key, value)
	private readonly services = new PostingsIndex();
	private readonly operations = new PostingsIndex();
	private readonly kinds = new Map<string, PostingsIndex>();
	private readonly tags = new PostingsIndex();
	private readonly catalogue = new Catalogue();
	private readonly listeners = new Set<(e: StoreEvent) => void>();
	private nextSeq = 0;
	private oldestSeq = 0;
	private spanCount = 0;
	private evictedTraces = 0;
	private evictedSpans = 0;
	private droppedSpans = 0;

	constructor(limits: Partial<StoreLimits> = {}) {
		const l = { ...DEFAULT_STORE_LIMITS, ...limits };
		for (const [k, v] of Object.entries(l))
			if (!Number.isInteger(v) || v < 1) throw new RangeError(`store limit ${k} must be a positive integer, got ${v}`);
		l.maxSpansPerTrace = Math.min(l.maxSpansPerTrace, l.maxSpans);
		this.limits = l;
		this.ring = new Array(l.maxTraces);
	}

	/** Stores one validated span (canonical ids). */
	write(rec: SpanRecord): WriteResult {
		let t = this.byId.get(rec.traceID);
		if (!t) t = this.addTrace(rec.traceID);
		if (t.records.length >= this.limits.maxSpansPerTrace) {
			t.droppedSpans++;
			this.droppedSpans++;
			return 'trace-span-limit';
		}
		t.records.push(rec);
		this.spanCount++;
		if (rec.startTime < t.minStart) t.minStart = rec.startTime;
		if (rec.startTime > t.maxStart) t.maxStart = rec.startTime;
		if (rec.duration < t.minDuration) t.minDuration = rec.duration;
		if (rec.duration > t.maxDuration) t.maxDuration = rec.duration;
		t.calls = null;
		this.indexSpan(t, rec);
		// 'write' before any eviction it causes: listeners must see an evicted trace end up evicted.
		if (this.listeners.size) this.emit({ type: 'write', traceID: rec.traceID });
		while (this.spanCount > this.limits.maxSpans) this.evictOldest();
		return 'stored';
	}

	private addTrace(traceID: string): StoredTrace {
		if (this.byId.size >= this.limits.maxTraces) this.evictOldest();
		const t: StoredTrace = {
			seq: this.nextSeq++,
			traceID,
			records: [],
			postings: [],
			processes: [],
			minStart: Infinity,
			maxStart: -Infinity,
			minDuration: Infinity,
			maxDuration: -Infinity,
			droppedSpans: 0,
			calls: null
		};
		this.ring[t.seq % this.limits.maxTraces] = t;
		this.byId.set(traceID, t);
		return t;
	}

	private join(t: StoredTrace, index: PostingsIndex, a: string, b: string): Posting | null {
		const p = index.add(a, b, t.seq);
		if (p) t.postings.push(p);
		return p;
	}

	private indexSpan(t: StoredTrace, rec: SpanRecord): void {
		const service = rec.process.serviceName;
		const op = rec.operationName;
		this.join(t, this.services, service, '');
		this.join(t, this.operations, service, op);
		let kind = '';
		for (const kv of rec.tags) {
			this.join(t, this.tags, kv.key, tagValueString(kv));
			if (kv.key === 'span.kind' && typeof kv.value === 'string') kind = kv.value;
		}
		if (!t.processes.some((p) => sameProcess(p, rec.process))) {
			t.processes.push(rec.process);
			for (const kv of rec.process.tags) this.join(t, this.tags, kv.key, tagValueString(kv));
		}
		for (const log of rec.logs) for (const kv of log.fields) this.join(t, this.tags, kv.key, tagValueString(kv));
		let byKind = this.kinds.get(kind);
		if (!byKind) this.kinds.set(kind, (byKind = new PostingsIndex(kind)));
		const kp = this.join(t, byKind, service, op);
		if (kp && kp.size === 1) this.catalogue.added(kp, service, op, kind);
	}

	private evictOldest(): void {
		const slot = this.oldestSeq % this.limits.maxTraces;
		const t = this.ring[slot];
		this.oldestSeq++;
		if (!t) return;
		this.ring[slot] = undefined;
		this.byId.delete(t.traceID);
		for (const p of t.postings) {
			if (!p.owner.remove(p, t.seq) || p.owner.kind === null) continue;
			// the last live trace with this (service, operation, kind) is gone
			this.catalogue.removed(p, p.a);
			if (p.owner.keyCount === 0 && this.kinds.get(p.owner.kind) === p.owner) this.kinds.delete(p.owner.kind);
		}
		this.spanCount -= t.records.length;
		this.evictedTraces++;
		this.evictedSpans += t.records.length;
		if (this.listeners.size) this.emit({ type: 'evict', traceID: t.traceID });
	}

	private traceAt(seq: number): StoredTrace | undefined {
		if (seq < this.oldestSeq || seq >= this.nextSeq) return undefined;
		return this.ring[seq % this.limits.maxTraces];
	}

	getTrace(traceID: string): Trace | null {
		const t = this.byId.get(traceID);
		return t ? toTrace(t) : null;
	}

	/** Span records of one trace as stored (read-only), for persistence and export. */
	getRecords(traceID: string): readonly SpanRecord[] | null {
		return this.byId.get(traceID)?.records ?? null;
	}

	/** Trace ids, oldest first. */
	traceIDs(): string[] {
		const ids: string[] = [];
		for (let s = this.oldestSeq; s < this.nextSeq; s++) {
			const t = this.traceAt(s);
			if (t) ids.push(t.traceID);
		}
		return ids;
	}

	getServices(): string[] {
		return this.catalogue.services();
	}

	getOperations(service: string, spanKind?: string): OperationEntry[] {
		return this.catalogue.operations(service, spanKind);
	}

	/**
	 * The `limit` most recently received traces with a span matching every condition, sorted by
	 * start time, newest first. Walks the shortest postings list from its newest end and stops at
	 * `limit`, so a typical search touches a few dozen traces whatever the store holds.
	 */
	findTraces(q: TraceQuery): Trace[] {
		const tags = Object.entries(q.tags ?? {});
		const wanted = [this.services.get(q.service, '')];
		if (q.operation !== undefined) wanted.push(this.operations.get(q.service, q.operation));
		for (const [k, v] of tags) wanted.push(this.tags.get(k, v));
		if (wanted.some((p) => p === undefined)) return [];
		const lists = wanted as Posting[];
		lists.sort((a, b) => a.size - b.size);
		const [driver, ...others] = lists;
		const found: StoredTrace[] = [];
		for (let i = driver.seqs.length - 1; i >= driver.head && found.length < q.limit; i--) {
			const seq = driver.seqs[i];
			if (!others.every((p) => p.has(seq))) continue;
			const t = this.traceAt(seq);
			if (!t || !summaryMayMatch(t, q)) continue;
			if (t.records.some((r) => spanMatches(r, q, tags))) found.push(t);
		}
		return found.sort((a, b) => b.minStart - a.minStart).map(toTrace);
	}

	/** Service call counts over traces with a span starting in [endTs - lookback, endTs] (µs). */
	getDependencies(endTs: number, lookback: number): DependencyLink[] {
		const start = endTs - lookback;
		const counter = new CallCounter();
		for (let s = this.oldestSeq; s < this.nextSeq; s++) {
			const t = this.traceAt(s);
			if (!t || t.maxStart < start || t.minStart > endTs) continue;
			const inWindow =
				(t.minStart >= start && t.minStart <= endTs) ||
				(t.maxStart >= start && t.maxStart <= endTs) ||
				t.records.some((r) => r.startTime >= start && r.startTime <= endTs);
			if (!inWindow) continue;
			t.calls ??= traceCalls(t.records);
			counter.add(t.calls);
		}
		return counter.links();
	}

	stats(): StoreStats {
		return {
			traces: this.byId.size,
			spans: this.spanCount,
			evictedTraces: this.evictedTraces,
			evictedSpans: this.evictedSpans,
			droppedSpans: this.droppedSpans,
			// each per-kind index counts once too, so a leak of empty ones would show
			indexKeys:
				this.services.keyCount + this.operations.keyCount + this.tags.keyCount + [...this.kinds.values()].reduce((n, k) => n + 1 + k.keyCount, 0),
			limits: { ...this.limits }
		};
	}

	clear(): void {
		this.ring = new Array(this.limits.maxTraces);
		this.byId.clear();
		this.services.clear();
		this.operations.clear();
		this.kinds.clear();
		this.tags.clear();
		this.catalogue.clear();
		this.nextSeq = this.oldestSeq = this.spanCount = 0;
		this.evictedTraces = this.evictedSpans = this.droppedSpans = 0;
		if (this.listeners.size) this.emit({ type: 'clear' });
	}

	/** Listens to writes, evictions and clears (persistence uses it). Returns the unsubscribe. */
	subscribe(listener: (e: StoreEvent) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	private emit(e: StoreEvent): void {
		for (const l of this.listeners) l(e);
	}
}


/** Cheap rejections from the trace's summary before looking at its spans. */
function summaryMayMatch(t: StoredTrace, q: TraceQuery): boolean {
	if (q.minDuration !== undefined && t.maxDuration < q.minDuration) return false;
	if (q.maxDuration !== undefined && t.minDuration > q.maxDuration) return false;
	if (q.startMin !== undefined && t.maxStart < q.startMin) return false;
	if (q.startMax !== undefined && t.minStart > q.startMax) return false;
	return true;
}

function toTrace(t: StoredTrace): Trace {
	const trace = recordsToTraces(t.records)[0];
	if (t.droppedSpans > 0)
		trace.warnings = [`${t.droppedSpans} spans dropped: the trace reached the store's limit of ${t.records.length} spans`];
	return trace;
}

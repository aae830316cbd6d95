// A span while it is open, and the plain SpanRecord it becomes when it is finished.
// Storage is lazy and flat (tags as [k, v, k, v …], converted to KeyValues only in toRecord) and an
// unsampled span stores nothing at all, so instrumented-but-unsampled code stays cheap — except while
// its sampling decision is still open (late sampling, see samplers/sampler.ts): then it keeps tags and
// logs, like jaeger-client, so that a late "sampled" finds them.
import { Span, Tags } from 'opentracing';
import type { Reference } from 'opentracing';
import type { RefType, SpanLog, SpanRecord, SpanReference } from '$lib/model';
import { setBaggageItem } from './baggage_setter';
import { normalizeBaggageKey } from './baggage_limits';
import { FLAG_DEBUG, FLAG_SAMPLED, SAMPLER_PARAM_TAG, SAMPLER_TYPE_TAG } from './constants';
import { pairsToKeyValues, toKeyValue } from './key_values';
import { afterFinishMessage, type LateCall } from './misuse';
import type { SamplingDecision } from './samplers/sampler';
import { JaegerSpanContext } from './span_context';
import type { JaegerTracer } from './tracer';

const SAMPLING_PRIORITY = Tags.SAMPLING_PRIORITY;
const hasOwn = Object.prototype.hasOwnProperty;

export class JaegerSpan extends Span {
	/** how long the span took, in µs: set by finish() when the span is sampled, else -1 */
	duration = -1;
	finished = false;
	/** a call after finish() was already reported through the logger: warn once per span */
	private warnedLate = false;
	/**
	 * [key0, value0, key1, value1, …] with `tagLen` slots used; null until the first tag of a sampled
	 * span. Preallocated small and doubled by hand: a pushed-to array literal grows to 19 slots at once.
	 */
	tagPairs: unknown[] | null = null;
	tagLen = 0;
	/**
	 * Logs, flat: [timestamp µs, fieldCount, k1, v1, …, timestamp, fieldCount, …]. One array per span
	 * instead of a record + fields array + a KeyValue per field: the benchmark showed retained objects
	 * (GC) dominating the cost of a sampled span.
	 */
	logData: unknown[] | null = null;
	logLen = 0;

	constructor(
		readonly owner: JaegerTracer,
		public ctx: JaegerSpanContext,
		public operationName: string,
		/** µs since the epoch */
		readonly startTime: number,
		/** the references startSpan was given (childOf is turned into one by opentracing) */
		readonly references: Reference[] | null,
		/** how this span relates to its parent (ctx.parentId), null for a root span */
		readonly parentRefType: RefType | null
	) {
		super();
	}

	get serviceName(): string {
		return this.owner.serviceName;
	}

	/**
	 * A call on a finished span: said once per span through the tracer's logger (in the run, the
	 * service's Console), like jaeger-client's "You can only call finish() on a span once".
	 */
	private late(call: LateCall): void {
		if (this.warnedLate) return;
		this.warnedLate = true;
		this.owner.logger.error(afterFinishMessage(this.operationName, this.ctx.toString(), call));
	}

	isSampled(): boolean {
		return (this.ctx.flags & FLAG_SAMPLED) !== 0;
	}

	/** Internal tags (sampler, debug id) skip the sampling-priority logic. */
	pushTag(key: string, value: unknown): void {
		let a = this.tagPairs;
		if (a === null) a = this.tagPairs = [undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined];
		else if (this.tagLen === a.length) a.length *= 2;
		a[this.tagLen] = key;
		a[this.tagLen + 1] = value;
		this.tagLen += 2;
	}

	private pushLog(x: unknown, y: unknown): void {
		let a = this.logData;
		if (a === null) a = this.logData = [undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined];
		else if (this.logLen === a.length) a.length *= 2;
		a[this.logLen] = x;
		a[this.logLen + 1] = y;
		this.logLen += 2;
	}

	protected _context(): JaegerSpanContext {
		return this.ctx;
	}

	protected _tracer(): JaegerTracer {
		return this.owner;
	}

	protected _setOperationName(name: string): void {
		this.operationName = name;
		const ctx = this.ctx;
		if (ctx.samplingFinal) return;
		// Undecided (late sampling): the sampler decides again with the new name, and that is final.
		ctx.samplingFinal = true;
		const d = this.owner.sampler.sample(name);
		if (d !== null) this.sampleLate(d);
	}

	/** A late decision to sample: the sampler's tags go on, as at the start of a sampled root. */
	private sampleLate(d: SamplingDecision): void {
		this.ctx.samplingFinal = true;
		this.ctx.flags |= FLAG_SAMPLED;
		this.pushTag(SAMPLER_TYPE_TAG, d.type);
		this.pushTag(SAMPLER_PARAM_TAG, d.param);
	}

	/** A tag on an undecided span: kept, and the sampler's tag hook (if any) may sample the span. */
	private tagUndecided(key: string, value: unknown): void {
		this.pushTag(key, value);
		const sampler = this.owner.sampler;
		if (sampler.sampleOnTag === undefined) return;
		const d = sampler.sampleOnTag(this.operationName, key, value);
		if (d !== null) this.sampleLate(d);
	}

	protected _setBaggageItem(key: string, value: string): void {
		// still set on the context (spans started from it later inherit it), but the baggage log is lost
		if (this.finished) this.late('setBaggageItem');
		setBaggageItem(this, normalizeBaggageKey(String(key)), value, this.owner.baggageLimits, this.owner.metrics, {
			manager: this.owner.baggageRestrictionManager,
			service: this.owner.serviceName
		});
	}

	protected _getBaggageItem(key: string): string | undefined {
		return this.ctx.baggage[normalizeBaggageKey(String(key))];
	}

	/**
	 * Fast path for the most common call: opentracing's setTag builds a `{[key]: value}` object just
	 * to hand it to _addTags. Same behaviour, no allocation.
	 */
	setTag(key: string, value: unknown): this {
		if (this.finished) {
			this.late('setTag');
			return this;
		}
		if (key === SAMPLING_PRIORITY) {
			if (value !== undefined && value !== null && this.applySamplingPriority(value)) this.pushTag(key, value);
		} else if ((this.ctx.flags & FLAG_SAMPLED) !== 0) {
			this.pushTag(key, value);
		} else if (!this.ctx.samplingFinal) {
			this.tagUndecided(key, value);
		}
		return this;
	}

	protected _addTags(tags: { [key: string]: unknown }): void {
		if (this.finished) return this.late('addTags');
		if (tags === null || typeof tags !== 'object') return;
		const priority = tags[SAMPLING_PRIORITY];
		if (priority !== undefined && priority !== null && this.applySamplingPriority(priority)) {
			this.pushTag(SAMPLING_PRIORITY, priority);
		}
		if ((this.ctx.flags & FLAG_SAMPLED) === 0) {
			if (this.ctx.samplingFinal) return;
			for (const key in tags) {
				if (key !== SAMPLING_PRIORITY && hasOwn.call(tags, key)) {
					// once a tag has sampled the span, the rest are plain tags
					if (this.ctx.samplingFinal) this.pushTag(key, tags[key]);
					else this.tagUndecided(key, tags[key]);
				}
			}
			return;
		}
		for (const key in tags) {
			if (key !== SAMPLING_PRIORITY && hasOwn.call(tags, key)) this.pushTag(key, tags[key]);
		}
	}

	/**
	 * `sampling.priority` > 0 makes the span sampled and debug if the throttler allows it, 0 unsampled
	 * (jaeger-client). Either way the decision is final afterwards — but the tag still works on a span
	 * whose decision was already final, as in jaeger-client. Returns whether to record the tag itself.
	 */
	private applySamplingPriority(priority: unknown): boolean {
		this.ctx.samplingFinal = true;
		if (Number(priority) > 0) {
			if ((this.ctx.flags & FLAG_DEBUG) !== 0) return false;
			// Refused: no debug trace; the span keeps the decision it had.
			if (!this.owner.isDebugAllowed(this.operationName)) return false;
			this.ctx.flags |= FLAG_SAMPLED | FLAG_DEBUG;
			return true;
		}
		this.ctx.flags &= ~(FLAG_SAMPLED | FLAG_DEBUG);
		return true;
	}

	protected _log(fields: { [key: string]: unknown }, timestamp?: number): void {
		if (this.finished) return this.late('log');
		if ((this.ctx.flags & FLAG_SAMPLED) === 0 && this.ctx.samplingFinal) return;
		const ts = timestamp != null ? Math.round(timestamp * 1000) : this.owner.nowUs();
		this.pushLog(ts, 0);
		const countAt = this.logLen - 1;
		if (fields === null || typeof fields !== 'object') {
			this.pushLog('event', String(fields));
			this.logData![countAt] = 1;
			return;
		}
		let n = 0;
		for (const key in fields) {
			if (!hasOwn.call(fields, key)) continue;
			const v = fields[key];
			// Snapshot now: learners reuse and mutate field objects between log calls. Primitives are
			// immutable already; objects become their JSON text (what the record shows anyway).
			this.pushLog(key, v !== null && typeof v === 'object' ? toKeyValue(key, v).value : v);
			n++;
		}
		this.logData![countAt] = n;
	}

	/** The logs as Jaeger JSON SpanLogs. */
	logRecords(): SpanLog[] {
		const data = this.logData;
		if (data === null) return [];
		const out: SpanLog[] = [];
		for (let i = 0; i < this.logLen; ) {
			const timestamp = data[i] as number;
			const n = data[i + 1] as number;
			out.push({ timestamp, fields: pairsToKeyValues(data.slice(i + 2, i + 2 + 2 * n), 2 * n) });
			i += 2 + 2 * n;
		}
		return out;
	}

	protected _finish(finishTime?: number): void {
		if (this.finished) return this.late('finish');
		this.finished = true;
		const ctx = this.ctx;
		if (!ctx.samplingFinal) {
			ctx.samplingFinal = true;
			if ((ctx.flags & FLAG_SAMPLED) === 0) {
				// an undecided span that ended unsampled drops what it kept
				this.tagPairs = this.logData = null;
				this.tagLen = this.logLen = 0;
			}
		}
		if ((ctx.flags & FLAG_SAMPLED) === 0) return;
		const end = finishTime != null ? Math.round(finishTime * 1000) : this.owner.nowUs();
		this.duration = end - this.startTime;
		this.owner.reportSpan(this);
	}

	/** The finished span as plain data (Jaeger JSON shape, process inline). */
	toRecord(): SpanRecord {
		const ctx = this.ctx;
		const references: SpanReference[] = [];
		if (this.parentRefType !== null) references.push({ refType: this.parentRefType, traceID: ctx.traceId, spanID: ctx.parentId });
		if (this.references !== null) {
			for (const ref of this.references) {
				const c = ref.referencedContext();
				if (!(c instanceof JaegerSpanContext) || !c.isValid) continue;
				if (c.traceId === ctx.traceId && c.spanId === ctx.parentId) continue; // already the parent
				references.push({ refType: ref.type() === 'follows_from' ? 'FOLLOWS_FROM' : 'CHILD_OF', traceID: c.traceId, spanID: c.spanId });
			}
		}
		return {
			traceID: ctx.traceId,
			spanID: ctx.spanId,
			flags: ctx.flags,
			operationName: this.operationName,
			references,
			startTime: this.startTime,
			duration: Math.max(this.duration, 0),
			tags: this.tagPairs === null ? [] : pairsToKeyValues(this.tagPairs, this.tagLen),
			logs: this.logRecords(),
			process: this.owner.process
		};
	}
}

// What crosses process boundaries: ids, sampling flags, baggage. Extends opentracing's SpanContext so
// `childOf: ctx` and `instanceof` checks in learner code and in the opentracing package work.
import { SpanContext } from 'opentracing';
import { FLAG_DEBUG, FLAG_SAMPLED } from './constants';
import { stripZeros } from './ids';

/** Baggage maps have no prototype: a `__proto__` key from a hostile carrier is just a key. */
export type Baggage = Record<string, string>;

export const EMPTY_BAGGAGE: Baggage = Object.freeze(Object.create(null));

export class JaegerSpanContext extends SpanContext {
	/**
	 * false only on a local root span whose sampler samples late and has not sampled it yet: its
	 * sampling decision may still change (see samplers/sampler.ts). Set true for good when the context
	 * is injected, becomes a parent, or its span is renamed, finished or given `sampling.priority`.
	 */
	samplingFinal = true;

	/**
	 * @param traceId canonical lower-case hex, 16 or 32 chars ('' in a baggage/debug-only context)
	 * @param spanId 16 lower-case hex chars ('' in a baggage/debug-only context)
	 * @param parentId 16 chars, or '' for a root span (or when the format does not carry it, like W3C)
	 * @param flags Jaeger flags: 1 sampled, 2 debug
	 * @param baggage shared between parent and children; replaced (never mutated) when an item is set
	 */
	constructor(
		public traceId: string,
		public spanId: string,
		public parentId: string,
		public flags: number,
		public baggage: Baggage = EMPTY_BAGGAGE,
		/** value of a `jaeger-debug-id` header: asks for a sampled, debug trace to be started */
		public debugId = '',
		/** W3C `tracestate`, carried through unchanged */
		public traceState = '',
		/** true for contexts that came out of extract() */
		public remote = false
	) {
		super();
	}

	/** False for contexts that only carry baggage or a debug id (no trace to join). */
	get isValid(): boolean {
		return this.traceId !== '' && this.spanId !== '';
	}

	isSampled(): boolean {
		return (this.flags & FLAG_SAMPLED) !== 0;
	}

	isDebug(): boolean {
		return (this.flags & FLAG_DEBUG) !== 0;
	}

	/** Like jaeger-client: hex without leading zeros (the way `uber-trace-id` writes it). */
	toTraceId(): string {
		return this.traceId === '' ? '' : stripZeros(this.traceId);
	}

	toSpanId(): string {
		return this.spanId === '' ? '' : stripZeros(this.spanId);
	}

	/** `trace:span:parent:flags`, the `uber-trace-id` value and the LoggingReporter's line. */
	toString(): string {
		return `${this.toTraceId()}:${this.toSpanId()}:${this.parentId === '' ? '0' : stripZeros(this.parentId)}:${this.flags.toString(16)}`;
	}

	getBaggageItem(key: string): string | undefined {
		return this.baggage[key];
	}

	/** Copy-on-write: children keep seeing the baggage they were started with. */
	setBaggageItem(key: string, value: string): void {
		const next: Baggage = Object.create(null);
		for (const k in this.baggage) next[k] = this.baggage[k];
		next[key] = value;
		this.baggage = next;
	}
}

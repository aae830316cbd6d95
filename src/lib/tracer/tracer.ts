// The tracer: starts spans (choosing the parent, making ids, asking the sampler), owns the scope
// manager, the codecs and the reporter. Extends opentracing's Tracer and overrides only its
// `_`-prefixed hooks, so the public API (and `childOf` handling) is the opentracing package's own.
import { FORMAT_BINARY, FORMAT_HTTP_HEADERS, FORMAT_TEXT_MAP, REFERENCE_CHILD_OF, REFERENCE_FOLLOWS_FROM, Span as OtSpan, Tracer } from 'opentracing';
import type { Reference, SpanContext, SpanOptions, Span } from 'opentracing';
import type { Process, RefType } from '$lib/model';
import { DEFAULT_BAGGAGE_LIMITS, sanitizeBaggage, type BaggageLimits } from './baggage_limits';
import { DefaultBaggageRestrictionManager, type BaggageRestrictionManager } from './baggage_restrictions';
import { B3Codec } from './codecs/b3_codec';
import { BinaryCodec } from './codecs/binary_codec';
import type { Extractor, Injector } from './codecs/codec';
import { JaegerCodec } from './codecs/jaeger_codec';
import { W3CCodec } from './codecs/w3c_codec';
import { FLAG_DEBUG, FLAG_SAMPLED, JAEGER_DEBUG_HEADER, SAMPLER_PARAM_TAG, SAMPLER_TYPE_TAG } from './constants';
import { randomId128, randomId64 } from './ids';
import { consoleLogger, type Logger } from './logger';
import { TracerMetrics } from './metrics';
import { buildProcess } from './process';
import { NoopReporter } from './reporters/noop_reporter';
import type { Reporter } from './reporters/reporter';
import type { Sampler, SamplingDecision } from './samplers/sampler';
import type { Scope } from './scope';
import { ScopeManager } from './scope_manager';
import { JaegerSpan } from './span';
import { EMPTY_BAGGAGE, JaegerSpanContext } from './span_context';
import { DefaultThrottler } from './throttlers/default_throttler';
import type { Throttler } from './throttlers/throttler';

export type Propagation = 'jaeger' | 'b3' | 'w3c';

export interface TracerOptions {
	/** process-level tags (override `hostname`, `ip` here) */
	tags?: Record<string, unknown>;
	logger?: Logger;
	/** clock in ms since the epoch, fractions allowed (like jaeger-client's tracer.now()) */
	now?: () => number;
	/** new traces get 128-bit ids (32 hex chars) */
	traceId128bit?: boolean;
	/** which codec FORMAT_TEXT_MAP and FORMAT_HTTP_HEADERS use; default 'jaeger' */
	propagation?: Propagation;
	baggageLimits?: Partial<BaggageLimits>;
	/** which keys this service may set and how long each value may be; default: every key, 2048 characters */
	baggageRestrictionManager?: BaggageRestrictionManager;
	/** limits forced (debug) traces; default: a DefaultThrottler that allows them all (jaeger-client's name) */
	debugThrottler?: Throttler;
}

export interface StartSpanOptions extends SpanOptions {
	/** start a root span even if a span is active */
	ignoreActiveSpan?: boolean;
}

const perf = (globalThis as { performance?: { timeOrigin: number; now(): number } }).performance;
/** µs-capable wall clock: performance.now() anchored at timeOrigin; Date.now() where that is missing. */
const defaultNow: () => number = perf && typeof perf.timeOrigin === 'number' ? () => perf.timeOrigin + perf.now() : () => Date.now();

export class JaegerTracer extends Tracer {
	readonly process: Process;
	readonly metrics = new TracerMetrics();
	readonly logger: Logger;
	readonly baggageLimits: BaggageLimits;
	reporter: Reporter;
	readonly throttler: Throttler;
	readonly baggageRestrictionManager: BaggageRestrictionManager;
	private readonly clock: () => number;
	private readonly traceId128bit: boolean;
	private readonly scopes = new ScopeManager();
	private readonly injectors = new Map<string, Injector>();
	private readonly extractors = new Map<string, Extractor>();
	private closed = false;

	constructor(
		readonly serviceName: string,
		reporter: Reporter,
		readonly sampler: Sampler,
		options: TracerOptions = {}
	) {
		super();
		this.reporter = reporter;
		this.logger = options.logger ?? consoleLogger;
		this.clock = options.now ?? defaultNow;
		this.traceId128bit = options.traceId128bit === true;
		this.baggageLimits = { ...DEFAULT_BAGGAGE_LIMITS, ...options.baggageLimits };
		this.process = buildProcess(serviceName, options.tags);
		this.throttler = options.debugThrottler ?? new DefaultThrottler();
		this.baggageRestrictionManager = options.baggageRestrictionManager ?? new DefaultBaggageRestrictionManager();
		this.throttler.setProcess?.(this.process);

		const propagation = options.propagation ?? 'jaeger';
		const text =
			propagation === 'b3' ? new B3Codec({ urlEncoding: false }) : propagation === 'w3c' ? new W3CCodec() : new JaegerCodec({ urlEncoding: false });
		const http =
			propagation === 'b3' ? new B3Codec({ urlEncoding: true }) : propagation === 'w3c' ? new W3CCodec() : new JaegerCodec({ urlEncoding: true });
		const binary = new BinaryCodec();
		this.registerInjector(FORMAT_TEXT_MAP, text);
		this.registerExtractor(FORMAT_TEXT_MAP, text);
		this.registerInjector(FORMAT_HTTP_HEADERS, http);
		this.registerExtractor(FORMAT_HTTP_HEADERS, http);
		this.registerInjector(FORMAT_BINARY, binary);
		this.registerExtractor(FORMAT_BINARY, binary);
	}

	registerInjector(format: string, injector: Injector): void {
		this.injectors.set(format, injector);
	}

	registerExtractor(format: string, extractor: Extractor): void {
		this.extractors.set(format, extractor);
	}

	/** ms since the epoch, with fractions. */
	now(): number {
		return this.clock();
	}

	nowUs(): number {
		return Math.round(this.clock() * 1000);
	}

	scopeManager(): ScopeManager {
		return this.scopes;
	}

	/** Makes `span` the active span; close or dispose the scope (`using`) to restore the previous one. */
	activateSpan(span: Span, options: { finishSpanOnClose?: boolean } = {}): Scope {
		return this.scopes.activate(span, options.finishSpanOnClose === true);
	}

	get activeSpan(): Span | null {
		return this.scopes.activeSpan();
	}

	/**
	 * Same semantics as opentracing's startSpan (a `childOf` Span or SpanContext becomes the ChildOf
	 * parent). The common `{ childOf }`-only call takes a fast path: opentracing's version allocates a
	 * Reference and does `delete options.childOf`, which mutates the caller's object and made span
	 * start about twice as slow in the benchmark. Everything else goes through opentracing's code.
	 */
	startSpan(name: string, options?: StartSpanOptions): JaegerSpan {
		if (options !== undefined && options.childOf != null && options.references === undefined) {
			const c = options.childOf;
			return this.startSpanWithParent(name, options, c instanceof OtSpan ? c.context() : c);
		}
		return super.startSpan(name, options) as JaegerSpan;
	}

	protected _startSpan(name: string, fields: StartSpanOptions): JaegerSpan {
		return this.startSpanWithParent(name, fields, null);
	}

	/** `childOf` is the context given as options.childOf (fast path), otherwise references decide. */
	private startSpanWithParent(name: string, fields: StartSpanOptions, childOf: SpanContext | null): JaegerSpan {
		const refs = childOf === null ? fields.references : undefined;
		let parent: JaegerSpanContext | null = null;
		let parentType: RefType = 'CHILD_OF';
		if (childOf !== null) {
			if (childOf instanceof JaegerSpanContext) parent = childOf;
		} else if (refs !== undefined && refs.length > 0) {
			// jaeger-client's rule: the first CHILD_OF is the parent, else the first FOLLOWS_FROM.
			for (let i = 0; i < refs.length; i++) {
				const c = refs[i].referencedContext();
				if (!(c instanceof JaegerSpanContext)) continue;
				const type = refs[i].type();
				if (type === REFERENCE_CHILD_OF) {
					parent = c;
					parentType = 'CHILD_OF';
					break;
				}
				if (type === REFERENCE_FOLLOWS_FROM && parent === null) {
					parent = c;
					parentType = 'FOLLOWS_FROM';
				}
			}
		} else if (fields.ignoreActiveSpan !== true) {
			const active = this.scopes.activeSpan();
			if (active !== null) {
				const c = active.context();
				if (c instanceof JaegerSpanContext) parent = c;
			}
		}

		const startTime = fields.startTime != null ? Math.round(fields.startTime * 1000) : this.nowUs();
		let span: JaegerSpan;
		if (parent !== null && parent.isValid) {
			// A parent's decision is final once it has a child: the child copies the flags now.
			if (!parent.samplingFinal) parent.samplingFinal = true;
			const ctx = new JaegerSpanContext(parent.traceId, randomId64(), parent.spanId, parent.flags, parent.baggage, '', parent.traceState);
			// A lone reference that became the parent is already in ctx.parentId: don't keep it.
			const extraRefs = refs !== undefined && refs.length > 0 && (refs.length > 1 || refs[0].referencedContext() !== parent) ? refs : null;
			span = new JaegerSpan(this, ctx, name, startTime, extraRefs, parentType);
		} else {
			span = this.startRoot(name, startTime, refs ?? null, parent);
		}
		if (fields.tags !== undefined) span.addTags(fields.tags);

		if ((span.ctx.flags & FLAG_SAMPLED) !== 0) this.metrics.spansStartedSampled++;
		else this.metrics.spansStartedNotSampled++;
		return span;
	}

	/** A new trace; `container` is an extracted context holding only baggage and/or a debug id. */
	private startRoot(name: string, startTime: number, refs: Reference[] | null, container: JaegerSpanContext | null): JaegerSpan {
		const traceId = this.traceId128bit ? randomId128() : randomId64();
		// Like jaeger-client, a root span's id is the (low 64 bits of the) trace id.
		const spanId = traceId.length === 32 ? traceId.slice(16) : traceId;
		let decision: SamplingDecision | null = null;
		let flags = 0;
		let debugId = container !== null ? container.debugId : '';
		// A debug id the throttler refuses is ignored: the sampler decides as for any new trace.
		if (debugId !== '' && !this.isDebugAllowed(name)) debugId = '';
		if (debugId !== '') flags = FLAG_SAMPLED | FLAG_DEBUG;
		else if ((decision = this.sampler.sample(name)) !== null) flags = FLAG_SAMPLED;
		const ctx = new JaegerSpanContext(traceId, spanId, '', flags, container !== null ? container.baggage : EMPTY_BAGGAGE);
		// Not sampled by a late-sampling sampler: undecided until renamed or finalized.
		if (flags === 0 && this.sampler.lateSampling === true) ctx.samplingFinal = false;
		const span = new JaegerSpan(this, ctx, name, startTime, refs, null);
		if (decision !== null) {
			span.pushTag(SAMPLER_TYPE_TAG, decision.type);
			span.pushTag(SAMPLER_PARAM_TAG, decision.param);
		}
		if (debugId !== '') span.pushTag(JAEGER_DEBUG_HEADER, debugId);
		if (flags !== 0) this.metrics.tracesStartedSampled++;
		else this.metrics.tracesStartedNotSampled++;
		return span;
	}

	/** Asks the throttler whether a debug (forced) trace may start; counts the refusals. */
	isDebugAllowed(operation: string): boolean {
		if (this.throttler.isAllowed(operation)) return true;
		this.metrics.throttledDebugSpans++;
		return false;
	}

	/** Called by a span when it finishes sampled. */
	reportSpan(span: JaegerSpan): void {
		this.metrics.spansFinished++;
		this.reporter.report(span);
	}

	protected _inject(context: SpanContext, format: string, carrier: unknown): void {
		if (!(context instanceof JaegerSpanContext)) return; // e.g. a noop tracer's context
		const injector = this.injectors.get(format);
		if (injector === undefined) throw new Error(`Unsupported format: ${format}`);
		// What leaves the process can no longer change: the sampling decision is final.
		context.samplingFinal = true;
		try {
			injector.inject(context, carrier);
		} catch (err) {
			// A frozen carrier or throwing setter must not break the learner's request.
			this.metrics.injectErrors++;
			this.logger.error(`inject(${format}) failed: ${err instanceof Error ? err.message : String(err)}`);
		}
	}

	/**
	 * Returns null both when the carrier holds no context and when it is malformed or hostile; the
	 * latter is counted in metrics.extractErrors. Only an unknown format throws (a programming error).
	 */
	protected _extract(format: string, carrier: unknown): SpanContext | null {
		const extractor = this.extractors.get(format);
		if (extractor === undefined) throw new Error(`Unsupported format: ${format}`);
		let ctx: SpanContext | null;
		try {
			ctx = extractor.extract(carrier);
		} catch {
			this.metrics.extractErrors++;
			return null;
		}
		if (ctx instanceof JaegerSpanContext) {
			ctx.remote = true;
			if (ctx.baggage !== EMPTY_BAGGAGE) {
				const { baggage, changed } = sanitizeBaggage(ctx.baggage, this.baggageLimits);
				ctx.baggage = baggage;
				this.metrics.baggageTruncate += changed;
			}
		}
		return ctx ?? null;
	}

	/** Flushes and closes the reporter, then the sampler and throttler (cancelling their timers). Also returns a promise. */
	close(callback?: () => void): Promise<void> {
		return new Promise<void>((resolve) => {
			const done = () => {
				resolve();
				callback?.();
			};
			if (this.closed) return done();
			this.closed = true;
			const reporter = this.reporter;
			this.reporter = new NoopReporter();
			reporter.close(() => this.sampler.close(() => this.throttler.close(done)));
		});
	}
}

// `tour/tracing` on Node: the real jaeger-client. `initTracer('hello-world')` is the tutorial's helper
// (const sampler, logSpans, a logger printing INFO/ERROR lines); `initTracer(config, options)` is
// jaeger-client's own. Both read the JAEGER_* environment variables too (initTracerFromEnv: the
// config's values come first), so JAEGER_ENDPOINT=http://localhost:14268/api/traces sends over HTTP
// instead of UDP to the agent at localhost:6831.
//
// jaeger-client has no scope manager; the course's tracer does (activateSpan, activeSpan, `using`).
// Here they are kept on Node's AsyncLocalStorage, and startSpan takes the active span as parent when
// given none, as the course's tracer does.
import { AsyncLocalStorage } from 'node:async_hooks';
import jaeger from 'jaeger-client';
import opentracing from 'opentracing';
import { held } from './lifecycle.js';
import { localHost } from './hosts.js';

const { initTracerFromEnv, ZipkinB3TextMapCodec } = jaeger;
const dispose = Symbol.dispose ?? Symbol.for('Symbol.dispose');
const active = new AsyncLocalStorage();

class Scope {
	constructor(span, previous, finishOnClose) {
		this.activeSpan = span;
		this.previous = previous;
		this.finishOnClose = finishOnClose;
		this.closed = false;
	}
	span() {
		return this.activeSpan;
	}
	close() {
		if (this.closed) return;
		this.closed = true;
		if (active.getStore() === this) active.enterWith(live(this.previous));
		if (this.finishOnClose) this.activeSpan.finish();
	}
	[dispose]() {
		this.close();
	}
}

function live(scope) {
	while (scope && scope.closed) scope = scope.previous;
	return scope ?? undefined;
}

const scopeManager = {
	activate(span, finishSpanOnClose = false) {
		const scope = new Scope(span, live(active.getStore()), finishSpanOnClose);
		active.enterWith(scope);
		return scope;
	},
	active: () => live(active.getStore()) ?? null,
	activeSpan: () => live(active.getStore())?.span() ?? null
};

const tutorialLogger = {
	info: (msg) => console.log('INFO ', msg),
	error: (msg) => console.log('ERROR', msg)
};

/** The course's extras on a jaeger-client tracer. */
function withScopes(tracer) {
	const startSpan = tracer.startSpan.bind(tracer);
	tracer.startSpan = (name, options = {}) => {
		const parent = options.childOf == null && !(options.references?.length) && !options.ignoreActiveSpan ? scopeManager.activeSpan() : null;
		return startSpan(name, parent ? { ...options, childOf: parent } : options);
	};
	tracer.scopeManager = () => scopeManager;
	tracer.activateSpan = (span, options = {}) => scopeManager.activate(span, options.finishSpanOnClose === true);
	Object.defineProperty(tracer, 'activeSpan', { get: () => scopeManager.activeSpan() });
	// the course's close() also returns a promise
	const close = tracer.close.bind(tracer);
	tracer.close = (callback) =>
		new Promise((resolve) =>
			close(() => {
				callback?.();
				resolve();
			})
		);
	return tracer;
}

/** The course's `propagation: 'b3'` (its default is Jaeger's uber-trace-id, as jaeger-client's). */
function usePropagation(tracer, propagation) {
	if (propagation !== 'b3') return;
	const codec = new ZipkinB3TextMapCodec({ urlEncoding: true });
	for (const format of [opentracing.FORMAT_HTTP_HEADERS, opentracing.FORMAT_TEXT_MAP]) {
		tracer.registerInjector(format, codec);
		tracer.registerExtractor(format, codec);
	}
}

export function initTracer(configOrName, options = {}) {
	const tutorial = typeof configOrName === 'string';
	const config = tutorial ? { serviceName: configOrName, sampler: { type: 'const', param: 1 }, reporter: { logSpans: true } } : { ...configOrName };
	const reporter = { ...(config.reporter ?? {}) };
	// the world's agent host (jaeger-agent, jaeger) is this machine
	if (reporter.agentHost) reporter.agentHost = localHost(reporter.agentHost);
	config.reporter = reporter;
	const tracer = withScopes(initTracerFromEnv(config, { logger: tutorial ? tutorialLogger : undefined, ...options }));
	usePropagation(tracer, config.propagation);
	unrefTimers(tracer);
	held.tracers.add(tracer);
	return tracer;
}

// The reporter's flush timer must not keep a finished program alive: Node exits when the program's own
// work is done, and run-service.js then closes the tracers (which sends what is queued).
function unrefTimers(tracer) {
	const walk = (r) => {
		if (!r) return;
		r._intervalHandle?.unref?.();
		r._sender?._client?.unref?.();
		r._reporters?.forEach(walk);
	};
	walk(tracer._reporter);
	tracer._sampler?._refreshIntervalHandle?.unref?.();
}

export const { Tags, FORMAT_HTTP_HEADERS, FORMAT_TEXT_MAP, FORMAT_BINARY } = opentracing;
export const {
	initTracerFromEnv: jaegerInitTracerFromEnv,
	SpanContext,
	Span,
	Tracer,
	ConstSampler,
	ProbabilisticSampler,
	RateLimitingSampler,
	RemoteSampler,
	CompositeReporter,
	InMemoryReporter,
	LoggingReporter,
	NoopReporter,
	RemoteReporter,
	TextMapCodec,
	ZipkinB3TextMapCodec: B3Codec
} = jaeger;

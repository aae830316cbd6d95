// The OpenTelemetry modules a service's code may import, set up for it: the real
// @opentelemetry/api, sdk-trace-base, core, resources and shim-opentracing (bundled into the
// sandbox's worker), with no SDK set-up code needed —
// - a TracerProvider whose resource says `service.name` = the service, batching to the OTLP/HTTP
//   JSON exporter (jaeger-collector:4318/v1/traces);
// - the context manager that survives await and timers (CarriedContextManager);
// - W3C `traceparent`/`tracestate` + `baggage` as the global propagator (OTel's default).
// A learner may still write the set-up: `trace.setGlobalTracerProvider(theirs)` takes over from ours
// (the real API would refuse a second registration), `propagation.setGlobalPropagator` and
// `context.setGlobalContextManager` replace the defaults, and OTLPTraceExporter (from
// '@opentelemetry/exporter-trace-otlp-http') sends over the simulated network. Every provider made
// here is flushed when the service shuts down, as our tracers are closed.
import * as api from '@opentelemetry/api';
import * as core from '@opentelemetry/core';
import * as resources from '@opentelemetry/resources';
import * as sdk from '@opentelemetry/sdk-trace-base';
import * as shim from '@opentelemetry/shim-opentracing';
import { CarriedContextManager } from './context-manager';
import { SimOtlpExporter, type OtlpExporterEnv, type OtlpExporterOptions } from './exporter';

/** OTel's default batch delay is 5 s; a course run is short, so spans go out every second. */
const BATCH_DELAY_MS = 1000;

/** The realm-wide parts (one worker = one realm): the context manager and the default propagator. */
export function defaultPropagator(): api.TextMapPropagator {
	return new core.CompositePropagator({ propagators: [new core.W3CTraceContextPropagator(), new core.W3CBaggagePropagator()] });
}

function registerRealmDefaults() {
	// false when already registered (a second service in the same realm: the Node lesson tests)
	api.context.setGlobalContextManager(new CarriedContextManager());
	api.propagation.setGlobalPropagator(defaultPropagator());
}

interface Flushable {
	forceFlush(): Promise<void>;
}

export interface OtelRuntime {
	/** module name → what compiled learner code reads */
	modules: Record<string, unknown>;
	/** flushes every provider and exporter the service made (the run is ending) */
	flush(): Promise<void>;
}

export function createOtelRuntime(env: OtlpExporterEnv): OtelRuntime {
	registerRealmDefaults();
	const flushables = new Set<Flushable>();

	class OTLPTraceExporter extends SimOtlpExporter {
		constructor(options: OtlpExporterOptions = {}) {
			super(env, options);
			flushables.add(this);
		}
	}
	// providers the learner makes are flushed at the end like ours, even if never registered
	class BasicTracerProvider extends sdk.BasicTracerProvider {
		constructor(config?: ConstructorParameters<typeof sdk.BasicTracerProvider>[0]) {
			super(config);
			flushables.add(this);
		}
	}

	const ours = new BasicTracerProvider({
		resource: resources.defaultResource().merge(resources.resourceFromAttributes({ 'service.name': env.service })),
		spanProcessors: [new sdk.BatchSpanProcessor(new OTLPTraceExporter(), { scheduledDelayMillis: BATCH_DELAY_MS })]
	});

	// The API's global TracerProvider, per service: a proxy like the API's own, so tracers obtained
	// before the learner registers a provider follow it.
	let proxy = new api.ProxyTracerProvider();
	proxy.setDelegate(ours);
	const trace: typeof api.trace = Object.create(api.trace, {
		getTracerProvider: { value: () => proxy },
		// always a ProxyTracer, as from the real API before set-up: it binds to the provider current at
		// its first span, so a tracer got at the top of a file follows the learner's set-up below it
		getTracer: { value: (name: string, version?: string, options?: api.TracerOptions) => new api.ProxyTracer(proxy, name, version, options) },
		setGlobalTracerProvider: {
			value: (provider: api.TracerProvider) => {
				proxy.setDelegate(provider);
				if (typeof (provider as Partial<Flushable>).forceFlush === 'function') flushables.add(provider as unknown as Flushable);
				return true;
			}
		},
		disable: { value: () => void (proxy = new api.ProxyTracerProvider()) }
	});
	const propagation: typeof api.propagation = Object.create(api.propagation, {
		setGlobalPropagator: {
			value: (p: api.TextMapPropagator) => {
				api.propagation.disable();
				return api.propagation.setGlobalPropagator(p);
			}
		}
	});
	const context: typeof api.context = Object.create(api.context, {
		setGlobalContextManager: {
			value: (m: api.ContextManager) => {
				api.context.disable();
				return api.context.setGlobalContextManager(m);
			}
		}
	});
	const facade = { ...api, trace, propagation, context, default: { ...api.default, trace, propagation, context } };

	return {
		modules: {
			'@opentelemetry/api': facade,
			'@opentelemetry/sdk-trace-base': { ...sdk, BasicTracerProvider },
			'@opentelemetry/core': core,
			'@opentelemetry/resources': resources,
			'@opentelemetry/shim-opentracing': shim,
			'@opentelemetry/exporter-trace-otlp-http': { OTLPTraceExporter }
		},
		async flush() {
			await Promise.all([...flushables].map((f) => f.forceFlush().catch(() => {})));
		}
	};
}

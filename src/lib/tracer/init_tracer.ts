// jaeger-client's `initTracer(config, options)`: builds sampler and reporter from config.
import type { BaggageLimits } from './baggage_limits';
import type { BaggageRestrictionManager } from './baggage_restrictions';
import type { Logger } from './logger';
import { consoleLogger } from './logger';
import { CompositeReporter } from './reporters/composite_reporter';
import { NoopReporter } from './reporters/noop_reporter';
import { ConstSampler } from './samplers/const_sampler';
import { InMemoryReporter } from './reporters/in_memory_reporter';
import { LoggingReporter } from './reporters/logging_reporter';
import { RemoteReporter, type SpanSender } from './reporters/remote_reporter';
import type { Reporter } from './reporters/reporter';
import type { FetchLike } from './samplers/remote_sampler';
import { samplerFromConfig, type SamplerConfig } from './samplers/sampler_from_config';
import { RemoteThrottler } from './throttlers/remote_throttler';
import type { Throttler } from './throttlers/throttler';
import { JaegerTracer, type Propagation } from './tracer';

/** `config.throttler`: debug-span credits polled from the agent's `/credits` (jaeger-client's names). */
export interface ThrottlerConfig {
	/** default 'jaeger-agent' */
	host?: string;
	/** default 5778 */
	port?: number;
	/** full URL instead of host and port, e.g. 'http://jaeger-agent:5778/credits' */
	creditsServerURL?: string;
	/** default 5000 */
	refreshIntervalMs?: number;
	/** default 5000 */
	initialDelayMs?: number;
}

export interface TracingConfig {
	serviceName: string;
	/** a disabled tracer samples nothing and reports nothing (jaeger-client returns opentracing's no-op
	 * Tracer; ours keeps the full JaegerTracer type so learner code type-checks either way) */
	disable?: boolean;
	sampler?: SamplerConfig;
	reporter?: {
		/** also print `Reporting span …` for each span */
		logSpans?: boolean;
		flushIntervalMs?: number;
		maxBatchSize?: number;
		maxQueueSize?: number;
		/** where the remote reporter sends batches (options.sender also works) */
		sender?: SpanSender;
		/** jaeger-client's UDP sender target: default jaeger-agent (JAEGER_AGENT_HOST) */
		agentHost?: string;
		/** default 6831 here (JAEGER_AGENT_PORT) */
		agentPort?: number;
		/** jaeger-client's HTTP sender, straight to the collector: 'http://jaeger-collector:14268/api/traces' (JAEGER_ENDPOINT) */
		collectorEndpoint?: string;
		username?: string;
		password?: string;
	};
	propagation?: Propagation;
	tags?: Record<string, unknown>;
	traceId128bit?: boolean;
	baggageLimits?: Partial<BaggageLimits>;
	/** limit debug traces with credits from the agent (a RemoteThrottler); without it all are allowed */
	throttler?: ThrottlerConfig;
}

export interface TracingOptions {
	/** used instead of the remote/in-memory reporter (still combined with logging when logSpans) */
	reporter?: Reporter;
	/** sender for the remote reporter */
	sender?: SpanSender;
	logger?: Logger;
	tags?: Record<string, unknown>;
	/** for the remote sampler's polls */
	fetch?: FetchLike;
	/** ms clock, fractions allowed */
	now?: () => number;
	traceId128bit?: boolean;
	/** used instead of the throttler `config.throttler` describes */
	throttler?: Throttler;
	/** which baggage keys this service may set (jaeger-client's option); default: every key, 2048 characters */
	baggageRestrictionManager?: BaggageRestrictionManager;
}

/**
 * Without `options.reporter` or a sender, spans go to an InMemoryReporter (reachable as
 * `tracer.reporter`): a real tracer would send to an agent, but here there is nowhere else to go.
 */
export function initTracer(config: TracingConfig, options: TracingOptions = {}): JaegerTracer {
	if (typeof config.serviceName !== 'string' || config.serviceName === '') throw new Error('config.serviceName must be provided');
	const logger = options.logger ?? consoleLogger;
	if (config.disable) return new JaegerTracer(config.serviceName, new NoopReporter(), new ConstSampler(false), { logger });
	// No sampler config means the remote sampler, as in jaeger-client (probabilistic 0.001 until the
	// agent answers) — lessons pass `sampler: { type: 'const', param: 1 }` to see every trace.
	const sampler = samplerFromConfig(config.serviceName, config.sampler ?? { type: 'remote' }, {
		fetch: options.fetch,
		logger,
		now: options.now
	});
	const rc = config.reporter ?? {};
	const sender = options.sender ?? rc.sender;
	let reporter: Reporter =
		options.reporter ??
		(sender
			? new RemoteReporter(sender, { flushIntervalMs: rc.flushIntervalMs, maxBatchSize: rc.maxBatchSize, maxQueueSize: rc.maxQueueSize, logger })
			: new InMemoryReporter());
	if (rc.logSpans) reporter = new CompositeReporter([new LoggingReporter(logger), reporter]);
	const tc = config.throttler;
	const throttler =
		options.throttler ??
		(tc
			? new RemoteThrottler(config.serviceName, {
					host: tc.host,
					port: tc.port,
					creditsServerURL: tc.creditsServerURL,
					refreshIntervalMs: tc.refreshIntervalMs,
					initialDelayMs: tc.initialDelayMs,
					fetch: options.fetch,
					logger
				})
			: undefined);
	return new JaegerTracer(config.serviceName, reporter, sampler, {
		tags: { ...config.tags, ...options.tags },
		logger,
		now: options.now,
		traceId128bit: options.traceId128bit ?? config.traceId128bit,
		propagation: config.propagation,
		baggageLimits: config.baggageLimits,
		debugThrottler: throttler,
		baggageRestrictionManager: options.baggageRestrictionManager
	});
}

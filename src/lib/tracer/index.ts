// The tracer's public face: other parts (the runner's service worker runtime, tests and benches)
// import from here only.
export { initTracer, type TracingConfig, type TracingOptions, type ThrottlerConfig } from './init_tracer';
export { JaegerTracer, type TracerOptions, type StartSpanOptions, type Propagation } from './tracer';
export { JaegerSpan } from './span';
export { JaegerSpanContext, type Baggage } from './span_context';
export { Scope } from './scope';
export { ScopeManager } from './scope_manager';
export { installAsyncContext } from './async_context';
export { carriedContext } from './context_slot';
export { TracerMetrics } from './metrics';
export { DEFAULT_BAGGAGE_LIMITS, type BaggageLimits } from './baggage_limits';
export { Restriction, DefaultBaggageRestrictionManager, type BaggageRestrictionManager } from './baggage_restrictions';
export { consoleLogger, nullLogger, type Logger } from './logger';
export { TRACER_VERSION } from './constants';

export type { Codec, Injector, Extractor } from './codecs/codec';
export { JaegerCodec } from './codecs/jaeger_codec';
export { B3Codec } from './codecs/b3_codec';
export { W3CCodec } from './codecs/w3c_codec';
export { BinaryCodec } from './codecs/binary_codec';

export type { Sampler, SamplingDecision } from './samplers/sampler';
export { ConstSampler } from './samplers/const_sampler';
export { ProbabilisticSampler } from './samplers/probabilistic_sampler';
export { RateLimitingSampler } from './samplers/rate_limiting_sampler';
export { GuaranteedThroughputSampler } from './samplers/guaranteed_throughput_sampler';
export { PerOperationSampler } from './samplers/per_operation_sampler';
export { RemoteSampler, type FetchLike, type SamplingStrategyResponse } from './samplers/remote_sampler';
export type { SamplerConfig } from './samplers/sampler_from_config';

export type { Throttler } from './throttlers/throttler';
export { DefaultThrottler } from './throttlers/default_throttler';
export { RemoteThrottler, type RemoteThrottlerOptions } from './throttlers/remote_throttler';

export type { Reporter } from './reporters/reporter';
export { InMemoryReporter } from './reporters/in_memory_reporter';
export { LoggingReporter } from './reporters/logging_reporter';
export { RemoteReporter, type SpanSender, type RemoteReporterOptions } from './reporters/remote_reporter';
export { CompositeReporter } from './reporters/composite_reporter';
export { NoopReporter } from './reporters/noop_reporter';
export { afterFinishMessage, parseAfterFinish, type LateCall } from './misuse';

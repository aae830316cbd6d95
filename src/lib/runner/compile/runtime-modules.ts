/**
 * Modules learner code may import. The compiler does not bundle them: each becomes a lookup in
 * globalThis.__tour_runtime, which the service worker fills before it imports the bundle.
 * `jaeger-client` is an alias of tour/tracing so code copied from the Node tutorial compiles.
 */
export const RUNTIME_MODULES = ['opentracing', 'tour/tracing', 'tour/http', 'tour/grpc', 'tour/amqp', 'tour/redis', 'tour/process', 'tour/time', 'tour/mysql', 'jaeger-client',
	'@opentelemetry/api', '@opentelemetry/sdk-trace-base', '@opentelemetry/core', '@opentelemetry/resources', '@opentelemetry/shim-opentracing', '@opentelemetry/exporter-trace-otlp-http'] as const;

/** Where the worker puts the runtime; the compiled code reads it from there. */
export const RUNTIME_GLOBAL = '__tour_runtime';

/**
 * Globals replaced in learner code (esbuild `inject`): timers that count as the service's pending
 * work (so a run knows when a program is done, as Node knows when to exit — while the tracer's own
 * flush timer does not count), `fetch` on the simulated network, and Node's `process`.
 */
export const INJECTED_GLOBALS = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'fetch', 'process'] as const;

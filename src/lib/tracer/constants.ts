// Names that travel on the wire or show up in the Jaeger UI. They match jaeger-client 3.19 so that
// lessons, checks and real Jaeger tooling read the same words.

/** Reported as the process tag `jaeger.version`; "JS" like jaeger-client's "Node-3.19.0". */
export const TRACER_VERSION = 'JS-TraceTour-0.1.0';

export const JAEGER_VERSION_TAG = 'jaeger.version';
export const HOSTNAME_TAG = 'hostname';
export const IP_TAG = 'ip';
export const CLIENT_UUID_TAG = 'client-uuid';

export const SAMPLER_TYPE_TAG = 'sampler.type';
export const SAMPLER_PARAM_TAG = 'sampler.param';
export const SAMPLER_TYPE_CONST = 'const';
export const SAMPLER_TYPE_PROBABILISTIC = 'probabilistic';
export const SAMPLER_TYPE_RATE_LIMITING = 'ratelimiting';
export const SAMPLER_TYPE_LOWER_BOUND = 'lowerbound';

export const JAEGER_TRACE_HEADER = 'uber-trace-id';
export const JAEGER_BAGGAGE_PREFIX = 'uberctx-';
export const JAEGER_DEBUG_HEADER = 'jaeger-debug-id';
export const JAEGER_BAGGAGE_HEADER = 'jaeger-baggage';

/** Jaeger flag bits: the same in `uber-trace-id`, Jaeger JSON `flags` and the binary format. */
export const FLAG_SAMPLED = 1;
export const FLAG_DEBUG = 2;

/** Longest header value any codec will look at: real ids fit in 100 chars, anything longer is hostile. */
export const MAX_CONTEXT_HEADER_LENGTH = 256;

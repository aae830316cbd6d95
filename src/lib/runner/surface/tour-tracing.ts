// `tour/tracing` (also importable as `jaeger-client`) as learner code sees it: the tracer part's
// exports, with the runtime's own initTracer (which reports to the simulated agent), plus the
// opentracing names the module re-exports. Typings generated from here; see tour-http.ts.
import type * as opentracing from 'opentracing';
import type { createTracingModule } from '../service/tracing-module';

type TracingModule = ReturnType<typeof createTracingModule>['module'];

export * from '$lib/tracer';
export declare const initTracer: TracingModule['initTracer'];
export declare const Tags: typeof opentracing.Tags;
export declare const FORMAT_HTTP_HEADERS: typeof opentracing.FORMAT_HTTP_HEADERS;
export declare const FORMAT_TEXT_MAP: typeof opentracing.FORMAT_TEXT_MAP;
export declare const FORMAT_BINARY: typeof opentracing.FORMAT_BINARY;

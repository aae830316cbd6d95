// Type declarations of the runtime modules, for the editor's IntelliSense (Editor `libs` prop). They
// describe what the service worker provides; kept permissive where the tracer's API is wide.

const OPENTRACING = `declare module 'opentracing' {
  export const FORMAT_HTTP_HEADERS: 'http_headers';
  export const FORMAT_TEXT_MAP: 'text_map';
  export const FORMAT_BINARY: 'binary';
  export const REFERENCE_CHILD_OF: 'child_of';
  export const REFERENCE_FOLLOWS_FROM: 'follows_from';
  export const Tags: {
    SPAN_KIND: 'span.kind'; SPAN_KIND_RPC_CLIENT: 'client'; SPAN_KIND_RPC_SERVER: 'server';
    SPAN_KIND_MESSAGING_PRODUCER: 'producer'; SPAN_KIND_MESSAGING_CONSUMER: 'consumer';
    ERROR: 'error'; COMPONENT: 'component'; SAMPLING_PRIORITY: 'sampling.priority';
    HTTP_URL: 'http.url'; HTTP_METHOD: 'http.method'; HTTP_STATUS_CODE: 'http.status_code';
    PEER_SERVICE: 'peer.service'; PEER_HOSTNAME: 'peer.hostname'; PEER_PORT: 'peer.port';
    DB_TYPE: 'db.type'; DB_STATEMENT: 'db.statement'; [k: string]: string;
  };
  export class SpanContext { toTraceId(): string; toSpanId(): string; }
  export class Reference { constructor(type: string, referencedContext: SpanContext | Span); type(): string; referencedContext(): SpanContext; }
  export function childOf(spanContext: SpanContext | Span): Reference;
  export function followsFrom(spanContext: SpanContext | Span): Reference;
  export interface SpanOptions { childOf?: Span | SpanContext | null; references?: Reference[]; tags?: { [key: string]: any }; startTime?: number; }
  export class Span {
    context(): SpanContext; tracer(): Tracer;
    setOperationName(name: string): this; setBaggageItem(key: string, value: string): this; getBaggageItem(key: string): string | undefined;
    setTag(key: string, value: any): this; addTags(keyValueMap: { [key: string]: any }): this;
    log(keyValuePairs: { [key: string]: any }, timestamp?: number): this; logEvent(eventName: string, payLoad: any): void;
    finish(finishTime?: number): void;
  }
  export class Tracer {
    startSpan(name: string, options?: SpanOptions): Span;
    inject(spanContext: SpanContext | Span, format: string, carrier: any): void;
    extract(format: string, carrier: any): SpanContext | null;
  }
  export function globalTracer(): Tracer;
  export function initGlobalTracer(tracer: Tracer): void;
}
`;

const TOUR = `declare module 'tour/http' {
  export interface ServerRequest {
    method: string; url: string; path: string;
    /** readable as a record (query.helloTo) and like URLSearchParams (query.get('helloTo')) */
    query: Record<string, string> & { get(name: string): string | null; getAll(name: string): string[]; has(name: string): boolean };
    /** lower-case names */
    headers: Record<string, string>;
    body: string; json(): any;
  }
  export type HandlerResult = string | { status?: number; headers?: Record<string, string | number>; body?: unknown } | void;
  export function serve(port: number, handler: (req: ServerRequest) => HandlerResult | Promise<HandlerResult>): { port: number; close(): void };
  export interface Response { status: number; statusText: string; ok: boolean; url: string; headers: { get(name: string): string | null; has(name: string): boolean; forEach(cb: (value: string, name: string) => void): void }; text(): Promise<string>; json(): Promise<any>; }
  export function fetch(url: string | URL, init?: { method?: string; headers?: Record<string, string> | Iterable<[string, string]>; body?: string | object }): Promise<Response>;
}
declare module 'tour/time' {
  export function sleep(ms: number): Promise<void>;
  export function now(): number;
}
declare module 'tour/process' {
  /** ['node', '<service>', ...the Arguments field] — argv[2] is the first argument */
  export const argv: string[];
  export const args: string[];
  export const env: Record<string, string>;
}
declare module 'tour/tracing' {
  import { Tracer, Span } from 'opentracing';
  export { Tags, FORMAT_HTTP_HEADERS, FORMAT_TEXT_MAP, FORMAT_BINARY } from 'opentracing';
  export interface Scope { span(): Span; close(): void; [Symbol.dispose](): void; }
  export interface JaegerTracer extends Tracer {
    /** makes span the active span; \`using scope = tracer.activateSpan(span)\` */
    activateSpan(span: Span, options?: { finishSpanOnClose?: boolean }): Scope;
    readonly activeSpan: Span | null;
    close(callback?: () => void): Promise<void>;
    [key: string]: any;
  }
  export interface TracingConfig {
    serviceName: string; disable?: boolean;
    sampler?: { type: 'const' | 'probabilistic' | 'ratelimiting' | 'remote'; param?: number; [k: string]: any };
    reporter?: { logSpans?: boolean; flushIntervalMs?: number; maxBatchSize?: number; maxQueueSize?: number };
    propagation?: 'jaeger' | 'b3' | 'w3c'; tags?: Record<string, unknown>; traceId128bit?: boolean;
  }
  export interface TracingOptions { logger?: { info(msg: string): void; error(msg: string): void }; tags?: Record<string, unknown>; [key: string]: any }
  /** initTracer('hello-world'): const sampler, spans logged to the Console and sent to jaeger-agent:6831 */
  export function initTracer(serviceName: string): JaegerTracer;
  export function initTracer(config: TracingConfig, options?: TracingOptions): JaegerTracer;
}
declare module 'jaeger-client' { export * from 'tour/tracing'; }
declare var process: { argv: string[]; env: Record<string, string> };
`;

// What a service's global scope has. Declared here as well because the editor's TypeScript may not
// load a DOM/webworker lib; where it does, these merge with its declarations.
const GLOBALS = `interface Console { log(...data: any[]): void; info(...data: any[]): void; warn(...data: any[]): void; error(...data: any[]): void; debug(...data: any[]): void; }
declare var console: Console;
declare function setTimeout(handler: (...args: any[]) => void, timeout?: number, ...args: any[]): any;
declare function clearTimeout(id: any): void;
declare function setInterval(handler: (...args: any[]) => void, timeout?: number, ...args: any[]): any;
declare function clearInterval(id: any): void;
declare function queueMicrotask(callback: () => void): void;
`;

/** path → text, for the editor's `libs` prop */
export const RUNTIME_LIBS: Record<string, string> = {
	'file:///node_modules/@types/tour-runtime/index.d.ts': OPENTRACING + TOUR,
	'file:///node_modules/@types/tour-runtime/globals.d.ts': GLOBALS
};

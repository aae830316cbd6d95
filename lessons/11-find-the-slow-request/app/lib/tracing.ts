// Tracing written once for every service: a tracer that reports every span without printing it,
// a server span per HTTP request (middleware), a client span per HTTP call, and gRPC interceptors.
import { FORMAT_HTTP_HEADERS, Tags, type Span } from 'opentracing';
import { fetch, type Middleware, type Response } from 'tour/http';
import type { ClientInterceptor, ServerInterceptor, ServiceError } from 'tour/grpc';
import { initTracer as jaegerTracer, type JaegerTracer } from 'tour/tracing';

/** Every span is kept (const sampler) but none is printed: a load test makes thousands. */
export function initTracer(service: string): JaegerTracer {
  return jaegerTracer({ serviceName: service, sampler: { type: 'const', param: 1 }, reporter: { logSpans: false } });
}

/** One server span per request, named after the route (`HTTP GET /customer/:id`), active while the handler runs. */
export function traced(tracer: JaegerTracer): Middleware {
  return (handler) => async (req) => {
    const caller = tracer.extract(FORMAT_HTTP_HEADERS, req.headers) ?? undefined;
    const span = tracer.startSpan(`HTTP ${req.method} ${req.route}`, {
      childOf: caller,
      tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER, [Tags.HTTP_METHOD]: req.method, [Tags.HTTP_URL]: req.url },
    });
    using scope = tracer.activateSpan(span);
    try {
      const res = await handler(req);
      const status = typeof res === 'object' && res !== null && typeof res.status === 'number' ? res.status : 200;
      span.setTag(Tags.HTTP_STATUS_CODE, status);
      if (status >= 500) span.setTag(Tags.ERROR, true);
      return res;
    } catch (err) {
      span.setTag(Tags.ERROR, true);
      span.log({ event: 'error', message: String(err) });
      throw err;
    } finally {
      span.finish();
    }
  };
}

/** GET `url` inside a client span called `operation`, a child of `parent`; the answer's JSON. */
export async function getJson<T>(tracer: JaegerTracer, parent: Span, operation: string, url: string): Promise<T> {
  const span = tracer.startSpan(operation, {
    childOf: parent,
    tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_CLIENT, [Tags.HTTP_METHOD]: 'GET', [Tags.HTTP_URL]: url },
  });
  const headers: Record<string, string> = {};
  tracer.inject(span.context(), FORMAT_HTTP_HEADERS, headers);
  try {
    const res: Response = await fetch(url, { headers });
    span.setTag(Tags.HTTP_STATUS_CODE, res.status);
    if (!res.ok) throw new Error(`${operation} answered ${res.status}`);
    return (await res.json()) as T;
  } catch (err) {
    span.setTag(Tags.ERROR, true);
    span.log({ event: 'error', message: String(err) });
    throw err;
  } finally {
    span.finish();
  }
}

/** A client span per gRPC call, a child of the active span (otgrpc's conventions). */
export function grpcClientTracing(tracer: JaegerTracer): ClientInterceptor {
  return async (method, request, metadata, next) => {
    const span = tracer.startSpan(method, {
      childOf: tracer.activeSpan ?? undefined,
      tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_CLIENT, [Tags.COMPONENT]: 'gRPC' },
    });
    const headers: Record<string, string> = {};
    tracer.inject(span.context(), FORMAT_HTTP_HEADERS, headers);
    const md = metadata.clone();
    for (const [key, value] of Object.entries(headers)) md.set(key, value);
    try {
      return await next(request, md);
    } catch (err) {
      span.setTag(Tags.ERROR, true);
      span.log({ event: 'error', message: (err as ServiceError).message });
      throw err;
    } finally {
      span.finish();
    }
  };
}

/** A server span per gRPC call, active while the method runs. */
export function grpcServerTracing(tracer: JaegerTracer): ServerInterceptor {
  return async (call, next) => {
    const caller = tracer.extract(FORMAT_HTTP_HEADERS, call.metadata.getMap()) ?? undefined;
    const span = tracer.startSpan(call.getPath(), {
      childOf: caller,
      tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER, [Tags.COMPONENT]: 'gRPC' },
    });
    using scope = tracer.activateSpan(span);
    try {
      return await next();
    } catch (err) {
      span.setTag(Tags.ERROR, true);
      span.log({ event: 'error', message: (err as ServiceError).message });
      throw err;
    } finally {
      span.finish();
    }
  };
}

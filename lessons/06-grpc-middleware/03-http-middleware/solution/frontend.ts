import { FORMAT_HTTP_HEADERS, FORMAT_TEXT_MAP, Tags } from 'opentracing';
import { Client, status, type ClientInterceptor, type ServiceError } from 'tour/grpc';
import { serve, type HandlerResult, type Middleware, type Routes } from 'tour/http';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('frontend');

// the client interceptor of the last step
const tracing: ClientInterceptor = async (method, request, metadata, next) => {
  const span = tracer.startSpan(method, {
    tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_CLIENT, [Tags.COMPONENT]: 'gRPC' },
  });
  const outgoing = metadata.clone();
  const carrier: Record<string, string> = {};
  tracer.inject(span.context(), FORMAT_TEXT_MAP, carrier);
  for (const [key, value] of Object.entries(carrier)) outgoing.set(key, value);
  try {
    return await next(request, outgoing);
  } catch (err) {
    const e = err as ServiceError;
    span.setTag(Tags.ERROR, true);
    span.setTag('response_code', e.code);
    span.log({ event: 'error', message: e.details, 'error.object': e });
    throw err;
  } finally {
    span.finish();
  }
};
const customers = new Client('customer:50051', 'customer.Customers', { interceptors: [tracing] });

/** The status a handler's result is answered with (a thrown error is a 500). */
function statusOf(result: HandlerResult): number {
  if (result === undefined || result === null) return 204;
  if (typeof result === 'object' && result.status) return result.status;
  return 200;
}

// Wraps every route's handler: one server span per request.
const traced: Middleware = (handler) => async (req) => {
  const parent = tracer.extract(FORMAT_HTTP_HEADERS, req.headers) ?? undefined;
  // named after the route, not the path: one name for every customer, as go-stdlib's OperationNameFunc
  const span = tracer.startSpan(`HTTP ${req.method} ${req.route}`, {
    childOf: parent,
    tags: {
      [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER,
      [Tags.COMPONENT]: 'net/http',
      [Tags.HTTP_METHOD]: req.method,
      [Tags.HTTP_URL]: req.url,
    },
  });
  // active while the handler runs: the calls it makes become children of this span
  using scope = tracer.activateSpan(span);
  try {
    const result = await handler(req);
    span.setTag(Tags.HTTP_STATUS_CODE, statusOf(result));
    return result;
  } catch (err) {
    span.setTag(Tags.HTTP_STATUS_CODE, 500);
    span.setTag(Tags.ERROR, true);
    span.log({ event: 'error', 'error.object': err });
    throw err;
  } finally {
    span.finish();
  }
};

const routes: Routes = {
  'GET /customer/:id': async (req) => {
    try {
      return { body: await customers.call('Get', { id: req.params.id }) };
    } catch (err) {
      if ((err as ServiceError).code === status.NOT_FOUND) return { status: 404, body: { error: (err as ServiceError).details } };
      throw err;
    }
  },
  'GET /customers': async () => ({ body: await customers.call('List', {}) }),
};

serve(8080, routes, traced);

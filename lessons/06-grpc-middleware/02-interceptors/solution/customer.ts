import { FORMAT_TEXT_MAP, Tags } from 'opentracing';
import { Server, status, type ServerInterceptor, type ServiceError } from 'tour/grpc';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('customer');

const customers = new Map([
  ['123', { id: '123', name: "Rachel's Floral Designs", location: '115,277' }],
  ['392', { id: '392', name: 'Trom Chocolatier', location: '577,322' }],
]);

// Statuses that mean the server failed. NOT_FOUND, INVALID_ARGUMENT and the like are the caller's
// problem: the server did its job (the rule of otgrpc and of OpenTelemetry's gRPC conventions).
const SERVER_FAULTS = new Set<number>([
  status.UNKNOWN, status.DEADLINE_EXCEEDED, status.UNIMPLEMENTED,
  status.INTERNAL, status.UNAVAILABLE, status.DATA_LOSS,
]);

// Runs around every method the server serves; next() runs the method and resolves with its reply,
// or rejects with the status it failed with ({ code, details }).
const tracing: ServerInterceptor = async (call, next) => {
  const parent = tracer.extract(FORMAT_TEXT_MAP, call.metadata.getMap()) ?? undefined;
  const span = tracer.startSpan(call.getPath(), {
    childOf: parent,
    tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER, [Tags.COMPONENT]: 'gRPC' },
  });
  try {
    return await next();
  } catch (err) {
    const e = err as ServiceError;
    span.setTag('response_code', e.code);
    if (SERVER_FAULTS.has(e.code)) {
      span.setTag(Tags.ERROR, true);
      span.log({ event: 'error', message: e.details });
    }
    throw err;
  } finally {
    span.finish();
  }
};

const server = new Server({ interceptors: [tracing] });
server.addService('customer.Customers', {
  Get(call, callback) {
    const customer = customers.get(call.request.id);
    if (!customer) return callback({ code: status.NOT_FOUND, details: `no customer ${call.request.id}` });
    callback(null, customer);
  },
  List(call, callback) {
    callback(null, { customers: [...customers.values()] });
  },
});
server.listen(50051);

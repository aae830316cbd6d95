import { FORMAT_TEXT_MAP, Tags } from 'opentracing';
import { Server, status, type ServerInterceptor } from 'tour/grpc';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('customer');

const customers = new Map([
  ['123', { id: '123', name: "Rachel's Floral Designs", location: '115,277' }],
  ['392', { id: '392', name: 'Trom Chocolatier', location: '577,322' }],
]);

// Runs around every method the server serves; next() runs the method and resolves with its reply,
// or rejects with the status it failed with ({ code, details }).
const tracing: ServerInterceptor = async (call, next) => {
  // TODO: trace the method here, for every method — and take the tracing out of Get
  return next();
};

const server = new Server({ interceptors: [tracing] });
server.addService('customer.Customers', {
  Get(call, callback) {
    const parent = tracer.extract(FORMAT_TEXT_MAP, call.metadata.getMap()) ?? undefined;
    const span = tracer.startSpan('/customer.Customers/Get', {
      childOf: parent,
      tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER, [Tags.COMPONENT]: 'gRPC' },
    });
    const customer = customers.get(call.request.id);
    span.finish();
    if (!customer) return callback({ code: status.NOT_FOUND, details: `no customer ${call.request.id}` });
    callback(null, customer);
  },
  List(call, callback) {
    callback(null, { customers: [...customers.values()] });
  },
});
server.listen(50051);

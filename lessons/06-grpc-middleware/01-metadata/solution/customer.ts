import { FORMAT_TEXT_MAP, Tags } from 'opentracing';
import { Server, status } from 'tour/grpc';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('customer');

const customers = new Map([
  ['123', { id: '123', name: "Rachel's Floral Designs", location: '115,277' }],
  ['392', { id: '392', name: 'Trom Chocolatier', location: '577,322' }],
]);

const server = new Server();
server.addService('customer.Customers', {
  Get(call, callback) {
    // getMap(): each key's first value, in a plain object the tracer can read
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
});
server.listen(50051);

import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';
import { Server, status, type ServiceError } from 'tour/grpc';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('inventory');
const stock = new Map([
  ['moby-dick', 3],
  ['dracula', 0],
]);

// A span per call, continuing the caller's trace from the metadata. Like otgrpc and OpenTelemetry's
// gRPC conventions (whose list this is), the server marks only its own faults as errors: "out of
// stock" is a correct answer, the caller's problem rather than the server's.
const SERVER_FAULTS: number[] = [status.UNKNOWN, status.DEADLINE_EXCEEDED, status.UNIMPLEMENTED, status.INTERNAL, status.UNAVAILABLE, status.DATA_LOSS];

const server = new Server({
  interceptors: [
    async (call, next) => {
      const parent = tracer.extract(FORMAT_HTTP_HEADERS, call.metadata.getMap());
      const span = tracer.startSpan(call.getPath(), {
        childOf: parent ?? undefined,
        tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER, [Tags.COMPONENT]: 'gRPC' },
      });
      try {
        return await next();
      } catch (err) {
        const e = err as ServiceError;
        span.setTag('response_code', e.code);
        if (SERVER_FAULTS.includes(e.code)) span.setTag(Tags.ERROR, true);
        span.log({ event: 'error', message: e.message });
        throw err;
      } finally {
        span.finish();
      }
    },
  ],
});

server.addService('inventory.Inventory', {
  Reserve(call, callback) {
    const left = stock.get(call.request.book) ?? 0;
    if (left === 0) return callback({ code: status.FAILED_PRECONDITION, details: `${call.request.book} is out of stock` });
    stock.set(call.request.book, left - 1);
    callback(null, { left: left - 1 });
  },
});
server.listen(50051);

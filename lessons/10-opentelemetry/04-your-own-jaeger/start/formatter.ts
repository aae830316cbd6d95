import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';
import { serve } from 'tour/http';
import { initTracer } from 'tour/tracing';

// an older service, still on the jaeger-style tracer; nobody will rewrite it this week
const tracer = initTracer({
  serviceName: 'formatter',
  sampler: { type: 'const', param: 1 },
  propagation: 'w3c', // read and write traceparent instead of uber-trace-id
});

// GET /format?helloTo=Bryan → "Hello, Bryan!"
serve(8081, (req) => {
  const parent = tracer.extract(FORMAT_HTTP_HEADERS, req.headers) ?? undefined;
  const span = tracer.startSpan('format', {
    childOf: parent,
    tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER },
  });
  const helloStr = `Hello, ${req.query.helloTo}!`;
  span.log({ event: 'string-format', value: helloStr });
  span.finish();
  return helloStr;
});

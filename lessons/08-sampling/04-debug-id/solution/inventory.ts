import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';
import { serve } from 'tour/http';
import { initTracer } from 'tour/tracing';

const tracer = initTracer({
  serviceName: 'inventory',
  sampler: { type: 'const', param: 0 },
  reporter: { logSpans: false },
});

serve(8081, (req) => {
  const parent = tracer.extract(FORMAT_HTTP_HEADERS, req.headers) ?? undefined;
  const span = tracer.startSpan('reserve', { childOf: parent, tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER } });
  span.finish();
  return 'reserved';
});

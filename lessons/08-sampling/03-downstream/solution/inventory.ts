import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';
import { serve } from 'tour/http';
import { initTracer } from 'tour/tracing';

// The inventory team samples everything: stock bugs are expensive.
const tracer = initTracer({
  serviceName: 'inventory',
  sampler: { type: 'const', param: 1 },
  reporter: { logSpans: false },
});

serve(8081, (req) => {
  // The caller's decision comes with its context: a child of an unsampled span is unsampled,
  // whatever this service's own sampler says — its sampler decides only for traces that start here.
  const parent = tracer.extract(FORMAT_HTTP_HEADERS, req.headers) ?? undefined;
  const span = tracer.startSpan('reserve', { childOf: parent, tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER } });
  span.setTag('order', req.query.order);
  span.finish();
  return 'reserved';
});

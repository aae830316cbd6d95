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
  const tags = { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER };
  // "Don't lose our spans when the shop did not sample": the flags are the last field of uber-trace-id.
  const callerSampled = (req.headers['uber-trace-id'] ?? '').endsWith(':1');
  const span = callerSampled
    ? tracer.startSpan('reserve', { childOf: tracer.extract(FORMAT_HTTP_HEADERS, req.headers) ?? undefined, tags })
    : tracer.startSpan('reserve', { tags });
  span.setTag('order', req.query.order);
  span.finish();
  return 'reserved';
});

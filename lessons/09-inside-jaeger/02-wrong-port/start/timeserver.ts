import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';
import { serve } from 'tour/http';
import { initTracer } from 'tour/tracing';

const tracer = initTracer({
  serviceName: 'timeserver',
  sampler: { type: 'const', param: 1 },
  reporter: { agentHost: 'jaeger-agent', agentPort: 6382 },
});

serve(8000, (req) => {
  const parent = tracer.extract(FORMAT_HTTP_HEADERS, req.headers) ?? undefined;
  const span = tracer.startSpan('GET /gettime', { childOf: parent, tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER } });
  const now = new Date().toISOString();
  span.finish();
  return now;
});

import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';
import { serve } from 'tour/http';
import { initTracer } from 'tour/tracing';

// No sampling decision in the code: the remote sampler asks the agent (jaeger-agent:5778/sampling)
// what to do, and uses probabilistic 0.001 until the first answer arrives.
const tracer = initTracer({
  serviceName: 'frontend',
  sampler: { type: 'remote', param: 0.001, refreshIntervalMs: 60_000 },
  reporter: { logSpans: false },
});

serve(8080, (req) => {
  const parent = tracer.extract(FORMAT_HTTP_HEADERS, req.headers) ?? undefined;
  const span = tracer.startSpan(`${req.method} ${req.path}`, {
    childOf: parent,
    tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER, [Tags.HTTP_METHOD]: req.method, [Tags.HTTP_URL]: req.url },
  });
  span.finish();
  return req.path === '/health' ? 'ok' : `done: ${req.method} ${req.path}`;
});

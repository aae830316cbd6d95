import { FORMAT_HTTP_HEADERS, Tags, followsFrom, type Span } from 'opentracing';
import { serve } from 'tour/http';
import { sleep } from 'tour/time';
import { initTracer } from 'tour/tracing';

// OpenTracing code on the jaeger-style tracer. TODO: keep every OpenTracing call below, but run
// it on the OpenTelemetry SDK: install a TracerShim as the global tracer and use globalTracer().
const tracer = initTracer({
  serviceName: 'worker',
  sampler: { type: 'const', param: 1 },
  propagation: 'w3c',
});

const done = new Set<string>();

// the report is built after the answer went out: it follows from the request, it is not part of it
async function buildReport(received: Span, id: string): Promise<void> {
  await sleep(20);
  const span = tracer.startSpan('build-report', { references: [followsFrom(received.context())] });
  span.setTag('job.id', id);
  await sleep(30);
  span.log({ event: 'report-ready', rows: 42 });
  span.finish();
  done.add(id);
}

// GET /status?id=… → done | pending (not traced)
// GET /jobs?id=… → 202 queued
serve(8082, (req) => {
  if (req.path === '/status') return done.has(req.query.id) ? 'done' : 'pending';
  const parent = tracer.extract(FORMAT_HTTP_HEADERS, req.headers) ?? undefined;
  const span = tracer.startSpan('receive-job', {
    childOf: parent,
    tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER, 'job.id': req.query.id },
  });
  void buildReport(span, req.query.id);
  span.finish();
  return { status: 202, body: 'queued' };
});

import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';
import { fetch, serve, type Middleware } from 'tour/http';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('edge');

// The shop's front door: every order's trace starts here (callers outside are not traced).
const traced: Middleware = (handler) => async (req) => {
  const span = tracer.startSpan(`HTTP ${req.method} ${req.route}`, {
    tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER, [Tags.HTTP_METHOD]: req.method, [Tags.HTTP_URL]: req.url },
  });
  using scope = tracer.activateSpan(span);
  try {
    return await handler(req);
  } finally {
    span.finish();
  }
};

serve(8080, {
  'POST /orders': async (req) => {
    const span = tracer.activeSpan!;
    // Only the edge sees the test runner's header; baggage tells every service behind it.
    const testRun = req.headers['x-test-run'];
    if (testRun) span.setBaggageItem('test-run', testRun);

    const headers: Record<string, string> = { 'content-type': 'application/json' };
    tracer.inject(span.context(), FORMAT_HTTP_HEADERS, headers);
    const res = await fetch('http://orders:8081/orders', { method: 'POST', headers, body: req.body });
    return { status: res.status, body: await res.text() };
  },
}, traced);

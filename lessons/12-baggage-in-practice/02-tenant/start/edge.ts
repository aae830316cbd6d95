import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';
import { fetch, serve, type Middleware } from 'tour/http';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('edge');

// API key → tenant. The key is a secret and stays here; the tenant's name is what others may know.
const TENANTS: Record<string, string> = { 'key-7d1c': 'acme', 'key-93fa': 'globex' };

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
    const testRun = req.headers['x-test-run'];
    if (testRun) span.setBaggageItem('test-run', testRun);
    const tenant = TENANTS[req.headers['x-api-key'] ?? ''];
    if (tenant === undefined) return { status: 401, body: 'unknown API key' };
    // every service behind the edge needs to know whose order this is

    const headers: Record<string, string> = { 'content-type': 'application/json' };
    tracer.inject(span.context(), FORMAT_HTTP_HEADERS, headers);
    const res = await fetch('http://orders:8081/orders', { method: 'POST', headers, body: req.body });
    return { status: res.status, body: await res.text() };
  },
}, traced);

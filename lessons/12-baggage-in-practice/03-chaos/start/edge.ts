import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';
import { fetch, serve, type Middleware } from 'tour/http';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('edge');

// API key → who is calling. Staff keys belong to the company's own tools.
const CALLERS: Record<string, { tenant: string; staff: boolean }> = {
  'key-7d1c': { tenant: 'acme', staff: false },
  'key-93fa': { tenant: 'globex', staff: false },
  'key-qa51': { tenant: 'qa', staff: true },
};

const traced: Middleware = (handler) => async (req) => {
  // our QA tool sends its chaos experiments as baggage, so the edge continues the caller's context
  const parent = tracer.extract(FORMAT_HTTP_HEADERS, req.headers) ?? undefined;
  const span = tracer.startSpan(`HTTP ${req.method} ${req.route}`, {
    childOf: parent,
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
    const caller = CALLERS[req.headers['x-api-key'] ?? ''];
    if (caller === undefined) return { status: 401, body: 'unknown API key' };
    span.setBaggageItem('tenant', caller.tenant);

    const headers: Record<string, string> = { 'content-type': 'application/json' };
    tracer.inject(span.context(), FORMAT_HTTP_HEADERS, headers);
    const res = await fetch('http://orders:8081/orders', { method: 'POST', headers, body: req.body });
    return { status: res.status, body: await res.text() };
  },
}, traced);

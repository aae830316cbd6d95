import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';
import { fetch, serve, type Middleware } from 'tour/http';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('orders');

// Continues the caller's trace for every request, as in chapter 6.
const traced: Middleware = (handler) => async (req) => {
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

// Knows nothing about tests, tenants or chaos: it checks the order and hands it to the ledger.
serve(8081, {
  'POST /orders': async (req) => {
    const order = req.json() as { id: number; item: string; qty: number };
    if (!(order.qty > 0)) return { status: 400, body: 'qty must be positive' };
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    tracer.inject(tracer.activeSpan!.context(), FORMAT_HTTP_HEADERS, headers);
    const res = await fetch('http://ledger:8082/entries', { method: 'POST', headers, body: order });
    return { status: res.status, body: await res.text() };
  },
}, traced);

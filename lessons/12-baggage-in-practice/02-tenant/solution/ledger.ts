import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';
import { serve, type Middleware } from 'tour/http';
import { createClient } from 'tour/redis';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('ledger');
const redis = createClient({ url: 'redis://redis:6379' });
const connected = redis.connect();

/** tenant → orders booked, for the metrics endpoint */
const booked = new Map<string, number>();

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

serve(8082, {
  'POST /entries': async (req) => {
    const span = tracer.activeSpan!;
    const order = req.json() as { id: number; item: string; qty: number };
    const prefix = span.getBaggageItem('test-run') ? 'test:' : '';
    await connected;
    await redis.set(`${prefix}order:${order.id}`, JSON.stringify(order));

    // one dimension, three uses: a metric label, a log field, a tag to search traces by
    const tenant = span.getBaggageItem('tenant') ?? 'unknown';
    booked.set(tenant, (booked.get(tenant) ?? 0) + 1);
    console.log(`tenant=${tenant} booked order ${order.id}`);
    span.setTag('tenant', tenant);
    return { status: 201, body: 'booked' };
  },
}, traced);

// Prometheus's text format, on a port of its own so scrapes are not traced.
serve(9090, {
  'GET /metrics': () => [...booked].map(([tenant, n]) => `ledger_orders_total{tenant="${tenant}"} ${n}`).join('\n'),
});

import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';
import { serve, type Middleware } from 'tour/http';
import { createClient } from 'tour/redis';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('ledger');
const redis = createClient({ url: 'redis://redis:6379' });
const connected = redis.connect();

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

// Two services below the edge: the books every report and invoice is made from.
serve(8082, {
  'POST /entries': async (req) => {
    const span = tracer.activeSpan!;
    // an order from a test run must not land among the real ones
    const order = req.json() as { id: number; item: string; qty: number };
    await connected;
    await redis.set(`order:${order.id}`, JSON.stringify(order));
    return { status: 201, body: 'booked' };
  },
}, traced);

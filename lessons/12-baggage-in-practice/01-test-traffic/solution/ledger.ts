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
    const order = req.json() as { id: number; item: string; qty: number };
    // Test orders go to their own keys, so no report ever counts them and they are easy to clean up.
    const prefix = span.getBaggageItem('test-run') ? 'test:' : '';
    await connected;
    await redis.set(`${prefix}order:${order.id}`, JSON.stringify(order));
    return { status: 201, body: 'booked' };
  },
}, traced);

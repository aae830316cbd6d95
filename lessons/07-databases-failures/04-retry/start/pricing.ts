import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';
import { serve } from 'tour/http';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('pricing');

const prices = new Map([
  ['moby-dick', '12.50'],
  ['dracula', '9.90'],
]);
// The price list loads in the background after a restart: the first request finds it still empty.
let loaded = false;

// GET /price?book=moby-dick → "12.50" (503 while the price list is still loading)
serve(8081, (req) => {
  const parent = tracer.extract(FORMAT_HTTP_HEADERS, req.headers) ?? undefined;
  const span = tracer.startSpan('price', {
    childOf: parent,
    tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER },
  });
  try {
    if (!loaded) {
      loaded = true;
      span.setTag(Tags.ERROR, true);
      span.log({ event: 'error', message: 'price list still loading' });
      return { status: 503, body: 'price list still loading, try again' };
    }
    const price = prices.get(req.query.book);
    if (price === undefined) return { status: 404, body: 'no such book' };
    return price;
  } finally {
    span.finish();
  }
});

// The stock service: reserves an item for a checkout.
import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';
import { serve } from 'tour/http';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('stock');

// GET /reserve?item=kettle → "kettle reserved"
serve(8081, (req) => {
  const parent = tracer.extract(FORMAT_HTTP_HEADERS, req.headers) ?? undefined;
  const span = tracer.startSpan('reserve', {
    childOf: parent,
    tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER, item: String(req.query.item) },
  });
  span.finish();
  return `${req.query.item} reserved`;
});

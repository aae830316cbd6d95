// The billing service: charges a card. It runs on its own virtual machine (see lib/vm-clock.ts).
import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';
import { serve } from 'tour/http';
import { initTracer } from 'tour/tracing';
import { vmClock } from './lib/vm-clock';

// A tracer stamps its spans with its host's clock: here, the billing VM's.
const tracer = initTracer('billing', { now: vmClock });

// GET /charge?cents=3900 → "charged 39.00"
serve(8082, (req) => {
  const parent = tracer.extract(FORMAT_HTTP_HEADERS, req.headers) ?? undefined;
  const span = tracer.startSpan('charge', {
    childOf: parent,
    tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER, cents: Number(req.query.cents) },
  });
  span.finish();
  return `charged ${(Number(req.query.cents) / 100).toFixed(2)}`;
});

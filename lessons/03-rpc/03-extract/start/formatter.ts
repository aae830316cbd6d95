import { serve } from 'tour/http';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('formatter');

// GET /format?helloTo=Bryan → "Hello, Bryan!"
serve(8081, (req) => {
  // TODO: extract the caller's context from req.headers and start the span as its child, with span.kind=server
  const span = tracer.startSpan('format');
  const helloStr = `Hello, ${req.query.helloTo}!`;
  span.log({ event: 'string-format', value: helloStr });
  span.finish();
  return helloStr;
});

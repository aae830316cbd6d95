import { serve } from 'tour/http';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('formatter');

// GET /format?helloTo=Bryan → "Hello, Bryan!"
serve(8081, (req) => {
  const span = tracer.startSpan('format');
  const helloStr = `Hello, ${req.query.helloTo}!`;
  span.log({ event: 'string-format', value: helloStr });
  span.finish();
  return helloStr;
});

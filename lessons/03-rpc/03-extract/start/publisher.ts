import { serve } from 'tour/http';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('publisher');

// GET /publish?helloStr=Hello%2C%20Bryan! → prints it, answers "published"
serve(8082, (req) => {
  // TODO: the same here: extract, then start 'publish' as a server span under the caller's span
  const span = tracer.startSpan('publish');
  console.log(req.query.helloStr);
  span.finish();
  return 'published';
});

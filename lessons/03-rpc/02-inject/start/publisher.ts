import { serve } from 'tour/http';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('publisher');

// GET /publish?helloStr=Hello%2C%20Bryan! → prints it, answers "published"
serve(8082, (req) => {
  const span = tracer.startSpan('publish');
  console.log(req.query.helloStr);
  span.finish();
  return 'published';
});

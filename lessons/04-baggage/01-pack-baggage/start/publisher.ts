import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';
import { serve } from 'tour/http';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('publisher');

// GET /publish?helloStr=Hello%2C%20Bryan! → prints it, answers "published"
serve(8082, (req) => {
  const parent = tracer.extract(FORMAT_HTTP_HEADERS, req.headers) ?? undefined;
  const span = tracer.startSpan('publish', {
    childOf: parent,
    tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER },
  });
  console.log(req.query.helloStr);
  span.finish();
  return 'published';
});

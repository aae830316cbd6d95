import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';
import { serve } from 'tour/http';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('publisher');

// The publisher drives an old line printer that has printable ASCII and nothing else.
function print(line: string): void {
  const missing = /[^\x20-\x7E]/.exec(line);
  if (missing) throw new Error(`the printer has no "${missing[0]}"`);
  console.log(line);
}

// GET /publish?helloStr=Hello%2C%20Bryan! → prints it, answers "published" (500 if it cannot)
serve(8082, (req) => {
  const parent = tracer.extract(FORMAT_HTTP_HEADERS, req.headers) ?? undefined;
  const span = tracer.startSpan('publish', {
    childOf: parent,
    tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER },
  });
  try {
    print(req.query.helloStr);
    return 'published';
  } catch (err) {
    // TODO: mark this span as failed, and log what went wrong
    return { status: 500, body: err.message };
  } finally {
    span.finish();
  }
});

// What /playground opens with: chapter 3's three services, traced end to end.

const hello = `import { initTracer } from 'tour/tracing';
import { FORMAT_HTTP_HEADERS, Tags, type Span } from 'opentracing';
import { fetch } from 'tour/http';
import { argv } from 'tour/process';

const tracer = initTracer('hello');

async function get(url: string, parent: Span, operation: string): Promise<string> {
  const span = tracer.startSpan(operation, { childOf: parent });
  span.setTag(Tags.SPAN_KIND, Tags.SPAN_KIND_RPC_CLIENT);
  span.setTag(Tags.HTTP_METHOD, 'GET');
  span.setTag(Tags.HTTP_URL, url);
  const headers: Record<string, string> = {};
  tracer.inject(span.context(), FORMAT_HTTP_HEADERS, headers);
  try {
    const res = await fetch(url, { headers });
    span.setTag(Tags.HTTP_STATUS_CODE, res.status);
    if (!res.ok) throw new Error(\`\${url} answered \${res.status}\`);
    return await res.text();
  } catch (err) {
    // a failed call shows as an error span (try Network conditions above)
    span.setTag(Tags.ERROR, true);
    span.log({ event: 'error', message: String(err) });
    throw err;
  } finally {
    span.finish();
  }
}

export async function main() {
  const helloTo = argv[2] ?? 'Bryan';
  const span = tracer.startSpan('say-hello');
  span.setTag('hello-to', helloTo);
  try {
    const helloStr = await get(\`http://formatter:8081/format?helloTo=\${encodeURIComponent(helloTo)}\`, span, 'formatString');
    await get(\`http://publisher:8082/publish?helloStr=\${encodeURIComponent(helloStr)}\`, span, 'printHello');
  } catch (err) {
    span.setTag(Tags.ERROR, true);
    throw err;
  } finally {
    span.finish();
  }
}
`;

const formatter = `import { serve } from 'tour/http';
import { initTracer } from 'tour/tracing';
import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';

const tracer = initTracer('formatter');

serve(8081, (req) => {
  const parent = tracer.extract(FORMAT_HTTP_HEADERS, req.headers);
  const span = tracer.startSpan('format', { childOf: parent, tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER } });
  const helloStr = \`Hello, \${req.query.helloTo}!\`;
  span.log({ event: 'string-format', value: helloStr });
  span.finish();
  return helloStr;
});
`;

const publisher = `import { serve } from 'tour/http';
import { initTracer } from 'tour/tracing';
import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';

const tracer = initTracer('publisher');

serve(8082, (req) => {
  const parent = tracer.extract(FORMAT_HTTP_HEADERS, req.headers);
  const span = tracer.startSpan('publish', { childOf: parent, tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER } });
  console.log(req.query.helloStr);
  span.finish();
  return 'published';
});
`;

export const EXAMPLE_FILES: Record<string, string> = {
	'hello.ts': hello,
	'formatter.ts': formatter,
	'publisher.ts': publisher
};

export const EXAMPLE_ARGS = 'Bryan';

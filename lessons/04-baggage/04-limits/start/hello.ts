import { FORMAT_HTTP_HEADERS, Tags, type Span } from 'opentracing';
import { fetch } from 'tour/http';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('hello-world');

async function httpGet(span: Span, url: string): Promise<string> {
  span.setTag(Tags.SPAN_KIND, Tags.SPAN_KIND_RPC_CLIENT);
  span.setTag(Tags.HTTP_METHOD, 'GET');
  span.setTag(Tags.HTTP_URL, url);
  const headers: Record<string, string> = {};
  tracer.inject(span.context(), FORMAT_HTTP_HEADERS, headers);
  const res = await fetch(url, { headers });
  return res.text();
}

export async function main(): Promise<void> {
  const helloTo = process.argv[2];
  const span = tracer.startSpan('say-hello');
  using scope = tracer.activateSpan(span);

  // An oversized item: 3,000 characters, past the 2,048 a value may have.
  span.setBaggageItem('greeting', 'Bonjour'.padEnd(3000, '!'));
  // A key with an underscore and capitals: stored as 'test-traffic'.
  span.setBaggageItem('Test_Traffic', 'true');

  const child = tracer.startSpan('formatString');
  const helloStr = await httpGet(child, `http://formatter:8081/format?helloTo=${encodeURIComponent(helloTo)}`);
  child.finish();
  console.log(`the formatter answered ${helloStr.length} characters`);
  span.finish();
}

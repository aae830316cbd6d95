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
  // TODO: tag the status of the answer; a 500 is still an answer, so treat it as a failure yourself
  const res = await fetch(url, { headers });
  return res.text();
}

async function formatString(helloTo: string): Promise<string> {
  const span = tracer.startSpan('formatString');
  const helloStr = await httpGet(span, `http://formatter:8081/format?helloTo=${encodeURIComponent(helloTo)}`);
  span.log({ event: 'string-format', value: helloStr });
  span.finish();
  return helloStr;
}

async function printHello(helloStr: string): Promise<void> {
  const span = tracer.startSpan('printHello');
  await httpGet(span, `http://publisher:8082/publish?helloStr=${encodeURIComponent(helloStr)}`);
  span.log({ event: 'println' });
  span.finish();
}

export async function main(): Promise<void> {
  const helloTo = process.argv[2];
  const span = tracer.startSpan('say-hello');
  using scope = tracer.activateSpan(span);
  span.setTag('hello-to', helloTo);
  try {
    const helloStr = await formatString(helloTo);
    await printHello(helloStr);
  } catch (err) {
    console.error(`could not greet ${helloTo}: ${err.message}`);
  } finally {
    span.finish();
  }
}

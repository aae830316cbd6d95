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
  const greeting = process.argv[3] ?? 'Hello';
  const span = tracer.startSpan('say-hello');
  using scope = tracer.activateSpan(span);
  span.setTag('hello-to', helloTo);
  span.setBaggageItem('greeting', greeting);
  const helloStr = await formatString(helloTo);
  await printHello(helloStr);
  span.finish();

  // An older caller that knows nothing about greetings: no tracing headers, so no baggage either.
  const res = await fetch(`http://formatter:8081/format?helloTo=${encodeURIComponent(helloTo)}`);
  console.log(`without baggage: ${await res.text()}`);
}

import { fetch } from 'tour/http';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('hello-world');

// TODO: for each request, tag the client span (span.kind=client, http.method, http.url) and inject
// its context into the headers the request carries

async function formatString(helloTo: string): Promise<string> {
  const span = tracer.startSpan('formatString');
  const res = await fetch(`http://formatter:8081/format?helloTo=${encodeURIComponent(helloTo)}`);
  const helloStr = await res.text();
  span.log({ event: 'string-format', value: helloStr });
  span.finish();
  return helloStr;
}

async function printHello(helloStr: string): Promise<void> {
  const span = tracer.startSpan('printHello');
  await fetch(`http://publisher:8082/publish?helloStr=${encodeURIComponent(helloStr)}`);
  span.log({ event: 'println' });
  span.finish();
}

export async function main(): Promise<void> {
  const helloTo = process.argv[2];
  const span = tracer.startSpan('say-hello');
  using scope = tracer.activateSpan(span);
  span.setTag('hello-to', helloTo);
  const helloStr = await formatString(helloTo);
  await printHello(helloStr);
  span.finish();
}

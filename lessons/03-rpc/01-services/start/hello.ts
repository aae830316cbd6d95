import { fetch } from 'tour/http';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('hello-world');

async function formatString(helloTo: string): Promise<string> {
  const span = tracer.startSpan('formatString');
  // TODO: ask the formatter instead: GET http://formatter:8081/format?helloTo=<name>
  const helloStr = `Hello, ${helloTo}!`;
  span.log({ event: 'string-format', value: helloStr });
  span.finish();
  return helloStr;
}

async function printHello(helloStr: string): Promise<void> {
  const span = tracer.startSpan('printHello');
  // TODO: let the publisher print it: GET http://publisher:8082/publish?helloStr=<greeting>
  console.log(helloStr);
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

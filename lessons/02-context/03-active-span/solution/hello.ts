import { initTracer } from 'tour/tracing';

const tracer = initTracer('hello-world');

// These functions do not take a span any more: they start theirs with the active span as parent.
function formatString(helloTo: string): string {
  const span = tracer.startSpan('formatString');
  const helloStr = `Hello, ${helloTo}!`;
  span.log({ event: 'string-format', value: helloStr });
  span.finish();
  return helloStr;
}

function printHello(helloStr: string): void {
  const span = tracer.startSpan('printHello');
  console.log(helloStr);
  span.log({ event: 'println' });
  span.finish();
}

function sayHello(helloTo: string): void {
  const span = tracer.startSpan('say-hello');
  using scope = tracer.activateSpan(span);
  span.setTag('hello-to', helloTo);
  const helloStr = formatString(helloTo);
  printHello(helloStr);
  span.finish();
}

sayHello(process.argv[2]);

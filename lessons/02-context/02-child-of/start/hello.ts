import { initTracer } from 'tour/tracing';

const tracer = initTracer('hello-world');

// TODO: give formatString and printHello the say-hello span, and start their spans with { childOf: it }

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

const helloTo = process.argv[2];
const span = tracer.startSpan('say-hello');
span.setTag('hello-to', helloTo);
const helloStr = formatString(helloTo);
printHello(helloStr);
span.finish();

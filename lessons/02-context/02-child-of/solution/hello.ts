import type { Span } from 'opentracing';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('hello-world');

function formatString(rootSpan: Span, helloTo: string): string {
  const span = tracer.startSpan('formatString', { childOf: rootSpan });
  const helloStr = `Hello, ${helloTo}!`;
  span.log({ event: 'string-format', value: helloStr });
  span.finish();
  return helloStr;
}

function printHello(rootSpan: Span, helloStr: string): void {
  const span = tracer.startSpan('printHello', { childOf: rootSpan });
  console.log(helloStr);
  span.log({ event: 'println' });
  span.finish();
}

const helloTo = process.argv[2];
const span = tracer.startSpan('say-hello');
span.setTag('hello-to', helloTo);
const helloStr = formatString(span, helloTo);
printHello(span, helloStr);
span.finish();

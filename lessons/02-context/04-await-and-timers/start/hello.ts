import { initTracer } from 'tour/tracing';
import { sleep } from 'tour/time';

const tracer = initTracer('hello-world');

// TODO: formatting now needs a slow lookup first — wait 30 ms with `await sleep(30)` before the span
// starts — so formatString becomes async
function formatString(helloTo: string): string {
  const span = tracer.startSpan('formatString');
  const helloStr = `Hello, ${helloTo}!`;
  span.log({ event: 'string-format', value: helloStr });
  span.finish();
  return helloStr;
}

// TODO: print from a timer: run this body in setTimeout(…, 10) and return a promise that settles after it
function printHello(helloStr: string): void {
  const span = tracer.startSpan('printHello');
  console.log(helloStr);
  span.log({ event: 'println' });
  span.finish();
}

// TODO: make this `export async function main()` and await both calls before finishing say-hello
function sayHello(helloTo: string): void {
  const span = tracer.startSpan('say-hello');
  using scope = tracer.activateSpan(span);
  span.setTag('hello-to', helloTo);
  const helloStr = formatString(helloTo);
  printHello(helloStr);
  span.finish();
}

sayHello(process.argv[2]);

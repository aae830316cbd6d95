import { initTracer } from 'tour/tracing';
import { sleep } from 'tour/time';

const tracer = initTracer('hello-world');

async function formatString(helloTo: string): Promise<string> {
  await sleep(30); // a slow lookup
  const span = tracer.startSpan('formatString');
  const helloStr = `Hello, ${helloTo}!`;
  span.log({ event: 'string-format', value: helloStr });
  span.finish();
  return helloStr;
}

function printHello(helloStr: string): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(() => {
      const span = tracer.startSpan('printHello');
      console.log(helloStr);
      span.log({ event: 'println' });
      span.finish();
      resolve();
    }, 10);
  });
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

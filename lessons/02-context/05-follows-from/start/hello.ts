import type { Span } from 'opentracing';
import { initTracer } from 'tour/tracing';
import { sleep } from 'tour/time';

const tracer = initTracer('hello-world');

async function formatString(helloTo: string): Promise<string> {
  await sleep(30);
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

// Fire and forget: nobody waits for the cache, so it follows from say-hello rather than being part of it.
function cacheGreeting(cause: Span, helloTo: string, helloStr: string): void {
  setTimeout(() => {
    // TODO: this span starts a trace of its own: make it FollowsFrom `cause` (say-hello did not wait for it)
    const span = tracer.startSpan('cache-greeting');
    span.setTag('cache.key', helloTo);
    span.log({ event: 'cache-write', value: helloStr });
    span.finish();
  }, 20);
}

export async function main(): Promise<void> {
  const helloTo = process.argv[2];
  const span = tracer.startSpan('say-hello');
  using scope = tracer.activateSpan(span);
  span.setTag('hello-to', helloTo);
  const helloStr = await formatString(helloTo);
  printHello(helloStr);
  cacheGreeting(span, helloTo, helloStr);
  span.finish();
}

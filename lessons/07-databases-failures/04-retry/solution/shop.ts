import { FORMAT_HTTP_HEADERS, Tags, type Span } from 'opentracing';
import { fetch } from 'tour/http';
import { sleep } from 'tour/time';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('shop');

// One call to the pricing service, as its own span under `parent`. Finished whatever happens.
async function getPrice(parent: Span, book: string, attempt: number): Promise<string> {
  const url = `http://pricing:8081/price?book=${encodeURIComponent(book)}`;
  const span = tracer.startSpan('get-price', {
    childOf: parent,
    tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_CLIENT, [Tags.HTTP_METHOD]: 'GET', [Tags.HTTP_URL]: url, attempt },
  });
  try {
    const headers: Record<string, string> = {};
    tracer.inject(span.context(), FORMAT_HTTP_HEADERS, headers);
    const res = await fetch(url, { headers });
    span.setTag(Tags.HTTP_STATUS_CODE, res.status);
    const body = await res.text();
    if (!res.ok) throw new Error(`${res.status} ${res.statusText}: ${body}`);
    return body;
  } catch (err) {
    span.setTag(Tags.ERROR, true);
    span.log({ event: 'error', 'error.object': err, message: err.message, stack: err.stack });
    throw err;
  } finally {
    span.finish();
  }
}

// The retry lives with the caller: every attempt is a sibling under the same parent.
async function getPriceWithRetry(parent: Span, book: string, attempts = 3): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await getPrice(parent, book, attempt);
    } catch (err) {
      if (attempt >= attempts) throw err;
      parent.log({ event: 'retry', attempt: attempt + 1, message: err.message });
      // the pricing service is often just restarting: wait a moment and try again
      await sleep(50);
    }
  }
}

export async function main(): Promise<void> {
  const span = tracer.startSpan('quote');
  const book = 'moby-dick';
  span.setTag('book', book);
  try {
    const price = await getPriceWithRetry(span, book);
    console.log(`${book}: ${price}`);
  } catch (err) {
    console.error(`no price for ${book}: ${err.message}`);
  } finally {
    span.finish();
  }
}

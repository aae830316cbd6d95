import { FORMAT_HTTP_HEADERS, Tags, type Span } from 'opentracing';
import { fetch } from 'tour/http';
import { sleep } from 'tour/time';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('shop');

// One call to the pricing service, as its own span under `parent`. Tries again if it fails.
async function getPrice(parent: Span, book: string, attemptsLeft = 3): Promise<string> {
  const url = `http://pricing:8081/price?book=${encodeURIComponent(book)}`;
  const span = tracer.startSpan('get-price', {
    childOf: parent,
    tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_CLIENT, [Tags.HTTP_METHOD]: 'GET', [Tags.HTTP_URL]: url },
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
    if (attemptsLeft <= 1) throw err;
    // the pricing service is often just restarting: wait a moment and try again
    await sleep(50);
    return await getPrice(span, book, attemptsLeft - 1);
  } finally {
    span.finish();
  }
}

export async function main(): Promise<void> {
  const span = tracer.startSpan('quote');
  const book = 'moby-dick';
  span.setTag('book', book);
  try {
    const price = await getPrice(span, book);
    console.log(`${book}: ${price}`);
  } catch (err) {
    console.error(`no price for ${book}: ${err.message}`);
  } finally {
    span.finish();
  }
}

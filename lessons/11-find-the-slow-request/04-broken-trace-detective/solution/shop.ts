// The shop: three checkouts, each reserving the item in stock and charging the card.
import { FORMAT_HTTP_HEADERS, Tags, type Span } from 'opentracing';
import { fetch } from 'tour/http';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('shop');

const ORDERS = [
  { order: 'A-17', item: 'kettle', cents: 3900 },
  { order: 'A-18', item: 'teapot', cents: 2450 },
  { order: 'A-19', item: 'mugs', cents: 1800 },
];

function clientSpan(parent: Span, operation: string, url: string): Span {
  return tracer.startSpan(operation, {
    childOf: parent,
    tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_CLIENT, [Tags.HTTP_METHOD]: 'GET', [Tags.HTTP_URL]: url },
  });
}

async function reserveStock(parent: Span, item: string): Promise<string> {
  const url = `http://stock:8081/reserve?item=${item}`;
  const span = clientSpan(parent, 'reserve-stock', url);
  try {
    const headers: Record<string, string> = {};
    tracer.inject(span, FORMAT_HTTP_HEADERS, headers);
    const res = await fetch(url, { headers });
    return await res.text();
  } finally {
    span.finish();
  }
}

async function chargeCard(parent: Span, cents: number): Promise<string> {
  const url = `http://billing:8082/charge?cents=${cents}`;
  const span = clientSpan(parent, 'charge-card', url);
  try {
    const headers: Record<string, string> = {};
    tracer.inject(span, FORMAT_HTTP_HEADERS, headers);
    const res = await fetch(url, { headers });
    return await res.text();
  } finally {
    span.finish();
  }
}

export async function main(): Promise<void> {
  for (const { order, item, cents } of ORDERS) {
    const span = tracer.startSpan('checkout', { tags: { order } });
    const reserved = await reserveStock(span, item);
    const charged = await chargeCard(span, cents);
    console.log(`${order}: ${reserved}, ${charged}`);
    span.finish();
  }
}

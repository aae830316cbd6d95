import { Tags, type Span } from 'opentracing';
import { initTracer } from 'tour/tracing';

// The end-of-day batch: 800 orders at once, five spans each, reported over UDP to jaeger-agent:6831.
const tracer = initTracer({ serviceName: 'orders', sampler: { type: 'const', param: 1 } });

/** One step of an order; the real work (a database, a payment API) is left out. */
async function step(name: string, parent: Span, order: number): Promise<void> {
  const span = tracer.startSpan(name, { childOf: parent, tags: { order } });
  await Promise.resolve(order);
  span.finish();
}

async function processOrder(order: number): Promise<void> {
  const root = tracer.startSpan('process-order', { tags: { order, [Tags.COMPONENT]: 'batch' } });
  await step('validate', root, order);
  await step('reserve-stock', root, order);
  await step('charge', root, order);
  await step('ship', root, order);
  root.finish();
}

export async function main(): Promise<void> {
  const orders = Array.from({ length: 800 }, (_, i) => i + 1);
  await Promise.all(orders.map(processOrder));
  console.log(`${orders.length} orders processed`);
}

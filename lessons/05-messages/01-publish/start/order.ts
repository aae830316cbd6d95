import type { Span } from 'opentracing';
import { connect, type Channel } from 'tour/amqp';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('order');

// TODO: start publish-order as a producer span (span.kind=producer, message_bus.destination=orders)
// and inject its context into the headers the message carries
function publishOrder(ch: Channel, parent: Span, dish: string): void {
  const span = tracer.startSpan('publish-order', { childOf: parent });
  ch.sendToQueue('orders', JSON.stringify({ dish }));
  span.finish();
}

export async function main(): Promise<void> {
  const dish = process.argv[2] ?? 'ramen';
  const conn = await connect('amqp://rabbitmq:5672');
  const ch = await conn.createChannel();
  await ch.assertQueue('orders');

  const span = tracer.startSpan('place-order');
  span.setTag('dish', dish);
  publishOrder(ch, span, dish);
  span.finish();

  await ch.close();
  await conn.close();
}

import { FORMAT_TEXT_MAP, Tags, type Span } from 'opentracing';
import { connect, type Channel } from 'tour/amqp';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('order');

function publishOrder(ch: Channel, parent: Span, id: string, dish: string): void {
  const span = tracer.startSpan('publish-order', {
    childOf: parent,
    tags: {
      [Tags.SPAN_KIND]: Tags.SPAN_KIND_MESSAGING_PRODUCER,
      [Tags.MESSAGE_BUS_DESTINATION]: 'orders',
      'order.id': id,
    },
  });
  const headers: Record<string, string> = {};
  tracer.inject(span.context(), FORMAT_TEXT_MAP, headers);
  ch.sendToQueue('orders', JSON.stringify({ id, dish }), { headers });
  span.finish();
}

// Each customer's order is a request of its own: its own trace, its own message.
export async function main(): Promise<void> {
  const conn = await connect('amqp://rabbitmq:5672');
  const ch = await conn.createChannel();
  await ch.assertQueue('orders');

  const dishes = process.argv.slice(2);
  for (const [i, dish] of dishes.entries()) {
    const id = `A${i + 1}`;
    const span = tracer.startSpan('place-order', { tags: { 'order.id': id, dish } });
    publishOrder(ch, span, id, dish);
    span.finish();
  }

  await ch.close();
  await conn.close();
}

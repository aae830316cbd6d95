import { FORMAT_TEXT_MAP, Tags, type Span } from 'opentracing';
import { connect, type Channel } from 'tour/amqp';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('order');

// The producer side of a message: its own span, marked as such, and its context in the headers.
function publishOrder(ch: Channel, parent: Span, dish: string): void {
  const span = tracer.startSpan('publish-order', {
    childOf: parent,
    tags: {
      [Tags.SPAN_KIND]: Tags.SPAN_KIND_MESSAGING_PRODUCER,
      [Tags.MESSAGE_BUS_DESTINATION]: 'orders',
    },
  });
  const headers: Record<string, string> = {};
  tracer.inject(span.context(), FORMAT_TEXT_MAP, headers);
  ch.sendToQueue('orders', JSON.stringify({ dish }), { headers });
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

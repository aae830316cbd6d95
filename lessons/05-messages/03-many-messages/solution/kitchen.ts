import { FORMAT_TEXT_MAP, Tags, followsFrom } from 'opentracing';
import { connect } from 'tour/amqp';
import { initTracer } from 'tour/tracing';
import { sleep } from 'tour/time';

const tracer = initTracer('kitchen');

// One stove: the kitchen cooks one order at a time, the others wait in the queue.
async function listen(): Promise<void> {
  const conn = await connect('amqp://rabbitmq:5672');
  const ch = await conn.createChannel();
  await ch.assertQueue('orders');
  await ch.prefetch(1);
  await ch.consume('orders', async (msg) => {
    if (!msg) return;
    const order = JSON.parse(msg.content.toString()) as { id: string; dish: string };
    // every message brings its own context: extract it from this message, every time
    const parent = tracer.extract(FORMAT_TEXT_MAP, msg.properties.headers ?? {});
    const span = tracer.startSpan('cook-order', {
      references: parent ? [followsFrom(parent)] : [],
      tags: {
        [Tags.SPAN_KIND]: Tags.SPAN_KIND_MESSAGING_CONSUMER,
        [Tags.MESSAGE_BUS_DESTINATION]: 'orders',
        'order.id': order.id,
      },
    });
    await sleep(60); // cooking
    console.log(`${order.id}: ${order.dish} is ready`);
    span.finish();
    ch.ack(msg);
  });
}

void listen();

import { FORMAT_TEXT_MAP, Tags, followsFrom } from 'opentracing';
import { connect } from 'tour/amqp';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('kitchen');

// Takes orders off the queue, one by one, whenever they come.
async function listen(): Promise<void> {
  const conn = await connect('amqp://rabbitmq:5672');
  const ch = await conn.createChannel();
  await ch.assertQueue('orders');
  await ch.consume('orders', (msg) => {
    if (!msg) return;
    const order = JSON.parse(msg.content.toString()) as { dish: string };
    // order did not wait for the kitchen: the cooking follows from the publish, it is not part of it
    const parent = tracer.extract(FORMAT_TEXT_MAP, msg.properties.headers ?? {});
    const span = tracer.startSpan('cook-order', {
      references: parent ? [followsFrom(parent)] : [],
      tags: {
        [Tags.SPAN_KIND]: Tags.SPAN_KIND_MESSAGING_CONSUMER,
        [Tags.MESSAGE_BUS_DESTINATION]: 'orders',
      },
    });
    span.setTag('dish', order.dish);
    console.log(`cooking ${order.dish}`);
    span.finish();
    ch.ack(msg);
  });
}

void listen();

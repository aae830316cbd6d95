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
    const span = tracer.startSpan('cook-order');
    span.setTag('dish', order.dish);
    console.log(`cooking ${order.dish}`);
    span.finish();
    ch.ack(msg);
  });
}

void listen();

import { connect } from 'tour/amqp';
import { initTracer } from 'tour/tracing';
import { sleep } from 'tour/time';

const tracer = initTracer('kitchen');

// One stove: the kitchen should cook one order at a time, the others waiting in the queue.
// TODO: ch.prefetch(1) so the broker hands over one unacknowledged message at a time;
// for each message, cook-order follows from that message's own publish-order (span.kind=consumer)
// and carries the order's id as the tag order.id
async function listen(): Promise<void> {
  const conn = await connect('amqp://rabbitmq:5672');
  const ch = await conn.createChannel();
  await ch.assertQueue('orders');
  await ch.consume('orders', async (msg) => {
    if (!msg) return;
    const order = JSON.parse(msg.content.toString()) as { id: string; dish: string };
    const span = tracer.startSpan('cook-order');
    await sleep(60); // cooking
    console.log(`${order.id}: ${order.dish} is ready`);
    span.finish();
    ch.ack(msg);
  });
}

void listen();

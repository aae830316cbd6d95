// A playground example: an order goes through RabbitMQ from the shop to a worker, and the trace
// follows it in the message headers (as java-rabbitmq-client and go-amqp's amqptracer carry it).

const shop = `import { connect } from 'tour/amqp';
import { initTracer } from 'tour/tracing';
import { FORMAT_TEXT_MAP, Tags } from 'opentracing';
import { argv } from 'tour/process';

const tracer = initTracer('shop');

export async function main() {
  const item = argv[2] ?? 'coffee';
  const conn = await connect('amqp://rabbitmq:5672');
  const ch = await conn.createChannel();
  await ch.assertQueue('orders');

  const order = tracer.startSpan('place-order', { tags: { item } });
  // the producer's kind goes in at start: it may change how the span is recorded
  const send = tracer.startSpan('send orders', {
    childOf: order,
    tags: {
      [Tags.SPAN_KIND]: Tags.SPAN_KIND_MESSAGING_PRODUCER,
      [Tags.MESSAGE_BUS_DESTINATION]: 'orders',
      [Tags.PEER_SERVICE]: 'rabbitmq'
    }
  });
  const headers: Record<string, string> = {};
  tracer.inject(send.context(), FORMAT_TEXT_MAP, headers);
  ch.sendToQueue('orders', JSON.stringify({ item }), { headers, contentType: 'application/json' });
  send.finish();
  order.finish();
  // close() sends what is still queued first
  await conn.close();
}
`;

const worker = `import { connect } from 'tour/amqp';
import { initTracer } from 'tour/tracing';
import { FORMAT_TEXT_MAP, Tags, followsFrom } from 'opentracing';

const tracer = initTracer('worker');

export async function main() {
  const conn = await connect('amqp://rabbitmq:5672');
  const ch = await conn.createChannel();
  await ch.assertQueue('orders');
  await ch.prefetch(1);
  await ch.consume('orders', (msg) => {
    if (msg === null) return; // the queue was deleted
    // the producer does not wait for us: follows-from, not child-of
    const sent = tracer.extract(FORMAT_TEXT_MAP, msg.properties.headers);
    const span = tracer.startSpan('process orders', {
      references: sent ? [followsFrom(sent)] : [],
      tags: {
        [Tags.SPAN_KIND]: Tags.SPAN_KIND_MESSAGING_CONSUMER,
        [Tags.MESSAGE_BUS_DESTINATION]: 'orders'
      }
    });
    const order = JSON.parse(msg.content.toString());
    console.log('preparing', order.item);
    span.finish();
    ch.ack(msg);
  });
  // main returns; the open connection keeps taking orders until the run ends
}
`;

export const amqpExample = {
	title: 'An order through RabbitMQ (producer → consumer, follows-from)',
	files: { 'shop.ts': shop, 'worker.ts': worker } as Record<string, string>,
	args: 'shop espresso'
};

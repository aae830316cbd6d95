import { FORMAT_TEXT_MAP, Tags } from 'opentracing';
import { connect } from 'tour/amqp';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('order');

// Three orders, each published with its span's context in the message headers.
export async function main(): Promise<void> {
  const conn = await connect('amqp://rabbitmq:5672');
  const ch = await conn.createChannel();
  await ch.assertQueue('orders');
  for (const dish of ['ramen', 'gyoza', 'udon']) {
    const span = tracer.startSpan('publish-order', {
      tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_MESSAGING_PRODUCER, [Tags.MESSAGE_BUS_DESTINATION]: 'orders', dish },
    });
    const headers: Record<string, string> = {};
    tracer.inject(span.context(), FORMAT_TEXT_MAP, headers);
    ch.sendToQueue('orders', JSON.stringify({ dish }), { headers });
    span.finish();
  }
  await ch.close();
  await conn.close();
}

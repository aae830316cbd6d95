import { FORMAT_TEXT_MAP, Tags, followsFrom, type SpanContext } from 'opentracing';
import { connect } from 'tour/amqp';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('kitchen');

// The consumer library's part: every message gets a span of its own around the handler — and that
// span continues the producer's trace, so the job sees order → kitchen inside one trace.
async function handleMessage(headers: Record<string, string>, handler: (msg: SpanContext) => void): Promise<void> {
  const producer = tracer.extract(FORMAT_TEXT_MAP, headers);
  const span = tracer.startSpan('handle-message', {
    references: producer ? [followsFrom(producer)] : [],
    tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_MESSAGING_CONSUMER, [Tags.MESSAGE_BUS_DESTINATION]: 'orders' },
  });
  handler(span.context());
  span.finish();
}

async function listen(): Promise<void> {
  const conn = await connect('amqp://rabbitmq:5672');
  const ch = await conn.createChannel();
  await ch.assertQueue('orders');
  await ch.consume('orders', (msg) => {
    if (!msg) return;
    const headers = (msg.properties.headers ?? {}) as Record<string, string>;
    void handleMessage(headers, (handling) => {
      const { dish } = JSON.parse(msg.content.toString()) as { dish: string };
      // inside kitchen: a plain child of the message's span
      const span = tracer.startSpan('cook-order', { childOf: handling });
      span.setTag('dish', dish);
      span.finish();
    });
    ch.ack(msg);
  });
}

void listen();

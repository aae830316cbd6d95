import { FORMAT_TEXT_MAP, Tags, followsFrom, type Span } from 'opentracing';
import { connect } from 'tour/amqp';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('mailer');
// Customer 8 signed up in the shop, by phone: there is no address to write to.
const addresses = new Map([[7, 'ada@example.com']]);

function recordError(span: Span, err: Error): void {
  span.setTag(Tags.ERROR, true);
  span.log({ event: 'error', 'error.object': err, message: err.message, stack: err.stack });
}

export async function main(): Promise<void> {
  const connection = await connect('amqp://rabbitmq:5672');
  const channel = await connection.createChannel();
  await channel.assertQueue('emails');
  await channel.consume('emails', (msg) => {
    if (msg === null) return;
    const sent = tracer.extract(FORMAT_TEXT_MAP, msg.properties.headers);
    const span = tracer.startSpan('process emails', {
      references: sent ? [followsFrom(sent)] : [],
      tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_MESSAGING_CONSUMER, [Tags.MESSAGE_BUS_DESTINATION]: 'emails' },
    });
    try {
      const order = JSON.parse(msg.content.toString());
      const to = addresses.get(order.customer);
      if (!to) throw new Error(`no e-mail address for customer ${order.customer}`);
      console.log(`mail to ${to}: your order of ${order.books.join(', ')}`);
      channel.ack(msg);
    } catch (err) {
      recordError(span, err);
      // not requeued: it would only fail again, forever
      channel.nack(msg, false, false);
    } finally {
      span.finish();
    }
  });
}

// The mailer: sends a receipt for each order; the e-mail is rendered by the background worker.
import { sleep } from 'tour/time';
import { initTracer } from 'tour/tracing';
import { enqueue } from './lib/queue';

const tracer = initTracer('mailer');

async function sendReceipt(order: string): Promise<void> {
  const span = tracer.startSpan('send-receipt', { tags: { order } });
  using scope = tracer.activateSpan(span);
  await enqueue(async () => {
    // started with the active span as parent
    const render = tracer.startSpan('render-email', { tags: { order } });
    await sleep(5);
    render.finish();
  });
  span.finish();
}

export async function main(): Promise<void> {
  for (const order of ['A-17', 'A-18', 'A-19']) await sendReceipt(order);
}

import { FORMAT_TEXT_MAP, Tags, followsFrom } from 'opentracing';
import { createClient } from 'tour/redis';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('mailer');

interface ReceiptJob {
  id: string;
  email: string;
  trace?: Record<string, string>;
}

// A worker: wait for the next job (timeout 0 = for ever), do it, wait again.
async function work(): Promise<void> {
  const redis = createClient({ url: 'redis://redis:6379' });
  await redis.connect();
  while (true) {
    const next = await redis.brPop('receipts', 0);
    if (!next) continue;
    const job = JSON.parse(next.element) as ReceiptJob;
    const parent = tracer.extract(FORMAT_TEXT_MAP, job.trace ?? {});
    const span = tracer.startSpan('send-receipt', {
      references: parent ? [followsFrom(parent)] : [],
      tags: {
        [Tags.SPAN_KIND]: Tags.SPAN_KIND_MESSAGING_CONSUMER,
        [Tags.MESSAGE_BUS_DESTINATION]: 'receipts',
        'job.id': job.id,
      },
    });
    console.log(`receipt sent to ${job.email}`);
    span.finish();
  }
}

// a worker runs until its connection goes away; say so rather than fail silently
work().catch((err: Error) => console.error(`mailer stopped: ${err.message}`));

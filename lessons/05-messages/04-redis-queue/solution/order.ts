import { FORMAT_TEXT_MAP, Tags } from 'opentracing';
import { createClient } from 'tour/redis';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('order');

interface ReceiptJob {
  id: string;
  email: string;
  trace: Record<string, string>;
}

// Unique per job, even for two jobs in the same millisecond.
let jobs = 0;
const newJobId = () => `${Date.now().toString(36)}-${++jobs}-${Math.random().toString(36).slice(2, 8)}`;

export async function main(): Promise<void> {
  const redis = createClient({ url: 'redis://redis:6379' });
  await redis.connect();

  for (const email of process.argv.slice(2)) {
    const span = tracer.startSpan('place-order', { tags: { email } });
    const job: ReceiptJob = { id: newJobId(), email, trace: {} };
    const enqueue = tracer.startSpan('enqueue-receipt', {
      childOf: span,
      tags: {
        [Tags.SPAN_KIND]: Tags.SPAN_KIND_MESSAGING_PRODUCER,
        [Tags.MESSAGE_BUS_DESTINATION]: 'receipts',
        'job.id': job.id,
      },
    });
    // the context rides inside the job: Redis lists have no headers
    tracer.inject(enqueue.context(), FORMAT_TEXT_MAP, job.trace);
    await redis.lPush('receipts', JSON.stringify(job));
    enqueue.finish();
    span.finish();
  }

  await redis.quit();
}

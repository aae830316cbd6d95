import { FORMAT_TEXT_MAP, Tags, followsFrom, type SpanContext } from 'opentracing';
import { createClient } from 'tour/redis';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('mailer');
const redis = createClient({ url: 'redis://redis:6379' });

interface ReceiptJob {
  id: string;
  email: string;
}

// [context, null] when the job's context was found, [null, error] when not.
async function loadContext(jobId: string): Promise<[SpanContext | null, Error | null]> {
  const saved = await redis.get(`ctx:${jobId}`);
  if (!saved) return [null, new Error(`no trace context for job ${jobId}`)];
  return [tracer.extract(FORMAT_TEXT_MAP, JSON.parse(saved)), null];
}

async function sendReceipt(job: ReceiptJob): Promise<void> {
  const [parent, err] = await loadContext(job.id);
  if (!err) {
    return;
  }
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

async function work(): Promise<void> {
  await redis.connect();
  while (true) {
    const next = await redis.brPop('receipts', 0);
    if (next) await sendReceipt(JSON.parse(next.element) as ReceiptJob);
  }
}

// a worker runs until its connection goes away; say so rather than fail silently
work().catch((err: Error) => console.error(`mailer stopped: ${err.message}`));

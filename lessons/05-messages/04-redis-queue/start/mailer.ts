import { createClient } from 'tour/redis';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('mailer');

interface ReceiptJob {
  id: string;
  email: string;
}

// A worker: wait for the next job (timeout 0 = for ever), do it, wait again.
async function work(): Promise<void> {
  const redis = createClient({ url: 'redis://redis:6379' });
  await redis.connect();
  while (true) {
    const next = await redis.brPop('receipts', 0);
    if (!next) continue;
    const job = JSON.parse(next.element) as ReceiptJob;
    // TODO: extract the context the job carries; send-receipt is a consumer span that follows
    // from it, tagged job.id
    const span = tracer.startSpan('send-receipt');
    console.log(`receipt sent to ${job.email}`);
    span.finish();
  }
}

// a worker runs until its connection goes away; say so rather than fail silently
work().catch((err: Error) => console.error(`mailer stopped: ${err.message}`));

import { createClient } from 'tour/redis';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('order');

interface ReceiptJob {
  id: string;
  email: string;
}

// Unique per job, even for two jobs in the same millisecond.
let jobs = 0;
const newJobId = () => `${Date.now().toString(36)}-${++jobs}-${Math.random().toString(36).slice(2, 8)}`;

export async function main(): Promise<void> {
  const redis = createClient({ url: 'redis://redis:6379' });
  await redis.connect();

  for (const email of process.argv.slice(2)) {
    const span = tracer.startSpan('place-order', { tags: { email } });
    const job: ReceiptJob = { id: newJobId(), email };
    // TODO: an enqueue-receipt producer span (message_bus.destination=receipts, job.id) whose
    // context is injected with FORMAT_TEXT_MAP into the job before it is pushed
    await redis.lPush('receipts', JSON.stringify(job));
    span.finish();
  }

  await redis.quit();
}

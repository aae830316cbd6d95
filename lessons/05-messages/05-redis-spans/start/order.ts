import { FORMAT_TEXT_MAP, Tags, type Span } from 'opentracing';
import { createClient } from 'tour/redis';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('order');
const redis = createClient({ url: 'redis://redis:6379' });

interface ReceiptJob {
  id: string;
  email: string;
  trace: Record<string, string>;
}

let jobs = 0;
const newJobId = () => `${Date.now().toString(36)}-${++jobs}-${Math.random().toString(36).slice(2, 8)}`;

// TODO: a client span around every Redis command below (span.kind=client, db.type=redis,
// db.statement, peer.address=redis:6379): first by hand, then through one small wrapper
async function placeOrder(email: string): Promise<void> {
  const span = tracer.startSpan('place-order', { tags: { email } });
  const job: ReceiptJob = { id: newJobId(), email, trace: {} };
  await redis.incr('orders:count');
  await redis.set(`order:${job.id}`, email, { EX: 86400 });

  const enqueue = tracer.startSpan('enqueue-receipt', {
    childOf: span,
    tags: {
      [Tags.SPAN_KIND]: Tags.SPAN_KIND_MESSAGING_PRODUCER,
      [Tags.MESSAGE_BUS_DESTINATION]: 'receipts',
      'job.id': job.id,
    },
  });
  tracer.inject(enqueue.context(), FORMAT_TEXT_MAP, job.trace);
  await redis.lPush('receipts', JSON.stringify(job));
  enqueue.finish();
  span.finish();
}

export async function main(): Promise<void> {
  await redis.connect();
  for (const email of process.argv.slice(2)) await placeOrder(email);
  await redis.quit();
}

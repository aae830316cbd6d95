import { FORMAT_TEXT_MAP, Tags, type SpanContext } from 'opentracing';
import { createClient } from 'tour/redis';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('order');
const redis = createClient({ url: 'redis://redis:6379' });

// Unique per job, even for two jobs in the same second.
let jobs = 0;
const newJobId = () => `${Date.now().toString(36)}-${++jobs}-${Math.random().toString(36).slice(2, 8)}`;

// The job carries only its id; the trace context waits under its own key until a worker asks.
async function saveContext(jobId: string, ctx: SpanContext): Promise<void> {
  const carrier: Record<string, string> = {};
  tracer.inject(ctx, FORMAT_TEXT_MAP, carrier);
  await redis.set(`ctx:${jobId}`, JSON.stringify(carrier), { EX: 3600 });
}

async function placeOrder(email: string): Promise<void> {
  const span = tracer.startSpan('place-order', { tags: { email } });
  const jobId = newJobId();
  const enqueue = tracer.startSpan('enqueue-receipt', {
    childOf: span,
    tags: {
      [Tags.SPAN_KIND]: Tags.SPAN_KIND_MESSAGING_PRODUCER,
      [Tags.MESSAGE_BUS_DESTINATION]: 'receipts',
      'job.id': jobId,
    },
  });
  await saveContext(jobId, enqueue.context());
  await redis.lPush('receipts', JSON.stringify({ id: jobId, email }));
  enqueue.finish();
  span.finish();
}

export async function main(): Promise<void> {
  await redis.connect();
  for (const email of process.argv.slice(2)) await placeOrder(email);
  await redis.quit();
}

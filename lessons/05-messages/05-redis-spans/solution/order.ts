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

// Every Redis command goes through here: one client span each, the statement without its values.
async function traced<T>(parent: Span, command: string, key: string, send: () => Promise<T>): Promise<T> {
  const span = tracer.startSpan(command, {
    childOf: parent,
    tags: {
      [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_CLIENT,
      [Tags.DB_TYPE]: 'redis',
      [Tags.DB_STATEMENT]: `${command} ${key}`,
      [Tags.PEER_ADDRESS]: 'redis:6379',
    },
  });
  try {
    return await send();
  } catch (err) {
    span.setTag(Tags.ERROR, true);
    span.log({ event: 'error', message: String(err) });
    throw err;
  } finally {
    span.finish();
  }
}

async function placeOrder(email: string): Promise<void> {
  const span = tracer.startSpan('place-order', { tags: { email } });
  const job: ReceiptJob = { id: newJobId(), email, trace: {} };
  await traced(span, 'INCR', 'orders:count', () => redis.incr('orders:count'));
  await traced(span, 'SET', `order:${job.id}`, () => redis.set(`order:${job.id}`, email, { EX: 86400 }));

  const enqueue = tracer.startSpan('enqueue-receipt', {
    childOf: span,
    tags: {
      [Tags.SPAN_KIND]: Tags.SPAN_KIND_MESSAGING_PRODUCER,
      [Tags.MESSAGE_BUS_DESTINATION]: 'receipts',
      'job.id': job.id,
    },
  });
  tracer.inject(enqueue.context(), FORMAT_TEXT_MAP, job.trace);
  await traced(enqueue, 'LPUSH', 'receipts', () => redis.lPush('receipts', JSON.stringify(job)));
  enqueue.finish();
  span.finish();
}

export async function main(): Promise<void> {
  await redis.connect();
  for (const email of process.argv.slice(2)) await placeOrder(email);
  await redis.quit();
}

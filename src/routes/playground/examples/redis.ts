// A playground example: a job queue on a Redis list carrying the trace from a producer to a worker
// (seed 002's pattern — the span context injected as a text map and stored with the job).

const producer = `import { initTracer } from 'tour/tracing';
import { FORMAT_TEXT_MAP, Tags } from 'opentracing';
import { createClient } from 'tour/redis';
import { argv } from 'tour/process';

const tracer = initTracer('producer');

export async function main() {
  const redis = createClient({ url: 'redis://redis:6379' });
  redis.on('error', (err) => console.error('Redis Client Error', err));
  await redis.connect();

  // a counter in Redis gives every job its own id (a timestamp in seconds would collide)
  const jobId = \`job-\${await redis.incr('jobs:next-id')}\`;
  const span = tracer.startSpan('enqueue-job', {
    tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_MESSAGING_PRODUCER, 'job-id': jobId }
  });

  // the context travels inside the job itself: { 'uber-trace-id': '…' }
  const context: Record<string, string> = {};
  tracer.inject(span.context(), FORMAT_TEXT_MAP, context);
  const job = { id: jobId, image: argv[2] ?? 'cat.png', context };

  const queued = await redis.lPush('jobs', JSON.stringify(job));
  span.log({ event: 'enqueued', queue: 'jobs', length: queued });
  console.log(\`queued \${jobId}\`);
  span.finish();
  await redis.quit();
}
`;

const worker = `import { initTracer } from 'tour/tracing';
import { FORMAT_TEXT_MAP, Tags, followsFrom } from 'opentracing';
import { createClient } from 'tour/redis';

const tracer = initTracer('worker');
const redis = createClient({ url: 'redis://redis:6379' });

async function work() {
  await redis.connect();
  for (;;) {
    // timeout 0: wait as long as it takes for the next job
    const popped = await redis.brPop('jobs', 0);
    if (!popped) continue;
    const job = JSON.parse(popped.element);

    // the producer does not wait for the job: the worker's span follows from its span
    const producerContext = tracer.extract(FORMAT_TEXT_MAP, job.context);
    const span = tracer.startSpan('process-job', {
      references: producerContext ? [followsFrom(producerContext)] : [],
      tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_MESSAGING_CONSUMER, 'job-id': job.id }
    });
    console.log(\`resizing \${job.image} for \${job.id}\`);
    span.finish();
  }
}

work().catch((err) => console.error('worker stopped:', err));
`;

export const redisExample = {
	title: 'Redis job queue (producer → worker)',
	files: { 'producer.ts': producer, 'worker.ts': worker } as Record<string, string>,
	args: 'cat.png'
};

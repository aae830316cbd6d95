import { trace, context, propagation, SpanKind } from '@opentelemetry/api';
import { sleep } from 'tour/time';

const tracer = trace.getTracer('hello', '1.0.0');

// hands a report job to the worker, which answers 202 at once and does the work afterwards
export async function main(): Promise<void> {
  const id = process.argv[2];
  const url = `http://worker:8082/jobs?id=${encodeURIComponent(id)}`;
  const span = tracer.startSpan('send-job', {
    kind: SpanKind.CLIENT,
    attributes: { 'http.request.method': 'GET', 'url.full': url, 'job.id': id },
  });
  const headers: Record<string, string> = {};
  propagation.inject(trace.setSpan(context.active(), span), headers);
  const res = await fetch(url, { headers });
  span.setAttribute('http.response.status_code', res.status);
  console.log(`job ${id}: ${await res.text()}`);
  span.end();
  // not traced: wait until the report is ready
  for (let i = 0; i < 50; i++) {
    const status = await (await fetch(`http://worker:8082/status?id=${encodeURIComponent(id)}`)).text();
    if (status === 'done') return console.log(`job ${id}: done`);
    await sleep(20);
  }
}

import { fetch } from 'tour/http';
import { initTracer } from 'tour/tracing';

// jaeger-client's usual setup: UDP packets to the agent on 6831
const tracer = initTracer({
  serviceName: 'checkout',
  sampler: { type: 'const', param: 1 },
  reporter: { agentHost: 'jaeger-agent', agentPort: 6831 },
});

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export async function main(): Promise<void> {
  const span = tracer.startSpan('pay', { tags: { amount: 42 } });
  span.finish();
  const traceID = span.context().toTraceId();
  const spanID = span.context().toSpanId();
  console.log(`1. tracer: finished span ${spanID} of trace ${traceID}`);

  await tracer.close(); // the packet is sent; UDP never says whether anyone got it
  console.log('2. reporter: one UDP packet sent to jaeger-agent:6831');

  // The agent forwards on its own schedule: ask jaeger-query until the span is there.
  for (let attempt = 1; attempt <= 100; attempt++) {
    const res = await fetch(`http://jaeger-query:16686/api/traces/${traceID}`);
    if (res.ok) {
      const body = (await res.json()) as { data: { spans: { spanID: string; operationName: string }[] }[] };
      const found = body.data[0].spans.find((s) => s.spanID.endsWith(spanID));
      console.log(`3. jaeger-query: trace ${traceID} holds span ${found?.spanID} (${found?.operationName})`);
      return;
    }
    await sleep(10);
  }
  console.log('3. jaeger-query: the span never arrived');
}

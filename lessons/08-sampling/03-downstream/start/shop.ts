import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';
import { fetch } from 'tour/http';
import { initTracer } from 'tour/tracing';

// Half of the checkouts are traced: the decision is made here, at the root.
const tracer = initTracer({
  serviceName: 'shop',
  sampler: { type: 'probabilistic', param: 0.5 },
  reporter: { logSpans: false },
});

export async function main(): Promise<void> {
  for (let order = 1; order <= 16; order++) {
    const span = tracer.startSpan('checkout', { tags: { order } });
    const url = `http://inventory:8081/reserve?order=${order}`;
    const call = tracer.startSpan('reserve-stock', {
      childOf: span,
      tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_CLIENT, [Tags.HTTP_URL]: url },
    });
    const headers: Record<string, string> = {};
    tracer.inject(call.context(), FORMAT_HTTP_HEADERS, headers);
    await fetch(url, { headers });
    call.finish();
    span.finish();
  }
  console.log('16 checkouts done');
}

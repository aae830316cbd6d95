import { initTracer, type JaegerSpanContext } from 'tour/tracing';

// Three copies of the same checkout code; only the sampler differs.
const tracer = initTracer({
  serviceName: 'shop-probabilistic',
  sampler: { type: 'probabilistic', param: 0.1 },
  reporter: { logSpans: false },
});

export async function main(): Promise<void> {
  let sampled = 0;
  for (let order = 1; order <= 100; order++) {
    const span = tracer.startSpan('checkout', { tags: { order } });
    if ((span.context() as JaegerSpanContext).isSampled()) sampled++;
    span.finish();
  }
  console.log(`${sampled} of 100 checkouts sampled`);
}

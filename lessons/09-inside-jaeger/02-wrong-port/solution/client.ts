import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';
import { fetch } from 'tour/http';
import { initTracer } from 'tour/tracing';

// reports to jaeger-agent:6831, the default
const tracer = initTracer({ serviceName: 'client', sampler: { type: 'const', param: 1 } });

export async function main(): Promise<void> {
  const span = tracer.startSpan('client', { tags: { component: 'client' } });
  span.setTag(Tags.SPAN_KIND, Tags.SPAN_KIND_RPC_CLIENT);
  const headers: Record<string, string> = {};
  tracer.inject(span.context(), FORMAT_HTTP_HEADERS, headers);
  const res = await fetch('http://timeserver:8000/gettime', { headers });
  console.log('the time is', await res.text());
  span.finish();
}

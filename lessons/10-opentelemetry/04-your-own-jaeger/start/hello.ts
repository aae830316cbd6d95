// the previous step's finished code: hello on OpenTelemetry, formatter on the jaeger-style tracer, one trace
import { trace, context, propagation, SpanKind, SpanStatusCode } from '@opentelemetry/api';

const tracer = trace.getTracer('hello', '1.0.0');

export async function main(): Promise<void> {
  const helloTo = process.argv[2];
  const url = `http://formatter:8081/format?helloTo=${encodeURIComponent(helloTo)}`;
  const span = tracer.startSpan('format-string', {
    kind: SpanKind.CLIENT,
    attributes: { 'http.request.method': 'GET', 'url.full': url, 'hello.to': helloTo },
  });
  // the W3C propagator writes the context it is given: put the span into one first
  const headers: Record<string, string> = {};
  propagation.inject(trace.setSpan(context.active(), span), headers);
  const res = await fetch(url, { headers });
  const body = await res.text();
  span.setAttribute('http.response.status_code', res.status);
  if (res.ok) console.log(body);
  else span.setStatus({ code: SpanStatusCode.ERROR, message: body });
  span.end();
}

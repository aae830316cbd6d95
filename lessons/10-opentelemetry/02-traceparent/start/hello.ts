import { trace, context, propagation, SpanKind, SpanStatusCode } from '@opentelemetry/api';

const tracer = trace.getTracer('hello', '1.0.0');

export async function main(): Promise<void> {
  const helloTo = process.argv[2];
  const url = `http://formatter:8081/format?helloTo=${encodeURIComponent(helloTo)}`;
  const span = tracer.startSpan('format-string', {
    kind: SpanKind.CLIENT,
    attributes: { 'http.request.method': 'GET', 'url.full': url, 'hello.to': helloTo },
  });
  // TODO: inject the span's context into headers with propagation.inject, and send them
  const res = await fetch(url);
  const body = await res.text();
  span.setAttribute('http.response.status_code', res.status);
  if (res.ok) console.log(body);
  else span.setStatus({ code: SpanStatusCode.ERROR, message: body });
  span.end();
}

import { trace, SpanKind, SpanStatusCode } from '@opentelemetry/api';

// The OpenTelemetry SDK is already set up for this service (service.name "hello", OTLP export):
// the API only has to be asked for a tracer.
const tracer = trace.getTracer('hello', '1.0.0');

export async function main(): Promise<void> {
  for (const helloTo of process.argv.slice(2)) {
    const url = `http://formatter:8081/format?helloTo=${encodeURIComponent(helloTo)}`;
    const span = tracer.startSpan('format-string', {
      kind: SpanKind.CLIENT,
      attributes: { 'http.request.method': 'GET', 'url.full': url, 'hello.to': helloTo },
    });
    const res = await fetch(url);
    const body = await res.text();
    span.setAttribute('http.response.status_code', res.status);
    if (res.ok) {
      span.addEvent('string-format', { value: body });
      console.log(body);
    } else {
      span.setStatus({ code: SpanStatusCode.ERROR, message: body });
    }
    span.end();
  }
}

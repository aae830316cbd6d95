import { trace, SpanKind, SpanStatusCode } from '@opentelemetry/api';

// The OpenTelemetry SDK is already set up for this service (service.name "hello", OTLP export):
// the API only has to be asked for a tracer.
const tracer = trace.getTracer('hello', '1.0.0');

export async function main(): Promise<void> {
  for (const helloTo of process.argv.slice(2)) {
    const url = `http://formatter:8081/format?helloTo=${encodeURIComponent(helloTo)}`;
    // TODO: start a "format-string" span: a CLIENT span with the attributes
    //   http.request.method, url.full and hello.to
    const res = await fetch(url);
    const body = await res.text();
    // TODO: record http.response.status_code
    if (res.ok) {
      // TODO: a "string-format" event with the greeting as its value
      console.log(body);
    } else {
      // TODO: the call failed: say so with the span's status
    }
    // TODO: end the span
  }
}

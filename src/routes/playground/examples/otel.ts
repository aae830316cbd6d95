// A playground example: OpenTelemetry and OpenTracing in one trace. The shop uses the OTel API (the
// SDK comes set up: service.name, OTLP export to jaeger-collector:4318, W3C propagation); pricing is
// jaeger-style OpenTracing speaking W3C `traceparent`; inventory is OpenTracing code running on the
// real @opentelemetry/shim-opentracing. One trace, three services, traceparent on every hop.

const shop = `import { trace, context, propagation, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { argv } from 'tour/process';

const tracer = trace.getTracer('shop', '1.0.0');

export async function main() {
  const book = argv[2] ?? 'dune';
  await tracer.startActiveSpan('checkout', async (checkout) => {
    checkout.setAttribute('book.id', book);
    // a CLIENT span for the call; its context goes out as traceparent (+ baggage)
    const span = tracer.startSpan('GET /price', {
      kind: SpanKind.CLIENT,
      attributes: { 'http.request.method': 'GET', 'url.full': \`http://pricing:8081/price?book=\${book}\` }
    });
    const headers: Record<string, string> = {};
    propagation.inject(trace.setSpan(context.active(), span), headers);
    const res = await fetch(\`http://pricing:8081/price?book=\${book}\`, { headers });
    const price = await res.text();
    span.setAttribute('http.response.status_code', res.status);
    if (res.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
    checkout.addEvent('priced', { price });
    console.log(\`\${book}: \${price}\`);
    checkout.end();
  });
}
`;

const pricing = `import { serve } from 'tour/http';
import { initTracer } from 'tour/tracing';
import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';

// jaeger-client style, but speaking W3C Trace Context on the wire
const tracer = initTracer({
  serviceName: 'pricing',
  sampler: { type: 'const', param: 1 },
  propagation: 'w3c'
});

serve(8081, async (req) => {
  const parent = tracer.extract(FORMAT_HTTP_HEADERS, req.headers) ?? undefined;
  const span = tracer.startSpan('price', { childOf: parent, tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER } });
  const headers: Record<string, string> = {};
  tracer.inject(span, FORMAT_HTTP_HEADERS, headers);
  const stock = await (await fetch(\`http://inventory:8082/stock?book=\${req.query.book}\`, { headers })).text();
  span.setTag('stock', stock);
  span.finish();
  return stock === '0' ? 'sold out' : '9.99';
});
`;

const inventory = `import { serve } from 'tour/http';
import { FORMAT_HTTP_HEADERS, initGlobalTracer, globalTracer, Tags } from 'opentracing';
import { trace } from '@opentelemetry/api';
import { TracerShim } from '@opentelemetry/shim-opentracing';

// OpenTracing code, OpenTelemetry underneath: the shim turns tags into attributes,
// logs into events and error=true into an ERROR status
initGlobalTracer(new TracerShim(trace.getTracer('opentracing-shim')));

serve(8082, (req) => {
  const tracer = globalTracer();
  const parent = tracer.extract(FORMAT_HTTP_HEADERS, req.headers) ?? undefined;
  const span = tracer.startSpan('stock', { childOf: parent, tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER } });
  span.log({ event: 'lookup', book: req.query.book });
  span.finish();
  return '3';
});
`;

export const otelExample = {
	title: 'OpenTelemetry + OpenTracing in one trace (shop → pricing → inventory)',
	files: { 'shop.ts': shop, 'pricing.ts': pricing, 'inventory.ts': inventory } as Record<string, string>,
	args: 'dune'
};

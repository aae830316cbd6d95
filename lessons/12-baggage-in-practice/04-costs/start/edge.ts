import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';
import { fetch, serve, type Middleware } from 'tour/http';
import { initTracer, Restriction, type BaggageRestrictionManager } from 'tour/tracing';

// The keys this service may put in baggage, and how long each value may be. Anything else is refused.
class BlessedKeys implements BaggageRestrictionManager {
  private readonly keys = new Map([['test-run', 16], ['tenant', 32], ['features', 64]]);
  getRestriction(_service: string, key: string): Restriction {
    const max = this.keys.get(key);
    return max === undefined ? new Restriction(false, 0) : new Restriction(true, max);
  }
}

const tracer = initTracer({
  serviceName: 'edge',
  sampler: { type: 'const', param: 1 },
  reporter: { logSpans: true },
  // the W3C headers: traceparent for the context, one `baggage` header for all items
  propagation: 'w3c',
  // jaeger-client cuts values at 2048 characters; this edge allows 64
  baggageLimits: { maxValueLength: 64 },
}, { baggageRestrictionManager: new BlessedKeys() });

// API key → tenant. The key is a secret and stays here; the tenant's name is what others may know.
const TENANTS: Record<string, string> = { 'key-7d1c': 'acme', 'key-93fa': 'globex' };

const traced: Middleware = (handler) => async (req) => {
  const span = tracer.startSpan(`HTTP ${req.method} ${req.route}`, {
    tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER, [Tags.HTTP_METHOD]: req.method, [Tags.HTTP_URL]: req.url },
  });
  using scope = tracer.activateSpan(span);
  try {
    return await handler(req);
  } finally {
    span.finish();
  }
};

serve(8080, {
  'POST /orders': async (req) => {
    const span = tracer.activeSpan!;
    const testRun = req.headers['x-test-run'];
    if (testRun) span.setBaggageItem('test-run', testRun);
    const tenant = TENANTS[req.headers['x-api-key'] ?? ''];
    if (tenant === undefined) return { status: 401, body: 'unknown API key' };
    span.setBaggageItem('tenant', tenant);
    // someone thought every service might like to know which features this caller has switched on
    span.setBaggageItem('features', 'new-checkout,bulk-discount,gift-wrap,express-delivery,loyalty-points-v2');
    // and someone wanted the ledger to e-mail a receipt: personal data, and not on the list
    span.setBaggageItem('customer-email', 'ann@example.com');

    const headers: Record<string, string> = { 'content-type': 'application/json' };
    tracer.inject(span.context(), FORMAT_HTTP_HEADERS, headers);
    const res = await fetch('http://orders:8081/orders', { method: 'POST', headers, body: req.body });
    return { status: res.status, body: await res.text() };
  },
}, traced);

// A Traefik edge proxy in front of two services: the proxy starts the trace (its EntryPoint span is
// the root), forwards the context in uber-trace-id, and each service continues it.

const traefikYml = `# One file for what Traefik splits into static and dynamic configuration.
entryPoints:
  web:
    address: ':80'

http:
  routers:
    shop:
      rule: "Host(\`shop.local\`)"
      service: frontend
      entryPoints: [web]
  services:
    frontend:
      loadBalancer:
        servers:
          - url: 'http://frontend:8080'

tracing:
  serviceName: traefik
  jaeger:
    samplingType: const
    samplingParam: 1.0
    localAgentHostPort: jaeger-agent:6831
    propagation: jaeger
    traceContextHeaderName: uber-trace-id
`;

// The customer's side: no tracer, like a browser or curl. Traefik routes by the Host header.
const shopper = `import { fetch } from 'tour/http';

export async function main() {
  const res = await fetch('http://traefik/cart', { headers: { Host: 'shop.local' } });
  console.log(res.status, await res.text());
}
`;

const frontend = `import { serve, fetch } from 'tour/http';
import { initTracer } from 'tour/tracing';
import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';

const tracer = initTracer('frontend');

serve(8080, async (req) => {
  // the proxy injected its forward span's context: continue it
  const parent = tracer.extract(FORMAT_HTTP_HEADERS, req.headers) ?? undefined;
  const span = tracer.startSpan('GET /cart', { childOf: parent, tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER } });
  try {
    const url = 'http://inventory:8081/stock?item=teapot';
    const call = tracer.startSpan('GET /stock', { childOf: span, tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_CLIENT, [Tags.HTTP_URL]: url } });
    const headers: Record<string, string> = {};
    tracer.inject(call.context(), FORMAT_HTTP_HEADERS, headers);
    const res = await fetch(url, { headers });
    call.setTag(Tags.HTTP_STATUS_CODE, res.status);
    call.finish();
    return \`1 teapot, \${await res.text()} in stock\`;
  } finally {
    span.finish();
  }
});
`;

const inventory = `import { serve } from 'tour/http';
import { initTracer } from 'tour/tracing';
import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';

const tracer = initTracer('inventory');

serve(8081, (req) => {
  const parent = tracer.extract(FORMAT_HTTP_HEADERS, req.headers) ?? undefined;
  const span = tracer.startSpan('check-stock', { childOf: parent, tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER } });
  span.setTag('item', String(req.query.item));
  span.finish();
  return '3';
});
`;

export const proxyExample = {
	title: 'Traefik in front: the proxy starts the trace',
	files: {
		'traefik.yml': traefikYml,
		'shopper.ts': shopper,
		'frontend.ts': frontend,
		'inventory.ts': inventory
	} as Record<string, string>
};

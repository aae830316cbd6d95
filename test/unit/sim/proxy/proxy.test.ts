// The traefik host on a network: routing, 404/502/round robin, the spans it reports and the
// context it forwards (jaeger and b3, custom header names), sampling, and hostile requests.
import { afterEach, describe, expect, it } from 'vitest';
import { FORMAT_HTTP_HEADERS } from 'opentracing';
import { createNetwork, type Network, type PortHandler, type RunningHost, type SimRequest } from '../../../../src/lib/sim';
import { createTraefikKind, MAX_FORWARDS_IN_FLIGHT } from '../../../../src/lib/sim/proxy/proxy';
import { initTracer, InMemoryReporter, type JaegerSpanContext } from '../../../../src/lib/tracer';
import type { SpanRecord } from '../../../../src/lib/model';

const routing = `entryPoints:
  web:
    address: ':80'
http:
  routers:
    api:
      rule: "Host(\`shop.local\`) && PathPrefix(\`/api\`)"
      service: api
    shop:
      rule: "Host(\`shop.local\`)"
      service: frontend
  services:
    frontend:
      loadBalancer:
        servers:
          - url: http://frontend:8080
    api:
      loadBalancer:
        servers:
          - url: http://api-1:9000
          - url: http://api-2:9000/v1
`;

const tracingOn = (jaeger = '    localAgentHostPort: jaeger-agent:6831\n', extra = '') => `${routing}tracing:\n${extra}  jaeger:\n${jaeger}`;

interface World {
	net: Network;
	host: RunningHost | null;
	spans: SpanRecord[];
	seen: (SimRequest & { to: string })[];
	console: string[];
	failures: string[];
}

let running: RunningHost | null = null;
afterEach(() => {
	running?.stop();
	running = null;
});

function world(yml: string, opts: { random?: () => number; frontend?: PortHandler } = {}): World {
	const net = createNetwork();
	const spans: SpanRecord[] = [];
	const seen: World['seen'] = [];
	const console: string[] = [];
	const failures: string[] = [];
	net.listen('jaeger-agent', 6831, (req) => {
		spans.push(...(JSON.parse(req.body) as { spans: SpanRecord[] }).spans);
		return { status: 202, headers: {}, body: '' };
	}, 'backend');
	if (opts.frontend) net.listen('frontend', 8080, opts.frontend);
	for (const [host, port] of [['frontend', 8080], ['api-1', 9000], ['api-2', 9000]] as const) {
		if (host === 'frontend' && opts.frontend) continue;
		net.listen(host, port, (req) => {
			seen.push({ ...req, to: host });
			return { status: 200, headers: { 'content-type': 'text/plain', 'x-served-by': host }, body: `${host} ${new URL(req.url).pathname}` };
		});
	}
	const host = createTraefikKind({ flushIntervalMs: 60_000, random: opts.random }).start(net, {
		files: { 'traefik.yml': yml },
		print: (h, stream, text) => console.push(`${h} ${stream}: ${text}`),
		fail: (h, message) => failures.push(`${h}: ${message}`)
	}) as RunningHost | null;
	running = host;
	return { net, host, spans, seen, console, failures };
}

const get = (w: World, path: string, headers: Record<string, string> = { host: 'shop.local' }, method = 'GET') =>
	w.net.request('client', { method, url: `http://traefik${path}`, headers, body: '' });

describe('the proxy routes', () => {
	it('does not start without traefik.yml, and refuses a bad one through ctx.fail', () => {
		const fail: string[] = [];
		const kind = createTraefikKind();
		expect(kind.hosts).toEqual(['traefik']);
		expect(kind.start(createNetwork(), { files: {}, print() {}, fail: (h, m) => fail.push(m) })).toBeNull();
		expect(kind.start(createNetwork(), { files: { 'traefik.yml': 'tracng: {}\n' }, print() {}, fail: (h, m) => fail.push(`${h}: ${m}`) })).toBeNull();
		expect(fail).toEqual(['traefik: traefik.yml line 1: unknown key tracng in the file (did you mean tracing?)']);
	});

	it('forwards by Host header and path (longest rule first), passing the answer and the Host back', async () => {
		const w = world(routing);
		const res = await get(w, '/cart?x=1');
		expect(res).toMatchObject({ status: 200, body: 'frontend /cart' });
		expect(res.headers['x-served-by']).toBe('frontend');
		expect(w.seen[0]).toMatchObject({ method: 'GET', url: 'http://frontend:8080/cart?x=1' });
		expect(w.seen[0].headers).toMatchObject({ host: 'shop.local', 'x-forwarded-host': 'shop.local', 'x-forwarded-port': '80', 'x-forwarded-proto': 'http', 'x-forwarded-server': 'traefik' });
		expect((await get(w, '/api/items')).body).toBe('api-1 /api/items');
		// the forward is a plain HTTP record from traefik, with the router in the incoming record's note
		const recs = w.net.records();
		expect(recs.map((r) => [r.from, r.url, r.status])).toEqual([
			['client', 'http://traefik/cart?x=1', 200],
			['traefik', 'http://frontend:8080/cart?x=1', 200],
			['client', 'http://traefik/api/items', 200],
			['traefik', 'http://api-1:9000/api/items', 200]
		]);
		expect(recs[0].note).toBe('shop@file → frontend:8080 · 200');
		expect(w.console).toEqual(['traefik system: entry points web :80; 2 routers; tracing off']);
	});

	it('round robin over a service’s servers, joining the server’s path', async () => {
		const w = world(routing);
		const bodies = [];
		for (let i = 0; i < 4; i++) bodies.push((await get(w, '/api/x')).body);
		expect(bodies).toEqual(['api-1 /api/x', 'api-2 /v1/api/x', 'api-1 /api/x', 'api-2 /v1/api/x']);
	});

	it('no matching router: 404 "404 page not found"; the URL host counts when there is no Host header', async () => {
		const w = world(routing);
		const res = await get(w, '/cart', { host: 'other.local' });
		expect(res).toMatchObject({ status: 404, body: '404 page not found\n' });
		expect((await get(w, '/cart', {})).status).toBe(404); // Host: traefik
		expect(w.seen).toEqual([]);
		expect(w.net.records()[0].note).toBe('no router for other.local/cart · 404');
	});

	it('a backend that is down: 502 Bad Gateway', async () => {
		const w = world(routing.replace('http://frontend:8080', 'http://frontend:8081'));
		const res = await get(w, '/');
		expect(res).toMatchObject({ status: 502, body: 'Bad Gateway' });
		expect(w.net.records()[0].note).toBe('shop@file → frontend:8081: connect ECONNREFUSED frontend:8081 · 502');
	});

	it('listens on every entry point; a router limited to one ignores the others', async () => {
		const w = world(`entryPoints:
  web: {address: ':80'}
  admin: {address: ':8080'}
http:
  routers:
    shop: {rule: "Host(\`shop.local\`)", service: frontend, entryPoints: [admin]}
  services:
    frontend: {loadBalancer: {servers: [{url: 'http://frontend:8080'}]}}
`);
		expect((await get(w, '/')).status).toBe(404);
		expect((await w.net.request('c', { method: 'GET', url: 'http://traefik:8080/', headers: { host: 'shop.local' }, body: '' })).status).toBe(200);
	});

	it('hostile requests get answers, never a throw', async () => {
		const w = world(tracingOn());
		const bad: SimRequest[] = [
			{ method: 'GET', url: 'http://traefik/', headers: { host: '__proto__' }, body: '' },
			{ method: 'GET', url: 'http://traefik/', headers: { host: 'shop.local', 'uber-trace-id': 'zz:zz:zz:zz' }, body: '' },
			{ method: 'GET', url: 'http://traefik/', headers: { host: 'shop.local', 'x-b3-traceid': '%%%', b3: '-'.repeat(10_000) }, body: '' },
			{ method: 'GET', url: 'http://traefik/', headers: { host: 'x'.repeat(100_000) }, body: '' },
			{ method: 'DELETE', url: 'http://traefik/' + 'a/'.repeat(10_000), headers: { host: 'shop.local' }, body: 'x'.repeat(1_000_000) }
		];
		const statuses = [];
		for (const r of bad) statuses.push((await w.net.request('evil', r)).status);
		expect(statuses).toEqual([404, 200, 200, 404, 200]);
		await w.host!.flush!();
		expect(w.spans.length).toBeGreaterThan(0);
	});

	it('a loop through a service back to traefik ends: beyond the in-flight cap the proxy answers 503', async () => {
		const net = createNetwork();
		// the frontend calls the proxy again for every request it gets: a loop only the cap ends
		net.listen('frontend', 8080, (req) => net.request('frontend', { method: 'GET', url: 'http://traefik/', headers: { host: 'shop.local' }, body: req.body }));
		running = createTraefikKind().start(net, { files: { 'traefik.yml': routing }, print() {}, fail() {} }) as RunningHost;
		const res = await net.request('client', { method: 'GET', url: 'http://traefik/', headers: { host: 'shop.local' }, body: '' });
		expect(res.status).toBe(503);
		expect(net.records().filter((r) => r.from === 'traefik')).toHaveLength(MAX_FORWARDS_IN_FLIGHT);
	});

	it('stop closes its ports', () => {
		const w = world(routing);
		w.host!.stop();
		expect(w.net.listeners().filter((l) => l.host === 'traefik')).toEqual([]);
	});
});

function traceOf(spans: SpanRecord[]) {
	return spans.map((s) => ({
		name: s.operationName,
		tags: Object.fromEntries(s.tags.map((t) => [t.key, t.value])),
		trace: s.traceID,
		span: s.spanID,
		parent: s.references[0]?.spanID ?? null
	}));
}

describe('the proxy traces', () => {
	it('EntryPoint (server) → forward (client) with Traefik’s tags, and the context forwarded as uber-trace-id', async () => {
		const w = world(tracingOn());
		await get(w, '/api/items?q=1', { host: 'shop.local:80' });
		await w.host!.flush!();
		const [fwd, entry] = traceOf(w.spans);
		expect(entry.name).toBe('EntryPoint web shop.local:80');
		expect(entry.tags).toMatchObject({
			'span.kind': 'server',
			component: 'traefik',
			'http.method': 'GET',
			'http.url': '/api/items?q=1',
			'http.host': 'shop.local:80',
			'http.status_code': 200,
			'sampler.type': 'const'
		});
		expect(entry.tags.error).toBeUndefined();
		expect(fwd.name).toBe('forward api@file/api@file');
		expect(fwd.tags).toMatchObject({
			'span.kind': 'client',
			'traefik.service.name': 'api@file',
			'traefik.router.name': 'api@file',
			'http.method': 'GET',
			'http.url': '/api/items?q=1',
			'http.host': 'shop.local:80',
			'http.status_code': 200
		});
		expect(fwd.parent).toBe(entry.span);
		expect(fwd.trace).toBe(entry.trace);
		expect(w.spans[0].process.serviceName).toBe('traefik');
		// the backend can continue the trace from the header
		const header = w.seen[0].headers['uber-trace-id'];
		expect(header).toMatch(/^[0-9a-f]+:[0-9a-f]+:[0-9a-f]+:1$/);
		const [trace, span] = header.split(':');
		expect(trace.padStart(16, '0')).toBe(entry.trace);
		expect(span.padStart(16, '0')).toBe(fwd.span);
	});

	it('a 502 marks both spans error=true; a 404 is only an EntryPoint span, no error (v2 marks ≥ 500)', async () => {
		const w = world(tracingOn().replace('http://frontend:8080', 'http://frontend:1'));
		await get(w, '/');
		await get(w, '/', { host: 'nobody' });
		await w.host!.flush!();
		const spans = traceOf(w.spans);
		expect(spans.map((s) => [s.name, s.tags['http.status_code'], s.tags.error ?? false])).toEqual([
			['forward frontend@file/shop@file', 502, true],
			['EntryPoint web shop.local', 502, true],
			['EntryPoint web nobody', 404, false]
		]);
	});

	it('continues an incoming uber-trace-id: the EntryPoint span is the caller’s child', async () => {
		const w = world(tracingOn());
		await get(w, '/', { host: 'shop.local', 'uber-trace-id': 'abc:def:0:1' });
		await w.host!.flush!();
		const entry = traceOf(w.spans).find((s) => s.name.startsWith('EntryPoint'))!;
		expect(entry.trace).toBe('0000000000000abc');
		expect(entry.parent).toBe('0000000000000def');
		expect(w.seen[0].headers['uber-trace-id']).toMatch(/^abc:/);
	});

	it('b3 propagation: reads and writes x-b3-* headers, not uber-trace-id', async () => {
		const w = world(tracingOn('    localAgentHostPort: jaeger-agent:6831\n    propagation: b3\n'));
		await get(w, '/', { host: 'shop.local', 'x-b3-traceid': '00000000000000aa', 'x-b3-spanid': '00000000000000bb', 'x-b3-sampled': '1' });
		await w.host!.flush!();
		const [fwd, entry] = traceOf(w.spans);
		expect(entry.trace).toBe('00000000000000aa');
		expect(entry.parent).toBe('00000000000000bb');
		const h = w.seen[0].headers;
		expect(h['uber-trace-id']).toBeUndefined();
		expect(h).toMatchObject({ 'x-b3-traceid': '00000000000000aa', 'x-b3-spanid': fwd.span, 'x-b3-parentspanid': entry.span, 'x-b3-sampled': '1' });
	});

	it('traceContextHeaderName: the context goes out under that name, and a lower-case name is read back', async () => {
		const w = world(tracingOn('    localAgentHostPort: jaeger-agent:6831\n    traceContextHeaderName: x-trace\n'));
		await get(w, '/', { host: 'shop.local', 'x-trace': 'abc:def:0:1' });
		await w.host!.flush!();
		expect(w.seen[0].headers['uber-trace-id']).toBeUndefined();
		expect(w.seen[0].headers['x-trace']).toMatch(/^abc:[0-9a-f]+:[0-9a-f]+:1$/);
		expect(traceOf(w.spans)[1].trace).toBe('0000000000000abc');
	});

	it('a header name with capitals never matches on the way in (Traefik’s docs: "must be in lower-case")', async () => {
		const w = world(tracingOn('    localAgentHostPort: jaeger-agent:6831\n    traceContextHeaderName: X-Trace\n'));
		await get(w, '/', { host: 'shop.local', 'X-Trace': 'abc:def:0:1' });
		await w.host!.flush!();
		expect(traceOf(w.spans)[1].parent).toBeNull();
		expect(w.seen[0].headers['x-trace']).toBeDefined();
	});

	it('a backend reading uber-trace-id behind a proxy writing another header starts its own trace: two traces', async () => {
		for (const [jaeger, joined] of [
			['    localAgentHostPort: jaeger-agent:6831\n', true],
			['    localAgentHostPort: jaeger-agent:6831\n    traceContextHeaderName: x-trace\n', false],
			['    localAgentHostPort: jaeger-agent:6831\n    propagation: b3\n', false]
		] as const) {
			const backend = initTracer({ serviceName: 'frontend', sampler: { type: 'const', param: 1 } }, { reporter: new InMemoryReporter() });
			const w = world(tracingOn(jaeger), {
				frontend: (req) => {
					const ctx = backend.extract(FORMAT_HTTP_HEADERS, req.headers) as JaegerSpanContext | null;
					backend.startSpan('checkout', { childOf: ctx ?? undefined }).finish();
					return { status: 200, headers: {}, body: 'ok' };
				}
			});
			await get(w, '/');
			await w.host!.flush!();
			w.host!.stop();
			const proxyTrace = w.spans[0].traceID;
			const backendSpan = (backend.reporter as InMemoryReporter).spans[0].toRecord();
			expect(backendSpan.traceID === proxyTrace).toBe(joined);
			expect(new Set([proxyTrace, backendSpan.traceID]).size).toBe(joined ? 1 : 2);
		}
	});

	it('sampling: const 0 reports nothing and forwards the unsampled flag; probabilistic follows the sampler', async () => {
		const off = world(tracingOn('    localAgentHostPort: jaeger-agent:6831\n    samplingParam: 0\n'));
		await get(off, '/');
		await off.host!.flush!();
		expect(off.spans).toEqual([]);
		expect(off.seen[0].headers['uber-trace-id']).toMatch(/:0$/);
		off.host!.stop();

		let i = 0;
		const seq = [0.05, 0.5, 0.95, 0.2];
		const p = world(tracingOn('    localAgentHostPort: jaeger-agent:6831\n    samplingType: probabilistic\n    samplingParam: 0.3\n'), { random: () => seq[i++ % seq.length] });
		for (let n = 0; n < 4; n++) await get(p, '/');
		await p.host!.flush!();
		expect(p.spans.filter((s) => s.operationName.startsWith('EntryPoint')).length).toBe(2);
		expect(p.seen.map((r) => r.headers['uber-trace-id'].slice(-1))).toEqual(['1', '0', '0', '1']);
		expect(p.spans[1].tags).toContainEqual(expect.objectContaining({ key: 'sampler.type', value: 'probabilistic' }));
	});

	it('remote sampling polls samplingServerURL from the traefik host', async () => {
		const w = world(tracingOn('    localAgentHostPort: jaeger-agent:6831\n    samplingType: remote\n    samplingServerURL: http://jaeger-agent:5778/sampling\n'));
		await new Promise((r) => setTimeout(r, 10));
		const poll = w.net.records().find((r) => r.url.startsWith('http://jaeger-agent:5778/'));
		expect(poll).toMatchObject({ from: 'traefik', url: 'http://jaeger-agent:5778/sampling?service=traefik', error: 'ECONNREFUSED: connect ECONNREFUSED jaeger-agent:5778' });
	});

	it('spans to a wrong agent port are lost, said once in the Console; the default 127.0.0.1 gets a hint', async () => {
		const w = world(tracingOn('    localAgentHostPort: jaeger-agent:6832\n'));
		await get(w, '/');
		await get(w, '/');
		await w.host!.flush!();
		expect(w.spans).toEqual([]);
		expect(w.console.filter((l) => l.includes(' err: '))).toEqual([
			'traefik err: error when flushing the buffer to jaeger-agent:6832: connect ECONNREFUSED jaeger-agent:6832 — these spans are lost'
		]);
		const d = world(tracingOn(''));
		await get(d, '/');
		await d.host!.flush!();
		expect(d.console.at(-1)).toBe(
			'traefik err: error when flushing the buffer to 127.0.0.1:6831: getaddrinfo ENOTFOUND 127.0.0.1 — these spans are lost (127.0.0.1 is the traefik container itself: set localAgentHostPort to jaeger-agent:6831)'
		);
	});

	it('the collector endpoint takes the batches over HTTP instead', async () => {
		const w = world(tracingOn('    collector:\n      endpoint: http://jaeger-collector:14268/api/traces\n'));
		const got: string[] = [];
		w.net.listen('jaeger-collector', 14268, (req) => {
			got.push(`${req.method} ${req.url} ${(JSON.parse(req.body) as { spans: unknown[] }).spans.length}`);
			return { status: 202, headers: {}, body: '' };
		});
		await get(w, '/');
		await w.host!.flush!();
		expect(got).toEqual(['POST http://jaeger-collector:14268/api/traces 2']);
	});

	it('spanNameLimit truncates with a hash; serviceName names the process and the component', async () => {
		const w = world(tracingOn('    localAgentHostPort: jaeger-agent:6831\n', '  serviceName: edge\n  spanNameLimit: 30\n'));
		await get(w, '/');
		await w.host!.flush!();
		const [fwd, entry] = traceOf(w.spans);
		expect(fwd.name).toMatch(/^forward fro\.\.\.\/sho\.\.\.\/[0-9a-f]{8}$/);
		expect(entry.name).toBe('EntryPoint web shop.local');
		expect(entry.tags.component).toBe('edge');
		expect(w.spans[0].process.serviceName).toBe('edge');
	});

	it('gen128Bit: 32-hex trace ids', async () => {
		const w = world(tracingOn('    localAgentHostPort: jaeger-agent:6831\n    gen128Bit: true\n'));
		await get(w, '/');
		await w.host!.flush!();
		expect(w.spans[0].traceID).toHaveLength(32);
	});
});

// The `traefik` host: an ingress proxy configured by the run's traefik.yml. It listens on each entry
// point's port, picks the router whose rule matches (longest rule first), forwards to the service's
// servers in turn and passes the answer back — tracing each request as Traefik v2 does when the file
// has a `tracing` section.
import type { Network } from '../network/network';
import type { Exchange, HeaderMap, SimRequest, SimResponse } from '../types';
import type { HostContext, RunningHost, WorldHostKind } from '../world/types';
import { CONFIG_FILE, parseTraefikConfig, type EntryPointConfig, type RouterConfig, type ServiceConfig, type TraefikConfig } from './config';
import { canonicalHost, matchRule } from './rule';
import { createProxyTracing, PROXY_HOST, spanDestination, type ProxyTracing } from './tracing';

/** Headers that belong to one connection, not the message (Go's reverse proxy drops them). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

/** forwards waiting for an answer at once: beyond it (a loop through a service) the proxy answers 503 */
export const MAX_FORWARDS_IN_FLIGHT = 1000;

const plain = (status: number, body: string): SimResponse => ({
	status,
	headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
	body
});

export interface ProxyOptions {
	/** for probabilistic sampling (tests pass a seeded one) */
	random?: () => number;
	/** the tracer's reporter flush interval, ms */
	flushIntervalMs?: number;
}

/** Go's singleJoiningSlash: a server URL's path and the request's path with one slash between. */
function joinPath(a: string, b: string): string {
	const aSlash = a.endsWith('/');
	const bSlash = b.startsWith('/');
	if (aSlash && bSlash) return a + b.slice(1);
	if (!aSlash && !bSlash) return `${a}/${b}`;
	return a + b;
}

function headerValue(headers: HeaderMap, name: string): string | undefined {
	return Object.hasOwn(headers, name) && typeof headers[name] === 'string' ? headers[name] : undefined;
}

/** Starts the proxy on `network` from a checked configuration. */
export function startProxy(network: Network, config: TraefikConfig, print: (stream: 'out' | 'err' | 'system', text: string) => void, options: ProxyOptions = {}): RunningHost {
	const tracing: ProxyTracing | null = config.tracing
		? createProxyTracing(config.tracing, { network, print, random: options.random, flushIntervalMs: options.flushIntervalMs })
		: null;
	const next = new Map<string, number>();
	const closers: (() => void)[] = [];
	let stopped = false;
	let inFlight = 0;

	async function forward(ep: EntryPointConfig, router: RouterConfig, req: SimRequest, url: URL, rawHost: string, entry: ReturnType<ProxyTracing['entrySpan']> | null, exchange: Exchange): Promise<SimResponse> {
		const svc = config.services.get(router.service) as ServiceConfig;
		const requestUri = url.pathname + url.search;
		if (svc.servers.length === 0) {
			exchange.note(`${router.name} → ${svc.name}: no servers · 503`);
			return plain(503, 'Service Unavailable');
		}
		// round robin over the servers, per service
		const i = next.get(svc.name) ?? 0;
		next.set(svc.name, (i + 1) % svc.servers.length);
		const server = new URL(svc.servers[i]);
		const headers: HeaderMap = {};
		for (const [k, v] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(k) && typeof v === 'string') headers[k] = v;
		headers.host = svc.passHostHeader ? rawHost : server.host;
		headers['x-forwarded-host'] = rawHost;
		headers['x-forwarded-port'] = String(ep.port);
		headers['x-forwarded-proto'] = 'http';
		headers['x-forwarded-server'] = PROXY_HOST;
		const span = tracing && entry ? tracing.forwardSpan(entry, svc.name, router.name, req.method, requestUri, rawHost) : null;
		if (span) tracing!.inject(span, headers);
		const target = `${server.protocol}//${server.host}${joinPath(server.pathname, url.pathname)}${url.search}`;
		let res: SimResponse;
		if (inFlight >= MAX_FORWARDS_IN_FLIGHT) {
			exchange.note(`${router.name}: ${MAX_FORWARDS_IN_FLIGHT} requests already waiting (a loop back to traefik?) · 503`);
			res = plain(503, 'Service Unavailable');
		} else {
			inFlight++;
			try {
				res = await network.request(PROXY_HOST, { method: req.method, url: target, headers, body: req.body });
				exchange.note(`${router.name} → ${server.host} · ${res.status}`);
			} catch (e) {
				const why = e instanceof Error ? e.message : String(e);
				exchange.note(`${router.name} → ${server.host}: ${why} · 502`);
				res = plain(502, 'Bad Gateway');
			} finally {
				inFlight--;
			}
		}
		if (span) tracing!.finish(span, res.status);
		return res;
	}

	async function handle(ep: EntryPointConfig, req: SimRequest, exchange: Exchange): Promise<SimResponse> {
		if (stopped) return plain(503, 'Service Unavailable');
		let url: URL;
		try {
			url = new URL(req.url);
		} catch {
			return plain(400, '400 Bad Request');
		}
		const method = typeof req.method === 'string' ? req.method.toUpperCase() : 'GET';
		const headers = req.headers !== null && typeof req.headers === 'object' ? req.headers : {};
		const rawHost = headerValue(headers, 'host') ?? url.host;
		const want = { host: canonicalHost(rawHost), path: url.pathname, method };
		const router = config.routers.find((r) => (r.entryPoints === null || r.entryPoints.includes(ep.name)) && matchRule(r.rule, want));
		const entry = tracing ? tracing.entrySpan(ep.name, rawHost, method, url.pathname + url.search, tracing.extract(headers)) : null;
		let res: SimResponse;
		if (!router) {
			exchange.note(`no router for ${want.host}${want.path} · 404`);
			res = plain(404, '404 page not found\n');
		} else {
			res = await forward(ep, router, { ...req, method, headers, body: typeof req.body === 'string' ? req.body : '' }, url, rawHost, entry, exchange);
		}
		if (entry) tracing!.finish(entry, res.status);
		return res;
	}

	for (const ep of config.entryPoints) {
		closers.push(
			network.listen(PROXY_HOST, ep.port, (req, exchange) =>
				handle(ep, req, exchange).catch((e) => {
					// never throw out of a handler: a bug here is the proxy's 500, not a reset connection
					print('err', `internal error: ${e instanceof Error ? e.message : String(e)}`);
					return plain(500, 'Internal Server Error');
				})
			)
		);
	}

	return {
		async flush() {
			await tracing?.close();
		},
		stop() {
			stopped = true;
			tracing?.stop();
			for (const c of closers) c();
		}
	};
}

/** One line for the Console: what this run's proxy does. */
export function describeProxy(config: TraefikConfig): string {
	const eps = config.entryPoints.map((e) => `${e.name} :${e.port}`).join(', ');
	const routes = config.routers.length === 1 ? '1 router' : `${config.routers.length} routers`;
	if (!config.tracing) return `entry points ${eps}; ${routes}; tracing off`;
	const j = config.tracing.jaeger;
	const header = j.propagation === 'b3' ? 'b3 headers' : `header ${j.traceContextHeaderName}`;
	return `entry points ${eps}; ${routes}; tracing as ${config.tracing.serviceName} to ${spanDestination(config.tracing).label} (${j.samplingType} ${j.samplingParam}, ${header})`;
}

/** The world's Traefik: started only when the run has a traefik.yml. */
export function createTraefikKind(options: ProxyOptions = {}): WorldHostKind {
	return {
		hosts: [PROXY_HOST],
		start(network: Network, ctx: HostContext): RunningHost | null {
			const source = Object.hasOwn(ctx.files, CONFIG_FILE) ? ctx.files[CONFIG_FILE] : undefined;
			if (typeof source !== 'string') return null;
			const parsed = parseTraefikConfig(source);
			if (!parsed.ok) {
				ctx.fail(PROXY_HOST, parsed.message);
				return null;
			}
			const print = (stream: 'out' | 'err' | 'system', text: string) => ctx.print(PROXY_HOST, stream, text);
			for (const n of parsed.config.notes) print('system', n);
			print('system', describeProxy(parsed.config));
			return startProxy(network, parsed.config, print, options);
		}
	};
}

export const traefikKind: WorldHostKind = createTraefikKind();

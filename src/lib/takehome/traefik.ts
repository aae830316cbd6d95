// A step's traefik.yml → what a real Traefik v2 container needs. The course reads one file holding both
// halves of Traefik's configuration; real Traefik takes the static half (entry points, tracing) as its
// config file and the dynamic half (routers, services) from a provider, and refuses keys of the other
// half in each. So the file is split in two, the file provider is pointed at the dynamic half, and the
// backends (the project's services, which `npm start` runs on this machine, outside Docker) are reached
// through host.docker.internal. The learner's own traefik.yml stays in the project as written.
import { parse, stringify } from 'yaml';

/** Traefik v2's dynamic configuration: everything else in the file is static. */
const DYNAMIC_KEYS = ['http', 'tcp', 'udp', 'tls'];
export const TRAEFIK_DYNAMIC_PATH = '/etc/traefik/dynamic.yml';
export const TRAEFIK_STATIC_PATH = '/etc/traefik/static.yml';
/** The host name a container reaches this machine by (compose maps it with `host-gateway`). */
export const HOST_FROM_CONTAINER = 'host.docker.internal';

export interface TraefikFiles {
	static: string;
	dynamic: string;
	/** the entry points' ports, published on localhost */
	ports: number[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `http://frontend:8080` → `http://host.docker.internal:8080` when `frontend` is one of the project's services. */
function toHost(url: unknown, services: Set<string>): unknown {
	if (typeof url !== 'string') return url;
	try {
		const u = new URL(url);
		if (!services.has(u.hostname.toLowerCase())) return url;
		u.hostname = HOST_FROM_CONTAINER;
		return u.toString().replace(/\/$/, url.endsWith('/') ? '/' : '');
	} catch {
		return url;
	}
}

/** The split, or null when the file is not a YAML mapping (the course would have refused it too). */
export function traefikFiles(source: string, serviceNames: string[]): TraefikFiles | null {
	let config: unknown;
	try {
		config = parse(source, { maxAliasCount: 100 });
	} catch {
		return null;
	}
	if (!isObj(config)) return null;
	const services = new Set(serviceNames.map((s) => s.toLowerCase()));
	const staticPart: Obj = {};
	const dynamicPart: Obj = {};
	for (const [k, v] of Object.entries(config)) (DYNAMIC_KEYS.includes(k) ? dynamicPart : staticPart)[k] = v;

	for (const svc of Object.values(isObj(dynamicPart.http) && isObj(dynamicPart.http.services) ? dynamicPart.http.services : {})) {
		const servers = isObj(svc) && isObj(svc.loadBalancer) ? svc.loadBalancer.servers : undefined;
		if (Array.isArray(servers)) for (const s of servers) if (isObj(s)) s.url = toHost(s.url, services);
	}

	// no entry points: Traefik v2's default, "http" on :80
	if (!isObj(staticPart.entryPoints)) staticPart.entryPoints = { http: { address: ':80' } };
	const ports = Object.values(staticPart.entryPoints as Obj)
		.map((e) => (isObj(e) ? /:(\d+)(\/\w+)?$/.exec(String(e.address ?? ''))?.[1] : undefined))
		.filter((p): p is string => p !== undefined)
		.map(Number);

	// the file provider reads the dynamic half (kept with any provider the file already had)
	const providers = isObj(staticPart.providers) ? staticPart.providers : {};
	staticPart.providers = { ...providers, file: { filename: TRAEFIK_DYNAMIC_PATH } };

	// Traefik's own default agent is 127.0.0.1:6831, inside its container; the course's is jaeger-agent
	if (isObj(staticPart.tracing)) {
		const jaeger = isObj(staticPart.tracing.jaeger) ? staticPart.tracing.jaeger : {};
		if (jaeger.localAgentHostPort === undefined && !isObj(jaeger.collector)) staticPart.tracing = { ...staticPart.tracing, jaeger: { ...jaeger, localAgentHostPort: 'jaeger-agent:6831' } };
	}

	const header = (what: string) => `# Generated from traefik.yml for a real Traefik v2 (docker-compose.yml mounts it at ${what}).\n`;
	return {
		static: header(TRAEFIK_STATIC_PATH) + stringify(staticPart),
		dynamic: header(TRAEFIK_DYNAMIC_PATH) + stringify(dynamicPart),
		ports: [...new Set(ports)]
	};
}

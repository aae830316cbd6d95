// traefik.yml → the proxy's configuration. One file holds what Traefik splits into static
// (entryPoints, tracing) and dynamic configuration (http.routers, http.services). A bad file is
// refused with the line and a reason, never half-used.
import { LineCounter, parseDocument } from 'yaml';
import { didYouMean } from './did-you-mean';
import { parseRule, RuleError, type Rule } from './rule';
import { tracing, type TracingConfig } from './config-tracing';
import { ConfigError, YamlReader } from './yaml-read';

export interface EntryPointConfig {
	name: string;
	port: number;
}

export interface RouterConfig {
	/** qualified as Traefik's file provider does: `shop@file` */
	name: string;
	rule: Rule;
	ruleText: string;
	/** the `priority` key, else the rule's length (Traefik's default) */
	priority: number;
	/** qualified: `frontend@file` */
	service: string;
	/** null: every entry point */
	entryPoints: string[] | null;
}

export interface ServiceConfig {
	name: string;
	servers: string[];
	passHostHeader: boolean;
}

export interface TraefikConfig {
	entryPoints: EntryPointConfig[];
	/** highest priority first */
	routers: RouterConfig[];
	services: Map<string, ServiceConfig>;
	tracing: TracingConfig | null;
	/** keys accepted but not simulated, as Console notes */
	notes: string[];
}

export type { TracingConfig, JaegerConfig, SamplingType } from './config-tracing';
export { JAEGER_DEFAULTS } from './config-tracing';

export type ConfigResult = { ok: true; config: TraefikConfig } | { ok: false; line: number; reason: string; message: string };

export const CONFIG_FILE = 'traefik.yml';
export const LIMITS = { bytes: 64 * 1024, entryPoints: 20, routers: 200, services: 200, servers: 100, indent: 200, flowDepth: 32 } as const;

const TOP_KEYS = ['entryPoints', 'http', 'tracing'] as const;
/** Real Traefik keys that change nothing a run can show: accepted with a note. */
const IGNORED_TOP = ['providers', 'api', 'log', 'accessLog', 'global', 'ping', 'metrics'];
const NOT_SIMULATED_TOP: Record<string, string> = {
	tcp: 'tcp routers are not simulated here: only http',
	udp: 'udp routers are not simulated here: only http',
	tls: 'TLS is not simulated here',
	certificatesResolvers: 'TLS certificates are not simulated here',
	serversTransport: 'serversTransport is not simulated here',
	experimental: 'experimental features are not simulated here',
	pilot: 'Traefik Pilot is not simulated here',
	hub: 'Traefik Hub is not simulated here'
};
const ROUTER_KEYS = ['rule', 'service', 'entryPoints', 'priority'] as const;

/** Parses and checks traefik.yml. */
export function parseTraefikConfig(source: string): ConfigResult {
	try {
		return { ok: true, config: parse(source) };
	} catch (e) {
		if (e instanceof ConfigError) return refused(e.line, e.reason);
		// the parser's own limits (a stack overflow on absurd input): still a refusal, not a crash
		return refused(1, `cannot be read: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
	}
}

function refused(line: number, reason: string): ConfigResult {
	return { ok: false, line, reason, message: `${CONFIG_FILE} line ${line}: ${reason}` };
}

/** Cheap checks before the YAML parser sees the text: size, and nesting no real config needs. */
function precheck(source: string): void {
	if (source.length > LIMITS.bytes) throw new ConfigError(1, `the file is ${source.length} characters long (at most ${LIMITS.bytes})`);
	let line = 1;
	let col = 0;
	let depth = 0;
	let quote = '';
	let comment = false;
	for (let i = 0; i < source.length; i++) {
		const c = source[i];
		if (c === '\n') {
			line++;
			col = 0;
			comment = false;
			continue;
		}
		if (col++ === 0) {
			let indent = 0;
			while (source[i + indent] === ' ' || source[i + indent] === '\t') indent++;
			if (indent > LIMITS.indent) throw new ConfigError(line, `indented more than ${LIMITS.indent} columns: nested too deeply`);
		}
		if (comment) continue;
		if (quote) {
			if (c === quote) quote = '';
		} else if (c === '"' || c === "'" || c === '`') {
			quote = c;
		} else if (c === '#') {
			comment = true;
		} else if (c === '[' || c === '{') {
			if (++depth > LIMITS.flowDepth) throw new ConfigError(line, `brackets nested more than ${LIMITS.flowDepth} deep`);
		} else if ((c === ']' || c === '}') && depth > 0) {
			depth--;
		}
	}
}

function parse(source: string): TraefikConfig {
	precheck(source);
	const lines = new LineCounter();
	const doc = parseDocument(source, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
	const err = doc.errors[0];
	if (err) throw new ConfigError(err.linePos?.[0].line ?? 1, err.message.split(' at line ')[0].split('\n')[0]);
	try {
		// the alias-bomb guard: expanding is refused long before memory runs out
		doc.toJS({ maxAliasCount: 100 });
	} catch (e) {
		throw new ConfigError(1, e instanceof ReferenceError ? 'too many aliases: they expand to too much' : `cannot be read: ${String(e)}`);
	}
	const y = new YamlReader(doc, lines);
	const notes: string[] = [];
	const config: TraefikConfig = { entryPoints: [], routers: [], services: new Map(), tracing: null, notes };
	const root = y.mapOrNull(doc.contents, CONFIG_FILE, 1);
	if (root === null) throw new ConfigError(1, 'the file is empty: it needs entryPoints, http (routers and services) and tracing');

	const ignored = Object.fromEntries(IGNORED_TOP.map((k) => [k, '']));
	let httpNode: [unknown, number] | null = null;
	for (const [key, value, line] of y.entries(root, 'the file', [...TOP_KEYS, ...IGNORED_TOP], NOT_SIMULATED_TOP)) {
		if (key in ignored) notes.push(`${CONFIG_FILE} line ${line}: ${key} is accepted but not simulated`);
		else if (key === 'entryPoints') config.entryPoints = entryPoints(y, value, line);
		else if (key === 'http') httpNode = [value, line];
		else if (key === 'tracing') config.tracing = tracing(y, value, line);
	}
	// Traefik v2 without entry points listens on :80 as "http"
	if (config.entryPoints.length === 0) config.entryPoints = [{ name: 'http', port: 80 }];
	if (httpNode) readHttp(y, httpNode[0], httpNode[1], config);
	return config;
}

function entryPoints(y: YamlReader, node: unknown, line: number): EntryPointConfig[] {
	const map = y.map(node, 'entryPoints', line);
	const out: EntryPointConfig[] = [];
	const ports = new Map<number, string>();
	for (const [name, value, at] of y.entries(map, 'entryPoints', null)) {
		if (out.length >= LIMITS.entryPoints) throw new ConfigError(at, `more than ${LIMITS.entryPoints} entry points`);
		const ep = y.map(value, `entry point ${name}`, at);
		let port: number | null = null;
		for (const [key, v, keyLine] of y.entries(ep, `entry point ${name}`, ['address'], {
			http: 'entry point http options (redirections, middlewares, tls) are not simulated here',
			transport: 'entry point transport options are not simulated here',
			forwardedHeaders: 'forwardedHeaders is not simulated here',
			proxyProtocol: 'proxyProtocol is not simulated here'
		})) {
			if (key === 'address') port = address(y.string(v, 'address', keyLine));
		}
		if (port === null) throw new ConfigError(at, `entry point ${name} needs an address such as ':80'`);
		const other = ports.get(port);
		if (other !== undefined) throw new ConfigError(at, `entry points ${other} and ${name} both listen on :${port}`);
		ports.set(port, name);
		out.push({ name, port });
	}
	if (out.length === 0) throw new ConfigError(line, 'entryPoints is empty');
	return out;
}

/** ':80', '0.0.0.0:8080', ':80/tcp' → the port. */
function address({ value, line }: { value: string; line: number }): number {
	let a = value.trim();
	const slash = a.lastIndexOf('/');
	if (slash >= 0) {
		const proto = a.slice(slash + 1).toLowerCase();
		if (proto === 'udp') throw new ConfigError(line, 'udp entry points are not simulated here');
		if (proto !== 'tcp') throw new ConfigError(line, `unknown protocol /${proto} in address '${value}' (tcp or udp)`);
		a = a.slice(0, slash);
	}
	const colon = a.lastIndexOf(':');
	const port = colon >= 0 ? a.slice(colon + 1) : '';
	if (colon < 0 || !/^[0-9]{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
		throw new ConfigError(line, `address '${value}' must be [host]:port, e.g. ':80'`);
	}
	return Number(port);
}

function readHttp(y: YamlReader, node: unknown, line: number, config: TraefikConfig): void {
	const http = y.map(node, 'http', line);
	let routersNode: [unknown, number] | null = null;
	for (const [key, value, at] of y.entries(http, 'http', ['routers', 'services'], {
		middlewares: 'middlewares are not simulated here',
		serversTransports: 'serversTransports are not simulated here'
	})) {
		if (key === 'routers') routersNode = [value, at];
		else services(y, value, at, config.services);
	}
	if (routersNode) config.routers = routers(y, routersNode[0], routersNode[1], config);
}

function services(y: YamlReader, node: unknown, line: number, out: Map<string, ServiceConfig>): void {
	const map = y.map(node, 'http.services', line);
	for (const [name, value, at] of y.entries(map, 'http.services', null)) {
		if (out.size >= LIMITS.services) throw new ConfigError(at, `more than ${LIMITS.services} services`);
		checkName(name, 'service', at);
		const svc = y.map(value, `service ${name}`, at);
		let lb: ServiceConfig | null = null;
		for (const [, v, keyLine] of y.entries(svc, `service ${name}`, ['loadBalancer'], {
			weighted: 'weighted services are not simulated here: use loadBalancer',
			mirroring: 'mirroring services are not simulated here: use loadBalancer',
			failover: 'failover services are not simulated here: use loadBalancer'
		})) {
			lb = loadBalancer(y, v, keyLine, `${name}@file`);
		}
		if (lb === null) throw new ConfigError(at, `service ${name} needs a loadBalancer with servers`);
		out.set(lb.name, lb);
	}
}

function loadBalancer(y: YamlReader, node: unknown, line: number, name: string): ServiceConfig {
	const map = y.map(node, 'loadBalancer', line);
	const svc: ServiceConfig = { name, servers: [], passHostHeader: true };
	let hasServers = false;
	for (const [key, value, at] of y.entries(map, 'loadBalancer', ['servers', 'passHostHeader'], {
		sticky: 'sticky sessions are not simulated here',
		healthCheck: 'health checks are not simulated here',
		responseForwarding: 'responseForwarding is not simulated here',
		serversTransport: 'serversTransport is not simulated here'
	})) {
		if (key === 'passHostHeader') svc.passHostHeader = y.bool(value, 'passHostHeader', at).value;
		else {
			hasServers = true;
			const items = y.seq(value, 'servers', at);
			if (items.length > LIMITS.servers) throw new ConfigError(at, `more than ${LIMITS.servers} servers`);
			for (const item of items) {
				const itemLine = y.lineOf(item, at);
				const server = y.map(item, 'a server', itemLine);
				// a non-empty map whose only allowed key is url: it has one
				for (const [, v, urlLine] of y.entries(server, 'a server', ['url'], { weight: 'server weights are not simulated here' })) {
					svc.servers.push(serverUrl(y.string(v, 'url', urlLine)));
				}
			}
		}
	}
	if (!hasServers) throw new ConfigError(line, "loadBalancer needs servers: - url: 'http://frontend:8080'");
	return svc;
}

function serverUrl({ value, line }: { value: string; line: number }): string {
	let u: URL;
	try {
		u = new URL(value);
	} catch {
		throw new ConfigError(line, `'${value}' is not a URL: write it as http://host:port`);
	}
	if (u.protocol === 'https:' || u.protocol === 'h2c:') throw new ConfigError(line, `${u.protocol}// servers are not simulated here: use http://`);
	if (u.protocol !== 'http:') throw new ConfigError(line, `server url '${value}' must start with http://`);
	if (u.hostname === '') throw new ConfigError(line, `server url '${value}' has no host`);
	if (u.hostname === 'traefik') throw new ConfigError(line, `server url '${value}' is traefik itself: every request would loop back to the proxy`);
	return value;
}

function routers(y: YamlReader, node: unknown, line: number, config: TraefikConfig): RouterConfig[] {
	const map = y.map(node, 'http.routers', line);
	const out: (RouterConfig & { order: number })[] = [];
	const entryNames = config.entryPoints.map((e) => e.name);
	for (const [name, value, at] of y.entries(map, 'http.routers', null)) {
		if (out.length >= LIMITS.routers) throw new ConfigError(at, `more than ${LIMITS.routers} routers`);
		checkName(name, 'router', at);
		const r = y.map(value, `router ${name}`, at);
		let rule: [string, Rule] | null = null;
		let service: string | null = null;
		let entryPoints: string[] | null = null;
		let priority = 0;
		for (const [key, v, keyLine] of y.entries(r, `router ${name}`, ROUTER_KEYS, {
			middlewares: 'router middlewares are not simulated here',
			tls: 'TLS is not simulated here'
		})) {
			if (key === 'rule') {
				const s = y.string(v, 'rule', keyLine);
				try {
					rule = [s.value, parseRule(s.value)];
				} catch (e) {
					if (e instanceof RuleError) throw new ConfigError(s.line, `rule ${JSON.stringify(s.value.slice(0, 80))}: ${e.message}`);
					throw e;
				}
			} else if (key === 'service') {
				const s = y.string(v, 'service', keyLine);
				service = serviceRef(s.value, s.line, config.services);
			} else if (key === 'priority') {
				const p = y.number(v, 'priority', keyLine);
				if (!Number.isInteger(p.value) || p.value < 0) throw new ConfigError(p.line, 'priority must be a whole number, 0 or more');
				priority = p.value;
			} else {
				entryPoints = y.seq(v, 'entryPoints', keyLine).map((item) => {
					const ep = y.string(item, 'an entry point name', keyLine);
					if (!entryNames.includes(ep.value)) throw new ConfigError(ep.line, `entry point ${ep.value} does not exist${didYouMean(ep.value, entryNames)}`);
					return ep.value;
				});
			}
		}
		if (rule === null) throw new ConfigError(at, `router ${name} needs a rule, e.g. rule: "Host(\`shop.local\`)"`);
		if (service === null) throw new ConfigError(at, `router ${name} needs a service`);
		out.push({ name: `${name}@file`, ruleText: rule[0], rule: rule[1], priority: priority || rule[0].length, service, entryPoints, order: out.length });
	}
	// longest rule (or highest priority) first; equal ones keep the file's order
	out.sort((a, b) => b.priority - a.priority || a.order - b.order);
	return out.map(({ order: _order, ...r }) => r);
}

/** `frontend` or `frontend@file` → `frontend@file`; it must be a service of this file. */
function serviceRef(ref: string, line: number, services: Map<string, ServiceConfig>): string {
	const at = ref.indexOf('@');
	const provider = at >= 0 ? ref.slice(at + 1) : 'file';
	const base = at >= 0 ? ref.slice(0, at) : ref;
	if (provider !== 'file') throw new ConfigError(line, `the service "${ref}" comes from the ${provider} provider, which is not simulated here: use a service of this file`);
	const name = `${base}@file`;
	if (!services.has(name)) {
		const known = [...services.values()].map((s) => s.name.slice(0, -'@file'.length));
		throw new ConfigError(line, `the service "${name}" does not exist${didYouMean(base, known)}`);
	}
	return name;
}

function checkName(name: string, what: string, line: number): void {
	if (name.includes('@')) throw new ConfigError(line, `a ${what} name cannot contain @ (Traefik adds @file itself): ${name}`);
	if (name.length > 100) throw new ConfigError(line, `the ${what} name is too long (at most 100 characters)`);
}

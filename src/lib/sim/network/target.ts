/** Where a request goes: host and port out of an absolute http URL, with http's default port. */
export interface Target {
	host: string;
	port: number;
	path: string;
	search: string;
}

/** The schemes the simulated network carries, with their well-known ports. */
export const SCHEME_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443, 'amqp:': 5672, 'redis:': 6379, 'mysql:': 3306 };

export function parseTarget(url: string): Target {
	let u: URL;
	try {
		u = new URL(url);
	} catch {
		throw new TypeError(`Invalid URL: ${url}`);
	}
	const defaultPort = Object.hasOwn(SCHEME_PORTS, u.protocol) ? SCHEME_PORTS[u.protocol] : undefined;
	if (defaultPort === undefined) {
		throw new TypeError(`The simulated network carries http://, amqp://, redis:// and mysql:// URLs, got ${u.protocol}//`);
	}
	const port = u.port ? Number(u.port) : defaultPort;
	return { host: u.hostname.toLowerCase(), port, path: u.pathname, search: u.search };
}

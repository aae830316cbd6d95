/** Where a request goes: host and port out of an absolute http URL, with http's default port. */
export interface Target {
	host: string;
	port: number;
	path: string;
	search: string;
}

/** The schemes the simulated network carries, with their well-known ports. */
export const SCHEME_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443, 'amqp:': 5672, 'redis:': 6379, 'mysql:': 3306 };

/**
 * Parsed URLs by their text: a run sends the same few URLs thousands of times (every publish and
 * ack of a queue goes to amqp://rabbitmq:5672/), and the URL parser was a tenth of the page's work.
 */
const parsed = new Map<string, Target>();
const PARSED_MAX = 256;

export function parseTarget(url: string): Target {
	const known = parsed.get(url);
	if (known) return { ...known };
	const t = parseUrl(url);
	if (parsed.size >= PARSED_MAX) parsed.clear();
	parsed.set(url, t);
	return { ...t };
}

function parseUrl(url: string): Target {
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

/** Where a request goes: host and port out of an absolute http URL, with http's default port. */
export interface Target {
	host: string;
	port: number;
	path: string;
	search: string;
}

export function parseTarget(url: string): Target {
	let u: URL;
	try {
		u = new URL(url);
	} catch {
		throw new TypeError(`Invalid URL: ${url}`);
	}
	if (u.protocol !== 'http:' && u.protocol !== 'https:') {
		throw new TypeError(`Only http:// URLs exist on the simulated network, got ${u.protocol}//`);
	}
	const port = u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80;
	return { host: u.hostname.toLowerCase(), port, path: u.pathname, search: u.search };
}

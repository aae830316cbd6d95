// `npm start`'s server (scripts/start.ts): serves build/ as a workshop needs it. Node only; never
// imported by the app.
//
// A room of thirty shares one link, often to the host's laptop. So: the build's precompressed copies
// (src/lib/course/precompress.js) go to browsers that accept them, and hashed files are cached for a
// year so a reload or the next step asks for nothing. Pages, __data.json and service-worker.js are
// revalidated on every use (ETag → 304): a new build must reach everyone.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import sirv from 'sirv';

export const DEFAULT_PORT = 4173;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Cache-Control for a request path: hashed files forever, everything else revalidated. */
export function cacheControlFor(pathname: string): string {
	return pathname.startsWith('/_app/immutable/') ? IMMUTABLE : 'no-cache';
}

export interface SiteOptions {
	/** false: `/service-worker.js` answers 404, so no browser installs the offline copy (~25 MB each) */
	offline?: boolean;
	/** false: never the .br/.gz copies (the cold-start bench's baseline) */
	compressed?: boolean;
}

/** The request handler: build/ through sirv, compressed when the browser accepts it. */
export function siteHandler(root: string, { offline = true, compressed = true }: SiteOptions = {}) {
	const assets = sirv(root, {
		extensions: ['html'],
		brotli: compressed,
		gzip: compressed,
		etag: true,
		dev: false,
		setHeaders(res, pathname) {
			res.setHeader('Cache-Control', cacheControlFor(pathname));
			// hosts that do not know .wasm send octet-stream, which instantiateStreaming refuses
			if (pathname.endsWith('.wasm')) res.setHeader('Content-Type', 'application/wasm');
		}
	});
	return (req: IncomingMessage, res: ServerResponse) => {
		const path = (req.url ?? '/').split('?')[0];
		if (!offline && path === '/service-worker.js') return notFound(res);
		// a byte range of the compressed file would be a range of the wrong bytes: ranges get the raw file
		if (req.headers.range) delete req.headers['accept-encoding'];
		assets(req, res, () => notFound(res));
	};
}

function notFound(res: ServerResponse) {
	res.statusCode = 404;
	res.setHeader('Content-Type', 'text/plain; charset=utf-8');
	res.setHeader('Cache-Control', 'no-cache');
	res.end('Not found');
}

export interface StartOptions {
	/** the address to bind: 127.0.0.1 by default, 0.0.0.0 with a bare `--host` */
	host: string;
	port: number;
	offline: boolean;
}

/**
 * `npm start -- [--host [address]] [--port N] [--no-offline]`. A bare `--host` binds every
 * interface, as vite's flag of the same name did; without it only this machine can connect.
 */
export function parseStartArgs(argv: string[]): StartOptions {
	const options: StartOptions = { host: '127.0.0.1', port: DEFAULT_PORT, offline: true };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split(/=(.*)/s, 2);
		const value = () => inline ?? (argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : undefined);
		if (flag === '--host') options.host = value() ?? '0.0.0.0';
		else if (flag === '--port') {
			const port = Number(value());
			if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port needs a port number, got ${argv[i]}`);
			options.port = port;
		} else if (flag === '--no-offline' || (flag === '--offline' && inline === 'false')) options.offline = false;
		else throw new Error(`unknown option ${argv[i]} (use --host [address], --port N, --no-offline)`);
	}
	return options;
}

type Interfaces = ReturnType<typeof networkInterfaces>;

/** The URLs to give learners: this machine's non-loopback addresses (IPv4 first; IPv6 without link-local). */
export function lanUrls(port: number, interfaces: Interfaces = networkInterfaces()): string[] {
	const v4: string[] = [];
	const v6: string[] = [];
	for (const list of Object.values(interfaces)) {
		for (const a of list ?? []) {
			if (a.internal) continue;
			if (a.family === 'IPv4') v4.push(`http://${a.address}:${port}/`);
			else if (!/^fe80:/i.test(a.address)) v6.push(`http://[${a.address}]:${port}/`);
		}
	}
	return [...v4, ...v6];
}

/** The server, listening. Fails (EADDRINUSE) rather than moving to another port: the address is printed on a slide. */
export async function startSite(root: string, { host, port, offline }: StartOptions): Promise<{ server: Server; port: number }> {
	const server = createServer(siteHandler(root, { offline }));
	await new Promise<void>((ok, fail) => {
		server.once('error', fail);
		server.listen(port, host, () => (server.off('error', fail), ok()));
	});
	const address = server.address();
	return { server, port: typeof address === 'object' && address ? address.port : port };
}

// Serves build/ (the static site) the way a static host would. Used by the browser tests and benches.
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import sirv from 'sirv';

export const BUILD_DIR = resolve(import.meta.dirname, '../../build');

export async function serveBuild(port = 0): Promise<{ server: Server; origin: string; close(): Promise<void> }> {
	if (!existsSync(BUILD_DIR)) throw new Error(`No build at ${BUILD_DIR}: run \`npm run build\` first.`);
	const assets = sirv(BUILD_DIR, {
		extensions: ['html'],
		dev: false,
		etag: true,
		setHeaders(res, pathname) {
			if (pathname.endsWith('.wasm')) res.setHeader('Content-Type', 'application/wasm');
		}
	});
	const server = createServer((req, res) =>
		assets(req, res, () => {
			res.statusCode = 404;
			res.end('Not found');
		})
	);
	await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
	const address = server.address();
	const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
	return { server, origin, close: () => new Promise((ok) => server.close(() => ok())) };
}

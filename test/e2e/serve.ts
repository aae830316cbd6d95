// Serves build/ (the static site) as `npm start` does — precompressed copies, its cache headers —
// so the browser tests cover what a workshop gets (e.g. the service worker checking decoded bytes
// of compressed responses). Used by the browser tests and benches.
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { siteHandler } from '../../src/lib/course/site-server';

export const BUILD_DIR = resolve(import.meta.dirname, '../../build');

export async function serveBuild(port = 0): Promise<{ server: Server; origin: string; close(): Promise<void> }> {
	if (!existsSync(BUILD_DIR)) throw new Error(`No build at ${BUILD_DIR}: run \`npm run build\` first.`);
	const server = createServer(siteHandler(BUILD_DIR));
	await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
	const address = server.address();
	const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
	return { server, origin, close: () => new Promise((ok) => server.close(() => ok())) };
}

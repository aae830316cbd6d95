// Runs one service of the project: `node --import tsx tour/run-service.js <file> [arguments…]`.
// As in the browser: the file's top level runs, then its `main` if it exports one. A client ends the
// way a Node program does (nothing left to do), then its tracers are closed so every span is sent.
// A server runs until `npm start` stops it (SIGTERM), then closes its servers and tracers.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { held, closeServers, closeTracers } from './lifecycle.js';

const [file, ...args] = process.argv.slice(2);
const path = resolve(file);
// the program sees its own command line: process.argv[2] is its first argument
process.argv = [process.argv[0], path, ...args];
// the link to `npm start` must not keep a finished client alive
process.channel?.unref();
const tell = (msg) => process.send?.(msg);

let closing = false;
async function finish(code) {
	if (closing) return;
	closing = true;
	closeServers();
	await closeTracers();
	process.exit(code);
}
process.on('beforeExit', () => finish(process.exitCode ?? 0));
process.on('SIGTERM', () => finish(process.exitCode ?? 0));
process.on('SIGINT', () => finish(130));

let mod = {};
try {
	mod = await import(pathToFileURL(path).href);
	await Promise.all(held.listening);
} catch (e) {
	console.error(`Uncaught ${e?.stack ?? e}`);
	await finish(1);
}
tell({ tour: 'ready' });
if (typeof mod.main === 'function') {
	try {
		await mod.main();
	} catch (e) {
		console.error(`Uncaught ${e?.stack ?? e}`);
		process.exitCode = 1;
	}
}

// `npm start` (after `npm run build`, its prestart): serves build/ on http://localhost:4173, or to
// the room with `npm start -- --host`. The rules are in src/lib/course/site-server.ts.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { lanUrls, parseStartArgs, startSite } from '../src/lib/course/site-server.ts';

const root = resolve(import.meta.dirname, '../build');
if (!existsSync(resolve(root, 'index.html'))) {
	console.error(`No build at ${root}: run \`npm run build\` first.`);
	process.exit(1);
}

let options;
try {
	options = parseStartArgs(process.argv.slice(2));
} catch (e) {
	console.error((e as Error).message);
	process.exit(2);
}

try {
	const { port } = await startSite(root, options);
	const everywhere = options.host === '0.0.0.0' || options.host === '::';
	const local = `http://${everywhere || options.host === '127.0.0.1' ? 'localhost' : options.host}:${port}/`;
	console.log(`\n  Trace Tour is served on ${local}`);
	if (everywhere) {
		const urls = lanUrls(port);
		if (urls.length) console.log(`  Give learners: ${urls.join('  or  ')}`);
		else console.log('  No network address found: is this machine on the room’s Wi-Fi?');
	} else if (/^(127\.|::1$|localhost$)/.test(options.host)) {
		console.log('  (only this machine can connect; `npm start -- --host` serves the room)');
	} else {
		console.log(`  Give learners: ${local}`);
	}
	if (!options.offline) console.log('  Offline copy off (--no-offline): browsers will not download the ~25 MB precache.');
	console.log('');
} catch (e) {
	const err = e as NodeJS.ErrnoException;
	console.error(err.code === 'EADDRINUSE' ? `Port ${options.port} is in use: stop the other server, or pick one with \`npm start -- --port 4174\`.` : err.message);
	process.exit(1);
}

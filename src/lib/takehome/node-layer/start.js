// `npm start`: the services of this project, as the browser ran them. The servers start first; once
// each has run its top level (its ports open), the clients start with the arguments (those of
// project.json, or the ones after `npm start --`). When every client has ended, the servers are
// stopped; each prints through a `service │` prefix like the Console did.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { project } from './hosts.js';

const runner = fileURLToPath(new URL('./run-service.js', import.meta.url));
const given = process.argv.slice(2);
const args = given.length ? given : project.args;
const width = Math.max(...project.services.map((s) => s.name.length));

function start(service, argv) {
	const child = spawn(process.execPath, ['--import', 'tsx', runner, service.file, ...argv], {
		stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
		env: { ...process.env, TOUR_SERVICE: service.name }
	});
	const prefix = `${service.name.padEnd(width)} │ `;
	createInterface({ input: child.stdout }).on('line', (l) => process.stdout.write(prefix + l + '\n'));
	createInterface({ input: child.stderr }).on('line', (l) => process.stderr.write(prefix + l + '\n'));
	const ready = new Promise((resolve) => {
		child.on('message', (m) => m?.tour === 'ready' && resolve());
		child.on('exit', resolve);
	});
	const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
	return { child, ready, exited };
}

const clients = project.services.filter((s) => project.clients.includes(s.name));
const servers = project.services.filter((s) => !project.clients.includes(s.name)).map((s) => start(s, []));
await Promise.all(servers.map((s) => s.ready));
const codes = await Promise.all(clients.map((s) => start(s, args).exited));
for (const s of servers) s.child.kill('SIGTERM');
await Promise.all(servers.map((s) => s.exited));
process.exit(Math.max(0, ...codes));

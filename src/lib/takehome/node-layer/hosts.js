// Where the simulated world's host names are on this machine: every service of the project and every
// server the world ran (rabbitmq, redis, mysql, jaeger-agent …) is on localhost, the first ones started
// by `npm start`, the others by `docker compose up`. TOUR_HOST_<NAME>=address moves one elsewhere.
import { readFileSync } from 'node:fs';

const project = JSON.parse(readFileSync(new URL('./project.json', import.meta.url), 'utf8'));
const known = new Set([...project.services.map((s) => s.name), ...project.worldHosts]);

/** 'formatter' → '127.0.0.1'; a name the world did not have is left as it is. */
export function localHost(host) {
	const name = String(host).toLowerCase();
	const moved = process.env[`TOUR_HOST_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`];
	if (moved) return moved;
	return known.has(name) ? '127.0.0.1' : host;
}

/** A URL whose host is a service name → the same URL on this machine. */
export function localUrl(url) {
	const u = new URL(String(url));
	u.hostname = localHost(u.hostname);
	return u.toString();
}

export { project };

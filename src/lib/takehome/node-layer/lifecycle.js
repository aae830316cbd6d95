// What a service holds open (servers, tracers), so run-service.js can close it all at the end: a client
// when its work is done, a server when `npm start` stops it.
const servers = new Set();
const tracers = new Set();
const listening = [];

export const held = { servers, tracers, listening };

/** Flushes every tracer's spans (jaeger-client sends what is queued on close). */
export function closeTracers() {
	return Promise.all([...tracers].map((t) => new Promise((resolve) => t.close(resolve))));
}

export function closeServers() {
	for (const s of servers) s.close();
	servers.clear();
}

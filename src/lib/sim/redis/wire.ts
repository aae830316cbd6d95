// How Redis commands ride the simulated network, shared by the host and the `tour/redis` client.
//
// A command is one request: method = the command name upper-case (LPUSH), url = redis://redis:6379/,
// body = a JSON array of its arguments as strings (["jobs","{…}"]), header `redis-client` = the
// connection's address `<service>:<local port>` (the address pub/sub messages are pushed to).
// The answer is status 200 with a JSON body: {"ok": <reply>} or {"error": "WRONGTYPE …"} — Redis's
// replies as RESP would carry them (strings, integers, null, arrays). Any other status means the
// connection itself failed (a fault, the server closing it) and the client says so as node-redis does.
// A published message is a request from host `redis` to the subscriber's address: method MESSAGE,
// body ["<channel>","<message>"].

/** A Redis reply as RESP2 carries it: bulk/simple strings, integers, nil, arrays. */
export type RedisReply = string | number | null | RedisReply[];

export const CLIENT_HEADER = 'redis-client';
export const MESSAGE_METHOD = 'MESSAGE';
export const REDIS_HOST = 'redis';
export const REDIS_PORT = 6379;
export const DEFAULT_REDIS_URL = `redis://${REDIS_HOST}:${REDIS_PORT}`;

export type WireReply = { ok: RedisReply } | { error: string };

export function encodeReply(r: WireReply): string {
	return JSON.stringify(r);
}

function isReply(x: unknown, depth = 0): x is RedisReply {
	if (x === null || typeof x === 'string' || typeof x === 'number') return true;
	return depth < 4 && Array.isArray(x) && x.every((y) => isReply(y, depth + 1));
}

/** The body of a 200 answer; null when it is not a reply at all (then the connection is broken). */
export function decodeReply(body: string): WireReply | null {
	let x: unknown;
	try {
		x = JSON.parse(body);
	} catch {
		return null;
	}
	if (typeof x !== 'object' || x === null || Array.isArray(x)) return null;
	if (Object.hasOwn(x, 'error') && typeof (x as { error: unknown }).error === 'string') return { error: (x as { error: string }).error };
	if (Object.hasOwn(x, 'ok') && isReply((x as { ok: unknown }).ok)) return { ok: (x as { ok: RedisReply }).ok };
	return null;
}

/** A connection's address `service:port`, or null when the header is missing or malformed. */
export function parseClientAddr(value: string | undefined): { host: string; port: number; addr: string } | null {
	if (typeof value !== 'string' || value.length > 80) return null;
	const i = value.lastIndexOf(':');
	if (i <= 0) return null;
	const host = value.slice(0, i);
	const port = Number(value.slice(i + 1));
	if (!/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(host) || !Number.isInteger(port) || port < 1 || port > 65535) return null;
	return { host, port, addr: `${host}:${port}` };
}

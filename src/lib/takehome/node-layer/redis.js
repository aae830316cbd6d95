// `tour/redis` on Node: node-redis v4 itself (the course's client has its shape), pointed at this
// machine's Redis (docker compose's `redis`).
import * as redis from 'redis';
import { localHost, localUrl } from './hosts.js';

export function createClient(options = {}) {
	const o = { ...options };
	if (o.url) o.url = localUrl(o.url);
	else o.socket = { ...(o.socket ?? {}), host: localHost(o.socket?.host ?? 'redis') };
	return redis.createClient(o);
}
export const { ErrorReply, ClientClosedError, SocketClosedUnexpectedlyError, DisconnectsClientError } = redis;

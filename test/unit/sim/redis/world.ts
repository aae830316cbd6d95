// A network with the simulated Redis on it, and `tour/redis` modules for services on that network,
// wired as a service worker wires them (requests go out under the service's name).
import { createNetwork, createRedisModule, startRedis, type LinkRule, type Network, type RedisHost, type RunningRedis } from '../../../../src/lib/sim';

export interface RedisWorld {
	net: Network;
	redis: RunningRedis;
	/** `tour/redis` as `service` gets it */
	module(service: string): ReturnType<typeof createRedisModule>;
	/** what listeners threw, per service */
	errors: unknown[];
	/** the run's clock, when a test moves it */
	clock: { t: number };
}

export function redisWorld(options: { links?: LinkRule[]; manualClock?: boolean } = {}): RedisWorld {
	const net = createNetwork({ links: options.links });
	const clock = { t: 0 };
	const redis = startRedis(net, undefined, options.manualClock ? { now: () => clock.t } : {});
	const errors: unknown[] = [];
	const module = (service: string) => {
		net.addHost(service);
		let next = 32768;
		const closers = new Map<number, () => void>();
		const wire: RedisHost = {
			service,
			send: (req) => net.request(service, req),
			listen: (port, handler) => void closers.set(port, net.listen(service, port, (req) => handler(req))),
			close: (port) => {
				closers.get(port)?.();
				closers.delete(port);
			},
			ephemeralPort: () => next++,
			handlerError: (e) => void errors.push(e)
		};
		return createRedisModule(wire);
	};
	return { net, redis, module, errors, clock };
}

export async function connected(w: RedisWorld, service = 'app') {
	return w.module(service).createClient({ url: 'redis://redis:6379' }).connect();
}

export const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

/** a raw request to redis:6379, as hand-crafted learner code could send it */
export function raw(w: RedisWorld, method: string, body: string, headers: Record<string, string> = {}, url = 'redis://redis:6379/') {
	return w.net.request('evil', { method, url, headers, body });
}

import * as Comlink from 'comlink';
import { isNetworkError, type Network } from '$lib/sim';
import type { HostApi, SendResult } from '../service/protocol';
import type { ServiceLink } from './service-handle';
import type { MappedError } from '../sourcemap/stack';

export interface HostEvents {
	output(service: string, lines: { stream: 'out' | 'err' | 'system'; text: string }[]): void;
	error(service: string, err: MappedError, where: string): void;
}

/**
 * The world's side of one service: its requests go on the network under its name, its ports route
 * to its worker. Returned as a comlink proxy so every call from the worker comes in order.
 */
export function createServiceHost(service: string, handle: ServiceLink, network: Network, events: HostEvents) {
	const closers = new Map<number, () => void>();
	const host: HostApi = {
		async send(req): Promise<SendResult> {
			try {
				return { ok: true, response: await network.request(service, req) };
			} catch (e) {
				if (isNetworkError(e)) return { ok: false, error: { code: e.code, hostname: e.hostname, port: e.port } };
				return { ok: false, error: { message: e instanceof Error ? e.message : String(e) } };
			}
		},
		async listen(port) {
			try {
				closers.set(port, network.listen(service, port, (req) => handle.call((api) => api.handle(port, req))));
				return { ok: true };
			} catch {
				return { ok: false, message: `listen EADDRINUSE: port ${port} is already in use` };
			}
		},
		unlisten(port) {
			closers.get(port)?.();
			closers.delete(port);
		},
		output: (lines) => events.output(service, lines),
		error: (err, where) => events.error(service, err, where)
	};
	return {
		proxy: Comlink.proxy(host),
		ports: () => [...closers.keys()],
		closeAll() {
			for (const c of closers.values()) c();
			closers.clear();
		}
	};
}

import { isNetworkError, type Network } from '$lib/sim';
import type { HostApi, SendResult } from '../service/protocol';
import type { ServiceLink } from './service-handle';
import type { RequestGuard } from './request-guard';
import type { MappedError } from '../sourcemap/stack';
import type { RunErrorKind } from './types';

export interface HostEvents {
	output(service: string, lines: { stream: 'out' | 'err' | 'system'; text: string }[]): void;
	error(service: string, err: MappedError, where: RunErrorKind): void;
	/** the service called process.exit(status): the world ends it */
	exit(service: string, status: number): void;
}

/**
 * The world's side of one service: its requests go on the network under its name, its ports route
 * to its worker. Called only with what the service's link has checked.
 */
export function createServiceHost(service: string, handle: ServiceLink, network: Network, events: HostEvents, guard: RequestGuard) {
	const closers = new Map<number, () => void>();
	const host: HostApi = {
		async send(req): Promise<SendResult> {
			const datagram = network.isDatagram(req.url);
			const release = datagram ? guard.enterDatagram(service, req.url) : guard.enter(service, req.url);
			if (!release && datagram && !guard.stopped) return { ok: false, error: { message: 'UDP packet dropped: too many packets on their way' } };
			if (!release) return { ok: false, error: { message: 'the run was stopped: too many requests in flight' } };
			try {
				return { ok: true, response: await network.request(service, req) };
			} catch (e) {
				if (isNetworkError(e)) return { ok: false, error: { code: e.code, hostname: e.hostname, port: e.port } };
				return { ok: false, error: { message: e instanceof Error ? e.message : String(e) } };
			} finally {
				release();
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
		// a stopped service has had its say: whatever it still sends would come after "Run stopped."
		output: (lines) => void (handle.stopped || events.output(service, lines)),
		error: (err, where) => void (handle.stopped || events.error(service, err, where)),
		exit: (status) => void (handle.stopped || events.exit(service, status))
	};
	return {
		api: host,
		ports: () => [...closers.keys()],
		closeAll() {
			for (const c of closers.values()) c();
			closers.clear();
		}
	};
}

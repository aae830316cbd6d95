// A run's network with the broker on it and services that use tour/amqp directly (no workers), so
// the tests see the same requests a run does.
import { createNetwork, amqpBrokerKind, createAmqpModule, type LinkRule, type RunningHost, type SimRequest } from '../../../../src/lib/sim';

export function amqpWorld(links: LinkRule[] = []) {
	const net = createNetwork({ links, maxRecords: 200_000 });
	const printed: string[] = [];
	const host = amqpBrokerKind.start(net, { files: {}, print: (_h, _s, text) => printed.push(text), fail() {} }) as RunningHost;
	const errors: { service: string; error: unknown; req: SimRequest }[] = [];
	let nextPort = 40000;
	const ports = new Map<string, Map<number, () => void>>();
	const stats = { maxInFlight: 0 };
	function service(name: string) {
		net.addHost(name);
		const closers = new Map<number, () => void>();
		ports.set(name, closers);
		let inFlight = 0;
		return createAmqpModule({
			service: name,
			async send(req) {
				inFlight++;
				stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
				try {
					return await net.request(name, req);
				} finally {
					inFlight--;
				}
			},
			listen: (port, handler) => closers.set(port, net.listen(name, port, (req) => handler(req))),
			close(port) {
				closers.get(port)?.();
				closers.delete(port);
			},
			ephemeralPort: () => nextPort++,
			handlerError: (error, req) => errors.push({ service: name, error, req })
		});
	}
	/** what a hand-crafted request gets back */
	const raw = (method: string, body: unknown, url = 'amqp://rabbitmq:5672/') =>
		net.request('mallory', { method, url, headers: {}, body: typeof body === 'string' ? body : JSON.stringify(body) });
	net.addHost('mallory');
	/** the service stops: its ports close, as when its worker goes away */
	const kill = (name: string) => {
		for (const close of ports.get(name)?.values() ?? []) close();
	};
	return { net, printed, errors, stats, service, raw, kill, stop: () => host.stop() };
}

export const texts = (msgs: { content: { toString(): string } }[]) => msgs.map((m) => m.content.toString());

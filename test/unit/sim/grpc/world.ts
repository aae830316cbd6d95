// A small world for gRPC tests: services on one simulated network, each with the tour/grpc module
// built on its own WireHost, and the handler crashes each service reported.
import { createGrpcModule, createNetwork, type LinkRule, type Network, type WireHost } from '../../../../src/lib/sim';

export function grpcWorld(links: LinkRule[] = []) {
	const network: Network = createNetwork({ links });
	const crashes: { service: string; error: unknown }[] = [];
	const hostOf = (service: string): WireHost => {
		network.addHost(service);
		let ephemeral = 32768;
		const closers = new Map<number, () => void>();
		return {
			service,
			send: (req) => network.request(service, req),
			listen: (port, handler) => void closers.set(port, network.listen(service, port, handler)),
			close: (port) => closers.get(port)?.(),
			ephemeralPort: () => ephemeral++,
			handlerError: (error) => void crashes.push({ service, error }),
			setTimeout: (fn, ms) => setTimeout(fn, ms),
			clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>)
		};
	};
	return {
		network,
		crashes,
		service(name: string) {
			const host = hostOf(name);
			return { host, grpc: createGrpcModule(host) };
		}
	};
}

import type { WorldHostKind } from '../world/types';
import { createBroker } from './broker';
import { BROKER_HOST, BROKER_PORT } from './protocol';

/** `rabbitmq:5672`, started fresh for every run. */
export const amqpBrokerKind: WorldHostKind = {
	hosts: [BROKER_HOST],
	start(network, ctx) {
		const broker = createBroker(network, { print: (stream, text) => ctx.print(BROKER_HOST, stream, text) });
		const close = network.listen(BROKER_HOST, BROKER_PORT, (req, ex) => broker.handle(req, ex), 'service');
		return {
			stop() {
				broker.stop();
				close();
			}
		};
	}
};

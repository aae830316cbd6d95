// The playground's RabbitMQ example, run as the browser runs it: one trace from the shop through the
// broker to the worker, the consumer following from the producer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amqpExample } from '../../../../src/routes/playground/examples/amqp';
import { runWorld, setUpWorld, tearDownWorld } from '../../lessons/world';

beforeAll(setUpWorld);
afterAll(tearDownWorld);

describe('playground example: amqp', () => {
	it('one trace connects shop and worker through rabbitmq', async () => {
		const r = await runWorld(amqpExample.files, { 'shop.ts': 'shop', 'worker.ts': 'worker' }, amqpExample.args);
		expect(r.errors).toEqual([]);
		expect(r.console.filter((l) => !l.text.startsWith('Reporting span'))).toContainEqual({ service: 'worker', stream: 'out', text: 'preparing espresso' });
		expect(r.traces).toHaveLength(1);
		const spans = r.traces[0].spans;
		const byName = Object.fromEntries(spans.map((s) => [s.operationName, s]));
		expect(Object.keys(byName).sort()).toEqual(['place-order', 'process orders', 'send orders']);
		const send = byName['send orders'];
		const process = byName['process orders'];
		expect(send.tags).toContainEqual({ key: 'span.kind', type: 'string', value: 'producer' });
		expect(send.tags).toContainEqual({ key: 'message_bus.destination', type: 'string', value: 'orders' });
		expect(process.tags).toContainEqual({ key: 'span.kind', type: 'string', value: 'consumer' });
		expect(process.references).toMatchObject([{ refType: 'FOLLOWS_FROM', spanID: send.spanID }]);
		const publish = r.network.find((n) => n.method === 'basic.publish');
		expect(publish?.requestHeaders['uber-trace-id']).toMatch(/^[0-9a-f]+:[0-9a-f]+:[0-9a-f]+:\d$/);
		expect(r.network.some((n) => n.method === 'basic.deliver' && n.from === 'rabbitmq')).toBe(true);
	});
});

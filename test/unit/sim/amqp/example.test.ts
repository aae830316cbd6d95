// The playground's RabbitMQ example, run as the browser runs it: one trace from the shop through the
// broker to the worker, the consumer following from the producer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amqpExample } from '../../../../src/routes/playground/examples/amqp';
import { createWorldHosts, WORLD_HOST_KINDS } from '../../../../src/lib/sim';
import { startWorld } from '../../../../src/lib/runner';
import { inProcessBackend, inProcessPool, nodeCompiler } from '../../lessons/in-process';
import { runWorld, setUpWorld, tearDownWorld, worldDir } from '../../lessons/world';

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

	it('a queue nobody consumes does not keep the run open; the broker says what was left', async () => {
		const producer = `import { connect } from 'tour/amqp';
export async function main() {
  const conn = await connect('amqp://rabbitmq:5672');
  const ch = await conn.createChannel();
  await ch.assertQueue('jobs');
  ch.sendToQueue('jobs', 'a');
  ch.sendToQueue('jobs', 'b');
  await conn.close();
}
`;
		const backend = inProcessBackend();
		try {
			const deps = { compiler: nodeCompiler, pool: inProcessPool(worldDir()), hosts: [backend, createWorldHosts(WORLD_HOST_KINDS)] };
			const r = await startWorld(deps, { files: { 'producer.ts': producer }, services: { 'producer.ts': 'producer' } }).result;
			expect(r.errors).toEqual([]);
			expect(r.timedOut).toBe(false);
			expect(r.console.map(({ service, stream, text }) => ({ service, stream, text }))).toContainEqual({ service: 'rabbitmq', stream: 'system', text: "2 messages left in queue 'jobs'" });
		} finally {
			backend.dispose();
		}
	});
});

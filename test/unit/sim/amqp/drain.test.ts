import { describe, expect, it } from 'vitest';
import { amqpWorld } from './harness';

describe('throughput', () => {
	it('drains 10,000 messages in order, with a bounded number of requests in flight', async () => {
		const w = amqpWorld();
		const pub = await (await w.service('producer').connect('amqp://rabbitmq:5672')).createChannel();
		await pub.assertQueue('bulk');
		const sub = await (await w.service('worker').connect('amqp://rabbitmq:5672')).createChannel();
		await sub.prefetch(50);
		let n = 0;
		let inOrder = true;
		await sub.consume('bulk', (m) => {
			if (m!.content.toString() !== String(n)) inOrder = false;
			n++;
			sub.ack(m!);
		});
		const t = performance.now();
		for (let i = 0; i < 10_000; i++) pub.sendToQueue('bulk', String(i));
		await w.net.idle();
		const ms = performance.now() - t;
		expect(n).toBe(10_000);
		expect(inOrder).toBe(true);
		expect(ms).toBeLessThan(15_000);
		// the run stops past 256 requests in flight: publishes go 32 at a time, deliveries ≤ 16 per consumer
		expect(w.stats.maxInFlight).toBeLessThan(128);
	}, 30_000);
});

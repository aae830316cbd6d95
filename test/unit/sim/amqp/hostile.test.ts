// Anything a service sends is untrusted: a share link can hand-craft requests to rabbitmq:5672.
import { describe, expect, it } from 'vitest';
import { createNetwork, createBroker, AMQP_LIMITS, type Exchange, type SimRequest } from '../../../../src/lib/sim';
import { amqpWorld } from './harness';

const ex: Exchange = { note() {}, park() {} };
const req = (method: string, body: unknown): SimRequest => ({ method, url: 'amqp://rabbitmq:5672/', headers: {}, body: JSON.stringify(body) });

function direct() {
	const b = createBroker(createNetwork());
	const call = (method: string, body: unknown) => {
		const r = b.handle(req(method, body), ex);
		return { status: r.status, body: JSON.parse(r.body) as Record<string, unknown> };
	};
	const conn = call('connection.open', { host: 'app', port: 40000 }).body.connection as string;
	const channel = call('channel.open', { connection: conn }).body.channel as number;
	return { b, call, at: { connection: conn, channel } };
}

describe('hostile requests to the broker', () => {
	it('answers garbage with AMQP errors and keeps working', async () => {
		const w = amqpWorld();
		const cases: [string, string][] = [
			['basic.publish', 'not json'],
			['basic.publish', '[1,2]'],
			['basic.publish', 'null'],
			['__proto__', '{}'],
			['constructor', '{}'],
			['hasOwnProperty', '{}'],
			['basic.publish', JSON.stringify({ connection: '__proto__', channel: 1, content: 'x' })],
			['connection.open', JSON.stringify({ host: '../../etc', port: 1 })],
			['connection.open', JSON.stringify({ host: 'ok', port: 1e9 })],
			['basic.ack', JSON.stringify({ connection: { toString: 1 }, deliveryTag: 'x' })],
			['basic.publish', 'x'.repeat(AMQP_LIMITS.messageBytes * 2 + 10)]
		];
		for (const [method, body] of cases) {
			const res = await w.raw(method, body);
			expect(res.status, `${method} ${body.slice(0, 40)}`).toBeGreaterThanOrEqual(400);
			expect(JSON.parse(res.body)).toMatchObject({ code: res.status });
		}
		const ch = await (await w.service('app').connect('amqp://rabbitmq:5672')).createChannel();
		await expect(ch.assertQueue('still-fine')).resolves.toMatchObject({ queue: 'still-fine' });
	});

	it('checks every field of a publish: header names like __proto__ are just headers; bad types are refused', () => {
		const { call, at } = direct();
		call('queue.declare', { ...at, queue: 'q' });
		const weird = JSON.parse('{"__proto__": "x", "constructor": "y"}') as unknown;
		expect(call('basic.publish', { ...at, routingKey: 'q', content: 'a', properties: { headers: weird } }).status).toBe(200);
		expect(call('basic.publish', { ...at, routingKey: 'q', content: 'a', properties: { headers: { a: { nested: 1 } } } }).status).toBe(502);
		expect(call('basic.publish', { ...at, routingKey: 'q', content: 'a', properties: { messageId: 42 } }).status).toBe(502);
		expect(call('basic.publish', { ...at, routingKey: 'q', content: 'a', properties: { headers: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`h${i}`, 'v'])) } }).status).toBe(502);
		expect(call('basic.publish', { ...at, routingKey: 'q', content: 'a', properties: { headers: { big: 'v'.repeat(5000) } } }).status).toBe(502);
		expect(call('basic.publish', { ...at, routingKey: 'q' }).status).toBe(502);
		expect(call('basic.publish', { ...at, routingKey: 'q', content64: '!!!' }).status).toBe(502);
		expect(call('basic.publish', { ...at, routingKey: 'q'.repeat(300), content: 'a' }).status).toBe(502);
		expect(call('basic.ack', { ...at, deliveryTag: -1 }).status).toBe(502);
		expect(call('basic.qos', { ...at, prefetchCount: 1.5 }).status).toBe(502);
		expect(b_stats(call, at)).toBe(1);
	});

	it('caps queues, and messages per queue, with clear errors', () => {
		const { b, call, at } = direct();
		for (let i = 0; i < AMQP_LIMITS.queues; i++) expect(call('queue.declare', { ...at, queue: `q${i}` }).status).toBe(200);
		const over = call('queue.declare', { ...at, queue: 'one-too-many' });
		expect(over.status).toBe(506);
		expect(over.body.text).toMatch(/more than 1000 queues/);
		const ch2 = call('channel.open', { connection: at.connection }).body.channel;
		const at2 = { ...at, channel: ch2 };
		for (let i = 0; i < AMQP_LIMITS.messagesPerQueue; i++) call('basic.publish', { ...at2, routingKey: 'q0', content: '' });
		const full = call('basic.publish', { ...at2, routingKey: 'q0', content: '' });
		expect(full.status).toBe(406);
		expect(full.body).toMatchObject({ text: "PRECONDITION_FAILED - queue 'q0' is full: the simulated broker holds at most 100000 messages per queue", closes: 'none' });
		expect(b.stats('q0')).toEqual({ ready: AMQP_LIMITS.messagesPerQueue, unacked: 0, consumers: 0 });
		b.stop();
	});

	it('caps connections and channels', () => {
		const { call, at } = direct();
		let last = 0;
		for (let i = 0; i < 70; i++) last = call('channel.open', { connection: at.connection }).status;
		expect(last).toBe(530);
		let status = 0;
		for (let i = 0; i < 300; i++) status = call('connection.open', { host: 'app', port: 40000 + i }).status;
		expect(status).toBe(530);
	});
});

function b_stats(call: (m: string, b: unknown) => { status: number; body: Record<string, unknown> }, at: object): number {
	return call('queue.declare', { ...at, queue: 'q', passive: true }).body.messageCount as number;
}

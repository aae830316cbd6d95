import { describe, expect, it } from 'vitest';
import { topicMatches } from '../../../../src/lib/sim/amqp/topic';
import { amqpWorld } from './harness';

describe('topic patterns', () => {
	it.each([
		['*.orange.*', 'quick.orange.rabbit', true],
		['*.orange.*', 'quick.orange.male.rabbit', false],
		['*.*.rabbit', 'lazy.orange.rabbit', true],
		['lazy.#', 'lazy', true],
		['lazy.#', 'lazy.a.b.c', true],
		['lazy.#', 'lazier.a', false],
		['#', '', true],
		['#', 'a.b', true],
		['*', '', false],
		['a.#.z', 'a.z', true],
		['a.#.z', 'a.b.c.z', true],
		['a.#.z', 'a.b.c', false],
		['#.#', 'x', true],
		['a.*.#', 'a', false],
		['a.*.#', 'a.b', true]
	])('%s vs %s → %s', (pattern, key, want) => {
		expect(topicMatches(pattern, key)).toBe(want);
	});

	it('does not backtrack on hostile patterns', () => {
		const pattern = Array(127).fill('#').join('.') + '.x';
		const key = Array(127).fill('a').join('.');
		const t = performance.now();
		for (let i = 0; i < 100; i++) expect(topicMatches(pattern, key)).toBe(false);
		expect(performance.now() - t).toBeLessThan(1000);
	});
});

describe('exchanges', () => {
	it('routes topic, fanout and direct; default exchange by queue name', async () => {
		const w = amqpWorld();
		const ch = await (await w.service('app').connect('amqp://rabbitmq:5672')).createChannel();
		const got = new Map<string, string[]>();
		for (const q of ['orange', 'rabbits', 'all-a', 'all-b', 'errors', 'infos']) {
			await ch.assertQueue(q);
			got.set(q, []);
			await ch.consume(q, (m) => void got.get(q)!.push(m!.content.toString()), { noAck: true });
		}
		await ch.assertExchange('animals', 'topic');
		await ch.bindQueue('orange', 'animals', '*.orange.*');
		await ch.bindQueue('rabbits', 'animals', '*.*.rabbit');
		await ch.bindQueue('rabbits', 'animals', 'lazy.#');
		await ch.assertExchange('broadcast', 'fanout');
		await ch.bindQueue('all-a', 'broadcast', '');
		await ch.bindQueue('all-b', 'broadcast', 'ignored');
		await ch.assertExchange('logs', 'direct');
		await ch.bindQueue('errors', 'logs', 'error');
		await ch.bindQueue('infos', 'logs', 'info');
		await ch.bindQueue('infos', 'logs', 'error');

		ch.publish('animals', 'quick.orange.rabbit', 'q.o.r');
		ch.publish('animals', 'lazy.orange.elephant', 'l.o.e');
		ch.publish('animals', 'lazy.brown.fox', 'l.b.f');
		ch.publish('animals', 'quick.brown.fox', 'nobody');
		ch.publish('broadcast', 'anything', 'hi all');
		ch.publish('logs', 'error', 'E1');
		ch.publish('logs', 'info', 'I1');
		ch.publish('logs', 'debug', 'D1');
		ch.sendToQueue('orange', 'direct to orange');
		await w.net.idle();
		expect(Object.fromEntries(got)).toEqual({
			orange: ['q.o.r', 'l.o.e', 'direct to orange'],
			rabbits: ['q.o.r', 'l.o.e', 'l.b.f'],
			'all-a': ['hi all'],
			'all-b': ['hi all'],
			errors: ['E1'],
			infos: ['E1', 'I1']
		});
		const notes = w.net.records().filter((r) => r.method === 'basic.publish').map((r) => r.note);
		expect(notes).toContain('publish → orange, rabbits');
		expect(notes).toContain('publish → animals (quick.brown.fox) · unroutable, dropped');
	});

	it('publishing to a missing exchange closes the channel with 404, as an error event', async () => {
		const w = amqpWorld();
		const ch = await (await w.service('app').connect('amqp://rabbitmq:5672')).createChannel();
		const errors: Error[] = [];
		ch.on('error', (e) => errors.push(e as Error));
		ch.publish('nope', 'k', 'x');
		await w.net.idle();
		await new Promise((r) => setTimeout(r, 0));
		expect(errors.map((e) => e.message)).toEqual([`Channel closed by server: 404 (NOT-FOUND) with message "NOT_FOUND - no exchange 'nope' in vhost '/'"`]);
		expect(() => ch.publish('', 'q', 'x')).toThrow('Channel closed');
	});

	it('an unhandled channel error is reported like an uncaught one (amqplib would crash the process)', async () => {
		const w = amqpWorld();
		const ch = await (await w.service('app').connect('amqp://rabbitmq:5672')).createChannel();
		ch.publish('nope', 'k', 'x');
		await w.net.idle();
		await new Promise((r) => setTimeout(r, 0));
		expect(w.errors.map((e) => (e.error as Error).message)).toEqual([`Channel closed by server: 404 (NOT-FOUND) with message "NOT_FOUND - no exchange 'nope' in vhost '/'"`]);
	});

	it('refuses a type change, unknown types and reserved names like RabbitMQ', async () => {
		const w = amqpWorld();
		const conn = await w.service('app').connect('amqp://rabbitmq:5672');
		let ch = await conn.createChannel();
		await ch.assertExchange('x', 'topic');
		await expect(ch.assertExchange('x', 'fanout')).rejects.toThrow(`Operation failed: ExchangeDeclare; 406 (PRECONDITION-FAILED) with message "PRECONDITION_FAILED - inequivalent arg 'type' for exchange 'x' in vhost '/': received 'fanout' but current is 'topic'"`);
		ch = await conn.createChannel();
		await expect(ch.assertQueue('amq.mine')).rejects.toThrow(/ACCESS_REFUSED - queue name 'amq.mine' contains reserved prefix/);
		ch = await conn.createChannel();
		await expect(ch.assertExchange('h', 'headers' as never)).rejects.toThrow(/COMMAND_INVALID - unknown exchange type 'headers'/);
	});
});

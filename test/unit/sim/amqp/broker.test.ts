import { describe, expect, it } from 'vitest';
import type { ConsumeMessage } from '../../../../src/lib/sim/runtime/amqp';
import { amqpWorld, texts } from './harness';

const URL = 'amqp://rabbitmq:5672';

describe('simulated RabbitMQ: queues and consumers', () => {
	it('keeps a queue FIFO; deliveries come after publish returned, as requests from rabbitmq', async () => {
		const w = amqpWorld();
		const pub = await (await w.service('producer').connect(URL)).createChannel();
		const sub = await (await w.service('worker').connect(URL)).createChannel();
		const q = await pub.assertQueue('jobs');
		expect(q).toEqual({ queue: 'jobs', messageCount: 0, consumerCount: 0 });
		const got: ConsumeMessage[] = [];
		await sub.consume('jobs', (m) => {
			got.push(m!);
			sub.ack(m!);
		});
		let returned = false;
		for (let i = 1; i <= 20; i++) expect(pub.sendToQueue('jobs', `job ${i}`, { headers: { 'uber-trace-id': 'abc:def:0:1' }, messageId: `m${i}` })).toBe(true);
		returned = true;
		expect(got).toHaveLength(0);
		await w.net.idle();
		expect(returned).toBe(true);
		expect(texts(got)).toEqual(Array.from({ length: 20 }, (_, i) => `job ${i + 1}`));
		expect(got[0].fields).toMatchObject({ deliveryTag: 1, redelivered: false, exchange: '', routingKey: 'jobs' });
		expect(got[0].properties.headers).toEqual({ 'uber-trace-id': 'abc:def:0:1' });
		expect(got[0].properties.messageId).toBe('m1');
		expect(got[0].content).toBeInstanceOf(Uint8Array);
		expect(got[0].content.length).toBe(5);
		const recs = w.net.records();
		const publish = recs.find((r) => r.method === 'basic.publish')!;
		expect(publish).toMatchObject({ from: 'producer', to: 'rabbitmq:5672', protocol: 'amqp', note: 'publish → jobs' });
		expect(publish.requestHeaders['uber-trace-id']).toBe('abc:def:0:1');
		const deliver = recs.find((r) => r.method === 'basic.deliver')!;
		expect(deliver.from).toBe('rabbitmq');
		expect(deliver.to).toMatch(/^worker:\d+$/);
		expect(deliver.requestHeaders['uber-trace-id']).toBe('abc:def:0:1');
		expect(recs.find((r) => r.method === 'basic.ack')!.note).toBe('ack #1');
		expect(w.errors).toEqual([]);
	});

	it('takes string, Uint8Array and ArrayBuffer content, binary intact; rejects objects clearly', async () => {
		const w = amqpWorld();
		const ch = await (await w.service('p').connect(URL)).createChannel();
		await ch.assertQueue('bytes');
		const got: ConsumeMessage[] = [];
		await ch.consume('bytes', (m) => void got.push(m!), { noAck: true });
		ch.sendToQueue('bytes', new Uint8Array([0xff, 0x00, 0x41]));
		ch.sendToQueue('bytes', new TextEncoder().encode('héllo').buffer as ArrayBuffer);
		expect(() => ch.sendToQueue('bytes', { a: 1 } as never)).toThrow(/JSON.stringify/);
		await w.net.idle();
		expect([...got[0].content]).toEqual([0xff, 0x00, 0x41]);
		expect(got[0].content.toString('hex')).toBe('ff0041');
		expect(got[1].content.toString()).toBe('héllo');
	});

	it('round-robins among the consumers of a queue', async () => {
		const w = amqpWorld();
		const pub = await (await w.service('producer').connect(URL)).createChannel();
		await pub.assertQueue('work');
		const seen: Record<string, string[]> = { a: [], b: [] };
		for (const name of ['a', 'b'] as const) {
			const ch = await (await w.service(`worker-${name}`).connect(URL)).createChannel();
			await ch.consume('work', (m) => {
				seen[name].push(m!.content.toString());
				ch.ack(m!);
			});
		}
		for (let i = 1; i <= 10; i++) pub.sendToQueue('work', String(i));
		await w.net.idle();
		expect(seen).toEqual({ a: ['1', '3', '5', '7', '9'], b: ['2', '4', '6', '8', '10'] });
	});

	it('prefetch limits unacked deliveries per consumer', async () => {
		const w = amqpWorld();
		const ch = await (await w.service('worker').connect(URL)).createChannel();
		await ch.assertQueue('slow');
		await ch.prefetch(2);
		const held: ConsumeMessage[] = [];
		await ch.consume('slow', (m) => void held.push(m!));
		for (let i = 1; i <= 5; i++) ch.sendToQueue('slow', String(i));
		await w.net.idle();
		expect(texts(held)).toEqual(['1', '2']);
		ch.ack(held[0]);
		await w.net.idle();
		expect(texts(held)).toEqual(['1', '2', '3']);
		ch.ack(held[2], true);
		await w.net.idle();
		expect(texts(held)).toEqual(['1', '2', '3', '4', '5']);
		expect((await ch.checkQueue('slow')).messageCount).toBe(0);
	});

	it('redelivers unacked messages (redelivered=true, in order) when the consumer cancels or its channel closes', async () => {
		const w = amqpWorld();
		const a = await (await w.service('worker-a').connect(URL)).createChannel();
		await a.assertQueue('jobs');
		await a.prefetch(2);
		const first: ConsumeMessage[] = [];
		const { consumerTag } = await a.consume('jobs', (m) => void first.push(m!));
		for (const t of ['x', 'y', 'z']) a.sendToQueue('jobs', t);
		await w.net.idle();
		expect(texts(first)).toEqual(['x', 'y']);
		await a.cancel(consumerTag);
		// acking what cancel gave back is harmless
		a.ack(first[0]);

		const b = await (await w.service('worker-b').connect(URL)).createChannel();
		await b.prefetch(1);
		const second: ConsumeMessage[] = [];
		await b.consume('jobs', (m) => void second.push(m!));
		await w.net.idle();
		expect(texts(second)).toEqual(['x']);
		expect(second[0].fields.redelivered).toBe(true);
		await b.close();
		const c = await (await w.service('worker-c').connect(URL)).createChannel();
		const third: ConsumeMessage[] = [];
		await c.consume('jobs', (m) => {
			third.push(m!);
			c.ack(m!);
		});
		await w.net.idle();
		expect(third.map((m) => [m.content.toString(), m.fields.redelivered])).toEqual([
			['x', true],
			['y', true],
			['z', false]
		]);
		expect(w.errors).toEqual([]);
	});

	it('a delivery lost on the link to the consumer goes back to the queue and comes again, redelivered', async () => {
		const w = amqpWorld([{ from: 'rabbitmq', to: 'worker', fault: { drop: 0.5 } }]);
		const ch = await (await w.service('worker').connect(URL)).createChannel();
		await ch.assertQueue('jobs');
		const got: ConsumeMessage[] = [];
		await ch.consume('jobs', (m) => {
			got.push(m!);
			ch.ack(m!);
		});
		for (let i = 1; i <= 10; i++) ch.sendToQueue('jobs', String(i));
		await w.net.idle();
		expect(texts(got).sort((x, y) => +x - +y)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
		expect(got.some((m) => m.fields.redelivered)).toBe(true);
		const drops = w.net.records().filter((r) => r.method === 'basic.deliver' && r.fault === 'drop');
		expect(drops.length).toBeGreaterThan(0);
		expect(drops[0].error).toMatch(/ECONNRESET/);
	});

	it('nack with requeue puts it back at the head; without requeue drops it (no dead-lettering)', async () => {
		const w = amqpWorld();
		const ch = await (await w.service('worker').connect(URL)).createChannel();
		await ch.assertQueue('jobs');
		await ch.prefetch(1);
		const log: string[] = [];
		let tries = 0;
		await ch.consume('jobs', (m) => {
			const t = m!.content.toString();
			log.push(`${t}${m!.fields.redelivered ? '*' : ''}`);
			if (t === 'a' && tries++ === 0) ch.nack(m!);
			else if (t === 'b') ch.nack(m!, false, false);
			else ch.ack(m!);
		});
		ch.sendToQueue('jobs', 'a');
		ch.sendToQueue('jobs', 'b');
		ch.sendToQueue('jobs', 'c');
		await w.net.idle();
		expect(log).toEqual(['a', 'a*', 'b', 'c']);
		expect(await ch.checkQueue('jobs')).toMatchObject({ messageCount: 0 });
		expect(w.net.records().map((r) => r.note)).toContain('nack #3 · dropped');
	});

	it('a consumer callback that throws is reported; the message stays unacked and the broker goes on', async () => {
		const w = amqpWorld();
		const ch = await (await w.service('worker').connect(URL)).createChannel();
		await ch.assertQueue('jobs');
		const ok: string[] = [];
		await ch.consume('jobs', (m) => {
			if (m!.content.toString() === 'bad') throw new Error('cannot handle bad');
			ok.push(m!.content.toString());
			ch.ack(m!);
		});
		ch.sendToQueue('jobs', 'bad');
		ch.sendToQueue('jobs', 'good');
		await w.net.idle();
		expect(ok).toEqual(['good']);
		expect(w.errors.map((e) => (e.error as Error).message)).toEqual(['cannot handle bad']);
		w.stop();
		expect(w.printed).toEqual(["1 message left in queue 'jobs' (1 delivered but not acked)"]);
	});

	it('an async consumer keeps its delivery in flight until it settles', async () => {
		const w = amqpWorld();
		const ch = await (await w.service('worker').connect(URL)).createChannel();
		await ch.assertQueue('jobs');
		const done: string[] = [];
		await ch.consume('jobs', async (m) => {
			await new Promise((r) => setTimeout(r, 20));
			done.push(m!.content.toString());
			ch.ack(m!);
		});
		ch.sendToQueue('jobs', 'one');
		await w.net.idle();
		expect(done).toEqual(['one']);
	});

	it('consume on a missing queue fails as amqplib reports it, and closes the channel', async () => {
		const w = amqpWorld();
		const ch = await (await w.service('worker').connect(URL)).createChannel();
		const closed: unknown[] = [];
		ch.on('close', () => closed.push('close'));
		const err = await ch.consume('nope', () => {}).catch((e: unknown) => e);
		expect((err as Error).message).toBe(`Operation failed: BasicConsume; 404 (NOT-FOUND) with message "NOT_FOUND - no queue 'nope' in vhost '/'"`);
		expect(err).toMatchObject({ code: 404, classId: 60, methodId: 20 });
		expect(closed).toEqual(['close']);
		expect(() => ch.sendToQueue('x', 'y')).toThrow('Channel closed');
	});

	it('acking twice is a channel error (406 unknown delivery tag), emitted as the channel’s error', async () => {
		const w = amqpWorld();
		const ch = await (await w.service('worker').connect(URL)).createChannel();
		await ch.assertQueue('jobs');
		const errors: Error[] = [];
		ch.on('error', (e) => errors.push(e as Error));
		await ch.consume('jobs', (m) => {
			ch.ack(m!);
			ch.ack(m!);
		});
		ch.sendToQueue('jobs', 'once');
		await w.net.idle();
		expect(errors.map((e) => e.message)).toEqual(['Channel closed by server: 406 (PRECONDITION-FAILED) with message "PRECONDITION_FAILED - unknown delivery tag 1"']);
	});

	it('a message for a queue that does not exist is dropped silently (default exchange)', async () => {
		const w = amqpWorld();
		const ch = await (await w.service('p').connect(URL)).createChannel();
		expect(ch.sendToQueue('ghost', 'boo')).toBe(true);
		await w.net.idle();
		expect(w.errors).toEqual([]);
		expect(w.net.records().find((r) => r.method === 'basic.publish')!.note).toBe('publish → ghost · unroutable, dropped');
	});

	it('server-named queues, and connect errors shaped like amqplib’s', async () => {
		const w = amqpWorld();
		const ch = await (await w.service('p').connect(URL)).createChannel();
		const q = await ch.assertQueue('', { exclusive: true });
		expect(q.queue).toMatch(/^amq\.gen-[A-Za-z0-9_-]{22}$/);
		await expect(w.service('q').connect('amqp://rabbitmq:5672/other')).rejects.toThrow('Handshake terminated by server: 530 (NOT-ALLOWED) with message "NOT_ALLOWED - vhost other not found"');
		await expect(w.service('r').connect('amqp://nowhere:5672')).rejects.toMatchObject({ code: 'ENOTFOUND' });
		await expect(ch.assertQueue('durable-mismatch')).resolves.toBeTruthy();
		await expect(ch.assertQueue('durable-mismatch', { durable: false })).rejects.toThrow(/inequivalent arg 'durable'/);
	});
});

describe('run end', () => {
	it('idle waits for queued messages while a consumer can take them; a queue with no consumer does not hold the run', async () => {
		const w = amqpWorld([{ latencyMs: 2 }]);
		const pub = await (await w.service('producer').connect(URL)).createChannel();
		await pub.assertQueue('jobs');
		await pub.assertQueue('orphans');
		const sub = await (await w.service('worker').connect(URL)).createChannel();
		let n = 0;
		await sub.consume('jobs', (m) => {
			n++;
			sub.ack(m!);
		});
		for (let i = 0; i < 50; i++) pub.sendToQueue('jobs', String(i));
		pub.sendToQueue('orphans', 'a');
		pub.sendToQueue('orphans', 'b');
		await w.net.idle();
		expect(n).toBe(50);
		w.stop();
		expect(w.printed).toEqual(["2 messages left in queue 'orphans'"]);
	});
});

describe('a consumer that goes away', () => {
	it('the broker closes its connection when a delivery finds its port gone; its unacked messages go to the next consumer', async () => {
		const w = amqpWorld();
		const a = await (await w.service('worker-a').connect(URL)).createChannel();
		await a.assertQueue('jobs');
		await a.prefetch(2);
		const held: string[] = [];
		await a.consume('jobs', (m) => void held.push(m!.content.toString()));
		a.sendToQueue('jobs', 'first');
		await w.net.idle();
		expect(held).toEqual(['first']);
		const b = await (await w.service('worker-b').connect(URL)).createChannel();
		await b.prefetch(1);
		w.kill('worker-a');
		const got: string[] = [];
		await b.consume('jobs', (m) => {
			got.push(`${m!.content.toString()}${m!.fields.redelivered ? '*' : ''}`);
			b.ack(m!);
		});
		// round-robin: this one goes to worker-a first, finds nobody, and the connection is over
		b.sendToQueue('jobs', 'second');
		await w.net.idle();
		expect(got).toEqual(['first*', 'second*']);
		const refused = w.net.records().find((r) => r.method === 'basic.deliver' && r.error);
		expect(refused?.error).toMatch(/ECONNREFUSED/);
	});
});

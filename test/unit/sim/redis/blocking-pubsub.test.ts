// Blocking pops (timeouts, FIFO wake-up, parking) and pub/sub delivery, through the network.
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorReply, SocketClosedUnexpectedlyError, summarizeRedis } from '../../../../src/lib/sim';
import { connected, redisWorld, tick, type RedisWorld } from './world';

let w: RedisWorld;
afterEach(() => w?.redis.stop());

const idleWithin = async (ms: number) => Promise.race([w.net.idle().then(() => true), tick(ms).then(() => false)]);

describe('brPop', () => {
	it('answers null at its timeout, and counts as in flight until then', async () => {
		w = redisWorld();
		const c = await connected(w, 'worker');
		const started = performance.now();
		const p = c.brPop('jobs', 0.05);
		await tick(5);
		expect(w.net.inFlight()).toBe(1);
		expect(await p).toBeNull();
		expect(performance.now() - started).toBeGreaterThanOrEqual(40);
		const rec = w.net.records().find((r) => r.method === 'BRPOP')!;
		expect(rec.note).toMatch(/^BRPOP jobs 0\.05 → \(blocked \d+ ms\) \(nil\)$/);
	});

	it('returns at once when the list has elements; {key, element} from the tail', async () => {
		w = redisWorld();
		const c = await connected(w);
		await c.rPush('b', ['1', '2']);
		expect(await c.brPop(['a', 'b'], 1)).toEqual({ key: 'b', element: '2' });
		expect(await c.blPop(['a', 'b'], 1)).toEqual({ key: 'b', element: '1' });
	});

	it('hands pushed elements to the longest-waiting client first; the push replies the length before', async () => {
		w = redisWorld();
		const clients = await Promise.all(['w1', 'w2', 'w3'].map((s) => connected(w, s)));
		const got: string[] = [];
		const waits = [];
		for (const [i, c] of clients.entries()) {
			waits.push(c.brPop('jobs', 0).then((r) => got.push(`w${i + 1}:${r?.element}`)));
			await tick(2); // arrive in order
		}
		const producer = await connected(w, 'producer');
		expect(await producer.lPush('jobs', 'j1')).toBe(1);
		expect(await producer.lPush('jobs', ['j2', 'j3'])).toBe(2);
		await Promise.all(waits);
		expect(got).toEqual(['w1:j1', 'w2:j2', 'w3:j3']);
		expect(await producer.lLen('jobs')).toBe(0);
		const note = w.net.records().find((r) => r.from === 'w1' && r.method === 'BRPOP')!.note;
		expect(note).toMatch(/^BRPOP jobs 0 → \(blocked \d+ ms\) jobs j1$/);
	});

	it('timeout 0 parks: the network idles while a worker waits; stop answers it', async () => {
		w = redisWorld();
		const c = await connected(w, 'worker');
		const p = c.brPop('jobs', 0);
		const errors: unknown[] = [];
		c.on('error', (e) => errors.push(e));
		expect(await idleWithin(200)).toBe(true);
		w.redis.stop();
		const e = await p.catch((x) => x);
		expect(e).toBeInstanceOf(SocketClosedUnexpectedlyError);
		expect(e.message).toBe('Socket closed unexpectedly');
		expect(errors).toEqual([e]);
	});

	it('a client that disconnects stops waiting: the next push stays in the list', async () => {
		w = redisWorld();
		const c = await connected(w, 'worker');
		const p = c.brPop('jobs', 0);
		await tick(2);
		await c.disconnect();
		await expect(p).rejects.toThrow('Disconnects client');
		const producer = await connected(w, 'producer');
		await producer.lPush('jobs', 'kept');
		expect(await producer.lRange('jobs', 0, -1)).toEqual(['kept']);
	});
});

describe('pub/sub', () => {
	it('delivers to each subscriber in publish order, as requests from redis; publish counts receivers', async () => {
		w = redisWorld();
		const pub = await connected(w, 'api');
		const sub = pub.duplicate();
		await sub.connect();
		const seen: string[] = [];
		await sub.subscribe('news', (message, channel) => void seen.push(`${channel}:${message}`));
		expect(sub.isPubSubActive).toBe(true);
		for (let i = 0; i < 50; i++) expect(await pub.publish('news', `m${i}`)).toBe(1);
		expect(await pub.publish('other', 'x')).toBe(0);
		await w.net.idle();
		expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => `news:m${i}`));
		const delivery = w.net.records().find((r) => r.method === 'MESSAGE')!;
		expect(delivery).toMatchObject({ from: 'redis', protocol: 'redis', to: 'api:32769' }); // the duplicate's own connection
		expect(summarizeRedis(delivery)).toBe('message news m0 → delivered');
		await sub.unsubscribe('news');
		expect(await pub.publish('news', 'late')).toBe(0);
	});

	it('a subscribed client refuses other commands, as Redis does; after unsubscribe it serves again', async () => {
		w = redisWorld();
		const sub = await connected(w, 'worker');
		await sub.subscribe(['a', 'b'], () => {});
		const e = await sub.get('k').catch((x) => x);
		expect(e).toBeInstanceOf(ErrorReply);
		expect(e.message).toBe("ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context");
		expect(await sub.ping()).toBe('PONG');
		await sub.unsubscribe();
		expect(await sub.get('k')).toBeNull();
	});

	it('a listener that throws is reported, and the next message still arrives', async () => {
		w = redisWorld();
		const pub = await connected(w, 'api');
		const sub = await connected(w, 'worker');
		let n = 0;
		await sub.subscribe('c', () => {
			if (++n === 1) throw new Error('boom');
		});
		await pub.publish('c', '1');
		await pub.publish('c', '2');
		await w.net.idle();
		expect(n).toBe(2);
		expect(String(w.errors[0])).toBe('Error: boom');
	});
});

describe('faults', () => {
	it('a dropped command rejects with node-redis’s connection error and emits error', async () => {
		w = redisWorld({ links: [{ to: 'redis', fault: { drop: 1 } }] });
		const c = await connected(w);
		const emitted: unknown[] = [];
		c.on('error', (e) => emitted.push(e));
		const e = await c.lPush('jobs', 'x').catch((x) => x);
		expect(e).toBeInstanceOf(SocketClosedUnexpectedlyError);
		expect(String(e)).toBe('SocketClosedUnexpectedlyError: Socket closed unexpectedly');
		expect(emitted).toEqual([e]);
		expect(c.isOpen).toBe(true); // node-redis reconnects
		const [rec] = w.net.records();
		expect(summarizeRedis(rec)).toMatch(/^LPUSH jobs x → ✗ ECONNRESET/);
	});

	it('an injected error status is a connection error too; an unknown host is getaddrinfo ENOTFOUND', async () => {
		w = redisWorld({ links: [{ to: 'redis', fault: { errorStatus: 503 } }] });
		const c = await connected(w);
		const e = await c.get('k').catch((x) => x);
		expect(e).toBeInstanceOf(SocketClosedUnexpectedlyError);
		expect(String(e.cause)).toContain('503');
		expect(summarizeRedis(w.net.records()[0])).toBe('GET k → ✗ connection error (status 503)');
		const lost = await w.module('app').createClient({ url: 'redis://cache:6379' }).connect();
		await expect(lost.get('k')).rejects.toThrow('getaddrinfo ENOTFOUND cache');
	});
});

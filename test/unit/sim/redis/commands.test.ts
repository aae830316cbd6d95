// Each command family against the simulated Redis through `tour/redis`, as node-redis v4 answers.
import { afterEach, describe, expect, it } from 'vitest';
import { ClientClosedError, ErrorReply } from '../../../../src/lib/sim';
import { connected, redisWorld, type RedisWorld } from './world';

let w: RedisWorld;
afterEach(() => w?.redis.stop());

describe('tour/redis strings and keys', () => {
	it('set/get/del/exists/incr as node-redis replies them', async () => {
		w = redisWorld();
		const c = await connected(w);
		expect(await c.set('greeting', 'hello')).toBe('OK');
		expect(await c.get('greeting')).toBe('hello');
		expect(await c.get('missing')).toBeNull();
		expect(await c.set('greeting', 'again', { NX: true })).toBeNull();
		expect(await c.set('fresh', 1, { NX: true })).toBe('OK');
		expect(await c.exists(['greeting', 'fresh', 'missing'])).toBe(2);
		expect(await c.incr('counter')).toBe(1);
		expect(await c.incr('counter')).toBe(2);
		expect(await c.incr('fresh')).toBe(2);
		await expect(c.incr('greeting')).rejects.toThrow('ERR value is not an integer or out of range');
		expect(await c.del(['greeting', 'missing'])).toBe(1);
		expect(await c.del('counter')).toBe(1);
		expect(await c.sendCommand(['GET', 'fresh'])).toBe('2');
	});

	it('WRONGTYPE is an ErrorReply with Redis’s message', async () => {
		w = redisWorld();
		const c = await connected(w);
		await c.lPush('jobs', 'a');
		const e = await c.get('jobs').catch((x) => x);
		expect(e).toBeInstanceOf(ErrorReply);
		expect(String(e)).toBe('ErrorReply: WRONGTYPE Operation against a key holding the wrong kind of value');
		await expect(c.hGet('jobs', 'f')).rejects.toThrow(/^WRONGTYPE/);
		await expect(c.set('jobs', 'x', { GET: true })).rejects.toThrow(/^WRONGTYPE/);
		expect(await c.set('jobs', 'now a string')).toBe('OK'); // SET overwrites any type
	});

	it('EX expiry on the run’s clock; ttl -1 / -2; expire', async () => {
		w = redisWorld({ manualClock: true });
		const c = await connected(w);
		await c.set('job:1', 'ctx', { EX: 10 });
		expect(await c.ttl('job:1')).toBe(10);
		w.clock.t = 9_400;
		expect(await c.ttl('job:1')).toBe(1);
		expect(await c.get('job:1')).toBe('ctx');
		w.clock.t = 10_000;
		expect(await c.get('job:1')).toBeNull();
		expect(await c.ttl('job:1')).toBe(-2);
		await c.set('k', 'v');
		expect(await c.ttl('k')).toBe(-1);
		expect(await c.expire('k', 5)).toBe(true);
		expect(await c.expire('nope', 5)).toBe(false);
		await c.set('p', 'v', { PX: 1500 });
		expect(await c.sendCommand(['PTTL', 'p'])).toBe(1500);
		w.clock.t = 15_000;
		expect(await c.exists('k')).toBe(0);
		await expect(c.set('k', 'v', { EX: 0 })).rejects.toThrow("ERR invalid expire time in 'set' command");
	});

	it('commands before connect() and after quit() reject with ClientClosedError', async () => {
		w = redisWorld();
		const c = w.module('app').createClient();
		const e = await c.get('k').catch((x) => x);
		expect(e).toBeInstanceOf(ClientClosedError);
		expect(String(e)).toBe('ClientClosedError: The client is closed');
		expect(c.isOpen).toBe(false);
		await c.connect();
		expect(c.isOpen).toBe(true);
		await expect(c.connect()).rejects.toThrow('Socket already opened');
		expect(await c.quit()).toBe('OK');
		expect(c.isOpen).toBe(false);
		await expect(c.set('k', 'v')).rejects.toThrow('The client is closed');
		await expect(c.quit()).rejects.toBeInstanceOf(ClientClosedError);
		expect(() => w.module('app').createClient({ url: 'http://redis:6379' })).toThrow('Invalid protocol');
	});
});

describe('tour/redis lists', () => {
	it('push returns the length; pops, ranges and lengths; an emptied list is gone', async () => {
		w = redisWorld();
		const c = await connected(w);
		expect(await c.lPush('q', 'a')).toBe(1);
		expect(await c.lPush('q', ['b', 'c'])).toBe(3);
		expect(await c.rPush('q', 'z')).toBe(4);
		expect(await c.lRange('q', 0, -1)).toEqual(['c', 'b', 'a', 'z']);
		expect(await c.lRange('q', -2, 100)).toEqual(['a', 'z']);
		expect(await c.lLen('q')).toBe(4);
		expect(await c.rPop('q')).toBe('z');
		expect(await c.lPop('q')).toBe('c');
		expect(await c.lPop('q')).toBe('b');
		expect(await c.rPop('q')).toBe('a');
		expect(await c.rPop('q')).toBeNull();
		expect(await c.exists('q')).toBe(0);
		expect(await c.lRange('q', 0, -1)).toEqual([]);
	});
});

describe('tour/redis hashes', () => {
	it('hSet field/value and object, hGet, hGetAll ({} when missing), hDel; __proto__ is a field', async () => {
		w = redisWorld();
		const c = await connected(w);
		expect(await c.hSet('job:1', 'state', 'queued')).toBe(1);
		expect(await c.hSet('job:1', { state: 'running', worker: 'w1' })).toBe(1);
		expect(await c.hGet('job:1', 'state')).toBe('running');
		expect(await c.hGet('job:1', 'nope')).toBeNull();
		expect({ ...(await c.hGetAll('job:1')) }).toEqual({ state: 'running', worker: 'w1' });
		expect({ ...(await c.hGetAll('none')) }).toEqual({});
		expect(await c.hSet('evil', JSON.parse('{"__proto__":"x","constructor":"y"}'))).toBe(2);
		const all = await c.hGetAll('evil');
		expect(Object.getPrototypeOf(all)).toBeNull();
		expect(all['__proto__']).toBe('x');
		expect(({} as Record<string, unknown>).x).toBeUndefined();
		expect(await c.hDel('job:1', ['state', 'worker', 'nope'])).toBe(2);
		expect(await c.exists('job:1')).toBe(0);
	});
});

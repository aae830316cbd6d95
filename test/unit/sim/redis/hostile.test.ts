// Everything a service sends is untrusted: hand-crafted requests must get clean answers, never a
// throw out of the host, never a prototype touched, never unbounded growth.
import { afterEach, describe, expect, it } from 'vitest';
import { REDIS_LIMITS } from '../../../../src/lib/sim';
import { Deque } from '../../../../src/lib/sim/redis/deque';
import { raw, redisWorld, type RedisWorld } from './world';

let w: RedisWorld;
afterEach(() => w?.redis.stop());

const answer = async (method: string, body: string, headers?: Record<string, string>, url?: string) => {
	const res = await raw(w, method, body, headers, url);
	expect(res.status).toBe(200);
	return JSON.parse(res.body) as { ok?: unknown; error?: string };
};

describe('the simulated Redis under hostile requests', () => {
	it('unknown commands and wrong arities in Redis’s words', async () => {
		w = redisWorld();
		expect(await answer('FOO', '["a","b"]')).toEqual({ error: "ERR unknown command 'FOO', with args beginning with: 'a' 'b' " });
		expect(await answer('GET', '[]')).toEqual({ error: "ERR wrong number of arguments for 'get' command" });
		expect(await answer('GET', '["a","b"]')).toEqual({ error: "ERR wrong number of arguments for 'get' command" });
		expect(await answer('HSET', '["h","f"]')).toEqual({ error: "ERR wrong number of arguments for 'hset' command" });
		expect(await answer('HSET', '["h","f","v","g"]')).toEqual({ error: "ERR wrong number of arguments for 'hset' command" });
		expect(await answer('SET', '["k","v","EX"]')).toEqual({ error: 'ERR syntax error' });
		expect(await answer('SET', '["k","v","EX","1.5"]')).toEqual({ error: 'ERR value is not an integer or out of range' });
		expect(await answer('BRPOP', '["q","soon"]')).toEqual({ error: 'ERR timeout is not a float or out of range' });
		expect(await answer('BRPOP', '["q","-1"]')).toEqual({ error: 'ERR timeout is negative' });
		expect(await answer('INCRBY', '["n","9223372036854775807"]')).toEqual({ ok: 9223372036854775807 });
		expect(await answer('INCR', '["n"]')).toEqual({ error: 'ERR increment or decrement would overflow' });
		expect(await answer('EXPIRE', '["n","10","NX","XX"]')).toEqual({ error: 'ERR NX and XX, GT or LT options at the same time are not compatible' });
	});

	it('bodies that are not a JSON array of strings, and bad URLs, are answered', async () => {
		w = redisWorld();
		for (const body of ['{', '{"a":1}', '[1,2]', '[null]', '"GET"', 'null', '[["x"]]']) {
			expect((await answer('GET', body)).error).toMatch(/^ERR Protocol error/);
		}
		expect(await answer('PING', '')).toEqual({ ok: 'PONG' });
		expect(await answer('GET', '["k"]', {}, 'redis://redis:6379/5')).toEqual({ error: 'ERR DB index is out of range' });
		expect((await answer('SUBSCRIBE', '["c"]')).error).toMatch(/needs the connection's address/);
		expect((await answer('SUBSCRIBE', '["c"]', { 'redis-client': '__proto__:99999999' })).error).toMatch(/needs the connection's address/);
	});

	it('__proto__ and constructor are ordinary keys and fields', async () => {
		w = redisWorld();
		expect(await answer('SET', '["__proto__","x"]')).toEqual({ ok: 'OK' });
		expect(await answer('GET', '["__proto__"]')).toEqual({ ok: 'x' });
		expect(await answer('HSET', '["constructor","__proto__","1","toString","2"]')).toEqual({ ok: 2 });
		expect(await answer('HGETALL', '["constructor"]')).toEqual({ ok: ['__proto__', '1', 'toString', '2'] });
		expect(await answer('LPUSH', '["hasOwnProperty","v"]')).toEqual({ ok: 1 });
		expect(({} as Record<string, unknown>).x).toBeUndefined();
		expect(Object.prototype.hasOwnProperty).toBeTypeOf('function');
	});

	it('caps: argument size, argument count, list length, memory', async () => {
		w = redisWorld();
		const big = 'x'.repeat(REDIS_LIMITS.maxArgLength + 1);
		expect(await answer('SET', JSON.stringify(['k', big]))).toEqual({ error: 'ERR string exceeds maximum allowed size (proto-max-bulk-len)' });
		expect(await answer('DEL', JSON.stringify(new Array(REDIS_LIMITS.maxArgs + 1).fill('k')))).toEqual({ error: 'ERR Protocol error: invalid multibulk length' });
		const chunk = JSON.stringify(['q', ...new Array(REDIS_LIMITS.maxArgs - 1).fill('e')]);
		let r: { ok?: unknown; error?: string } = {};
		for (let i = 0; i < 12 && !r.error; i++) r = await answer('RPUSH', chunk);
		expect(r.error).toBe("OOM command not allowed when used memory > 'maxmemory'.");
		expect(await answer('LLEN', '["q"]')).toEqual({ ok: (REDIS_LIMITS.maxArgs - 1) * 10 });
		const mb = 'v'.repeat(REDIS_LIMITS.maxArgLength);
		let filled = 0;
		for (; filled < 40; filled++) if ((await answer('SET', JSON.stringify([`big${filled}`, mb]))).error) break;
		expect(filled).toBeLessThan(32);
		expect(w.redis.keyspace.used).toBeLessThanOrEqual(REDIS_LIMITS.maxMemory);
		expect(await answer('DEL', '["big0"]')).toEqual({ ok: 1 });
		expect(await answer('SET', JSON.stringify(['again', mb]))).toEqual({ ok: 'OK' });
	});

	it('after stop every request is refused without a reply, and nothing hangs', async () => {
		w = redisWorld();
		w.redis.stop();
		await expect(raw(w, 'GET', '["k"]')).rejects.toThrow(/ECONNREFUSED/);
	});

	it('a 100,000-element deque pushes and drains in linear time', () => {
		const d = new Deque<number>();
		const t = performance.now();
		for (let i = 0; i < 100_000; i++) d.pushFront(i);
		let last = -1;
		while (d.length) last = d.popBack()!;
		expect(last).toBe(99_999);
		expect(performance.now() - t).toBeLessThan(500);
	});
});

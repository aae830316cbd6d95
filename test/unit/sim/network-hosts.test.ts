// What the network gives simulated hosts (a broker, Redis, a database): protocols by scheme, notes
// on records, parked requests that do not keep a run alive, and holds that do.
import { describe, expect, it } from 'vitest';
import { createNetwork, createFetch, protocolOf, createWorldHosts, type WorldHostKind } from '../../../src/lib/sim';

describe('network for simulated hosts', () => {
	it('names the protocol by scheme, and gRPC by its content type', () => {
		expect(protocolOf({ url: 'amqp://rabbitmq:5672/', headers: {} })).toBe('amqp');
		expect(protocolOf({ url: 'redis://redis:6379/', headers: {} })).toBe('redis');
		expect(protocolOf({ url: 'mysql://mysql:3306/shop', headers: {} })).toBe('sql');
		expect(protocolOf({ url: 'http://route:8083/route.Route/Find', headers: { 'content-type': 'application/grpc+json' } })).toBe('grpc');
		expect(protocolOf({ url: 'http://formatter:8081/format', headers: {} })).toBe('http');
	});

	it('routes redis:// to the well-known port and keeps the host note on the record', async () => {
		const net = createNetwork();
		net.listen('redis', 6379, (req, ex) => {
			ex.note('LPUSH jobs → 1');
			return { status: 200, headers: {}, body: '1' };
		});
		const res = await net.request('worker', { method: 'LPUSH', url: 'redis://redis/', headers: {}, body: '["jobs","a"]' });
		expect(res.body).toBe('1');
		const [rec] = net.records();
		expect(rec).toMatchObject({ protocol: 'redis', note: 'LPUSH jobs → 1', to: 'redis:6379' });
	});

	it('fetch still speaks only http', async () => {
		const f = createFetch(async () => ({ status: 200, headers: {}, body: '' }));
		await expect(f('redis://redis:6379/')).rejects.toThrow(/fetch speaks http/);
	});

	it('a parked request no longer keeps the network busy; a hold does until released', async () => {
		const net = createNetwork();
		let answer!: () => void;
		net.listen('redis', 6379, (_req, ex) => {
			ex.park();
			ex.park(); // idempotent
			return new Promise((r) => (answer = () => r({ status: 200, headers: {}, body: 'null' })));
		});
		const blocked = net.request('worker', { method: 'BRPOP', url: 'redis://redis:6379/', headers: {}, body: '[]' });
		await new Promise((r) => setTimeout(r, 5));
		let idle = false;
		void net.idle().then(() => (idle = true));
		await new Promise((r) => setTimeout(r, 5));
		expect(idle).toBe(true);
		const release = net.hold();
		let idle2 = false;
		void net.idle().then(() => (idle2 = true));
		await new Promise((r) => setTimeout(r, 5));
		expect(idle2).toBe(false);
		release();
		release();
		await new Promise((r) => setTimeout(r, 0));
		expect(idle2).toBe(true);
		expect(net.inFlight()).toBe(0);
		answer();
		await blocked;
		expect(net.inFlight()).toBe(0);
	});

	it('starts every kind afresh on each attach and stops the previous run’s', async () => {
		const events: string[] = [];
		let n = 0;
		const kind: WorldHostKind = {
			hosts: ['redis'],
			start(network) {
				const id = ++n;
				network.listen('redis', 6379, () => ({ status: 200, headers: {}, body: String(id) }));
				events.push(`start ${id}`);
				return { stop: () => events.push(`stop ${id}`) };
			}
		};
		const world = createWorldHosts([kind]);
		const ctx = { files: {}, print() {}, fail() {} };
		await world.attach(createNetwork(), ctx);
		const net2 = createNetwork();
		await world.attach(net2, ctx);
		expect((await net2.request('a', { method: 'GET', url: 'redis://redis/', headers: {}, body: '' })).body).toBe('2');
		world.stop();
		expect(events).toEqual(['start 1', 'stop 1', 'start 2', 'stop 2']);
	});
});

describe('world host names', () => {
	it('are exactly the names the registered kinds take', async () => {
		const { WORLD_HOST_KINDS, WORLD_HOST_NAMES } = await import('../../../src/lib/sim');
		const taken = WORLD_HOST_KINDS.flatMap((k) => k.hosts);
		for (const name of taken) expect(WORLD_HOST_NAMES).toContain(name);
	});
});

describe('the Network panel line for a record', () => {
	const base = { id: 1, from: 'a', to: 'b', requestHeaders: {}, status: 200, responseHeaders: {}, responseBody: '', startedAt: 0, latency: 1, error: null, kind: 'service' as const, fault: null, note: null };
	it('speaks each protocol, through its own summary', async () => {
		const { describeRecord } = await import('../../../src/lib/sim');
		expect(describeRecord({ ...base, protocol: 'http', method: 'GET', url: 'http://formatter:8081/format?x=1', requestBody: '' })).toBe('/format?x=1');
		expect(describeRecord({ ...base, protocol: 'http', method: 'GET', url: 'http://traefik/', requestBody: '', note: 'shop@file → frontend:8080 · 200' })).toBe('shop@file → frontend:8080 · 200');
		expect(describeRecord({ ...base, protocol: 'amqp', method: 'basic.publish', url: 'amqp://rabbitmq:5672/', requestBody: '{"exchange":"","routingKey":"jobs"}' })).toBe('publish → jobs');
		expect(describeRecord({ ...base, protocol: 'amqp', method: 'basic.nack', url: 'amqp://rabbitmq:5672/', requestBody: '{}', note: 'nack #3 · dropped' })).toBe('nack #3 · dropped');
		expect(describeRecord({ ...base, protocol: 'sql', method: 'QUERY', url: 'mysql://mysql:3306/shop', requestBody: '{"sql":"SELECT * FROM t","params":[]}', note: '3 rows' })).toMatch(/SELECT \* FROM t.*3 rows/);
		expect(describeRecord({ ...base, protocol: 'redis', method: 'LPUSH', url: 'redis://redis:6379/', requestBody: '["jobs","a"]', responseBody: '{"ok":1}' })).toMatch(/^LPUSH jobs a → 1/);
		expect(describeRecord({ ...base, protocol: 'grpc', method: 'POST', url: 'http://route:50051/route.Route/Find', requestBody: '{}', responseHeaders: { 'grpc-status': '0' } })).toMatch(/^\/route\.Route\/Find → OK/);
	});
});

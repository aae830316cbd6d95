// Anything can reach a gRPC server's port (`send` crafts any request): it answers every one with a
// clean status or HTTP error, never throws, and keeps serving.
import { afterEach, describe, expect, it } from 'vitest';
import type { SimRequest, SimResponse } from '../../../../src/lib/sim';
import { status } from '../../../../src/lib/sim/grpc';
import { grpcWorld } from './world';

let stop: (() => void)[] = [];
afterEach(() => {
	for (const s of stop) s();
	stop = [];
});

function server() {
	const w = grpcWorld();
	const s = new (w.service('route').grpc.Server)();
	let calls = 0;
	s.addService('route.Route', {
		Find(call, cb) {
			calls++;
			cb(null, { got: call.request });
		}
	});
	s.listen(50051);
	stop.push(() => s.forceShutdown());
	const attacker = w.service('attacker').host;
	const send = (over: Partial<SimRequest>): Promise<SimResponse> =>
		attacker.send({ method: 'POST', url: 'http://route:50051/route.Route/Find', headers: { 'content-type': 'application/grpc+json' }, body: '{}', ...over });
	return { ...w, send, calls: () => calls };
}

const grpcStatusOf = (r: SimResponse) => Number(r.headers['grpc-status']);

describe('a gRPC server under hostile requests', () => {
	it('bad JSON: INTERNAL Error deserializing request', async () => {
		const w = server();
		const r = await w.send({ body: '{"to": ' });
		expect(r.status).toBe(200);
		expect(grpcStatusOf(r)).toBe(status.INTERNAL);
		expect(decodeURI(r.headers['grpc-message'])).toMatch(/^Error deserializing request: /);
		expect(w.calls()).toBe(0);
	});

	it('bad base64 in a -bin key, an illegal key or value: INTERNAL, naming the key', async () => {
		const w = server();
		const bad = await w.send({ headers: { 'content-type': 'application/grpc+json', 'trace-bin': '***' } });
		expect(grpcStatusOf(bad)).toBe(status.INTERNAL);
		expect(decodeURI(bad.headers['grpc-message'])).toContain('"trace-bin" has a value that is not base64');
		const value = await w.send({ headers: { 'content-type': 'application/grpc+json', 'x-note': 'tab\there' } });
		expect(grpcStatusOf(value)).toBe(status.INTERNAL);
		const key = await w.send({ headers: { 'content-type': 'application/grpc+json', 'x key': 'v' } });
		expect(grpcStatusOf(key)).toBe(status.INTERNAL);
		expect(w.calls()).toBe(0);
	});

	it('huge metadata or a huge message: RESOURCE_EXHAUSTED, before any parsing', async () => {
		const w = server();
		const many: Record<string, string> = { 'content-type': 'application/grpc+json' };
		for (let i = 0; i < 500; i++) many[`x-${i}`] = 'v'.repeat(20);
		const r = await w.send({ headers: many });
		expect(grpcStatusOf(r)).toBe(status.RESOURCE_EXHAUSTED);
		const one = await w.send({ headers: { 'content-type': 'application/grpc+json', 'x-big': 'a'.repeat(100_000) } });
		expect(grpcStatusOf(one)).toBe(status.RESOURCE_EXHAUSTED);
		const body = await w.send({ body: JSON.stringify({ s: 'x'.repeat(5 * 1024 * 1024) }) });
		expect(grpcStatusOf(body)).toBe(status.RESOURCE_EXHAUSTED);
		expect(decodeURI(body.headers['grpc-message'])).toMatch(/^Received message larger than max \(\d+ vs\. 4194304\)$/);
	});

	it('not gRPC at all: 415 for another content type, 405 for another method; odd paths are UNIMPLEMENTED', async () => {
		const w = server();
		expect((await w.send({ headers: {} })).status).toBe(415);
		expect((await w.send({ method: 'GET' })).status).toBe(405);
		for (const url of ['http://route:50051/', 'http://route:50051/route.Route', 'http://route:50051/route.Route/Find/extra', 'http://route:50051/__proto__/constructor', `http://route:50051/${'a'.repeat(5000)}/b`]) {
			const r = await w.send({ url });
			expect(grpcStatusOf(r)).toBe(status.UNIMPLEMENTED);
			expect(r.headers['grpc-message'].length).toBeLessThan(400);
		}
	});

	it('a bad grpc-timeout is INTERNAL; a grpc-message with odd characters is percent-encoded', async () => {
		const w = server();
		const r = await w.send({ headers: { 'content-type': 'application/grpc+json', 'grpc-timeout': '9999999999999999S' } });
		expect(grpcStatusOf(r)).toBe(status.INTERNAL);
		expect(decodeURI(r.headers['grpc-message'])).toMatch(/^Invalid grpc-timeout value/);
		expect(w.calls()).toBe(0);
	});

	it('keeps serving after all that; an empty body is an empty message, any JSON value is passed as is', async () => {
		const w = server();
		await w.send({ body: '{' });
		const ok = await w.send({ body: '' });
		expect(grpcStatusOf(ok)).toBe(status.OK);
		expect(JSON.parse(ok.body)).toEqual({ got: {} });
		const arr = await w.send({ body: '[1,2]' });
		expect(JSON.parse(arr.body)).toEqual({ got: [1, 2] });
		const proto = await w.send({ body: '{"__proto__": {"polluted": true}}' });
		expect(grpcStatusOf(proto)).toBe(status.OK);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('a client reading a hostile reply still gets a ServiceError', async () => {
		const w = grpcWorld();
		const fake = w.service('fake').host;
		const replies: SimResponse[] = [
			{ status: 200, headers: { 'content-type': 'application/grpc+json', 'grpc-status': '0' }, body: 'not json' },
			{ status: 200, headers: { 'content-type': 'text/plain' }, body: 'hello' },
			{ status: 200, headers: { 'grpc-status': 'abc', 'grpc-message': '%E0%A4%A' }, body: '' },
			{ status: 200, headers: { 'grpc-status': '0' }, body: '' },
			{ status: 200, headers: { 'grpc-status': '99', 'bad key': 'x', 'x-bin': '!!' }, body: '' }
		];
		let i = 0;
		fake.listen(1, () => replies[i++]);
		const client = new (w.service('c').grpc.Client)('fake:1', 'f.F');
		const codes: number[] = [];
		for (let n = 0; n < replies.length; n++) codes.push(await client.call('M', {}).then(() => -1, (e) => e.code));
		expect(codes).toEqual([status.INTERNAL, status.UNKNOWN, status.UNKNOWN, status.UNIMPLEMENTED, status.UNKNOWN]);
	});
});

// Unary calls end to end on the simulated network, and every way one can fail: each status a real
// grpc-js client would report, with its message shape.
import { afterEach, describe, expect, it } from 'vitest';
import { summarizeGrpc, type ServiceError, type NetworkRecordEx, type ServerUnaryCall } from '../../../../src/lib/sim';
import { Metadata, status } from '../../../../src/lib/sim/grpc';
import { grpcWorld } from './world';

const fail = (p: Promise<unknown>) => p.then(() => expect.unreachable('call resolved'), (e: ServiceError) => e);

let stop: (() => void)[] = [];
afterEach(() => {
	for (const s of stop) s();
	stop = [];
});

function routeWorld(links = []) {
	const w = grpcWorld(links);
	const route = w.service('route');
	const server = new route.grpc.Server();
	let slowCall: ServerUnaryCall | null = null;
	let seen: { request: unknown; metadata: Metadata; path: string; deadline: number } | null = null;
	server.addService('route.Route', {
		Find(call, callback) {
			seen = { request: call.request, metadata: call.metadata, path: call.getPath(), deadline: call.getDeadline() };
			if (call.request.to === 'Mars') return callback({ code: status.NOT_FOUND, details: 'no route to Mars' });
			callback(null, { eta: 12, from: call.request.from });
		},
		async Crash() {
			throw new Error('handler broke');
		},
		Slow(call, callback) {
			slowCall = call;
			setTimeout(() => callback(null, { late: true }), 200);
		}
	});
	server.listen(50051);
	stop.push(() => server.forceShutdown());
	const frontend = w.service('frontend');
	const client = new frontend.grpc.Client('route:50051', 'route.Route');
	return { ...w, server, client, frontend, seen: () => seen!, slowCall: () => slowCall };
}

describe('gRPC unary calls', () => {
	it('sends a POST /<service>/<Method> with application/grpc+json; metadata as lower-case headers', async () => {
		const w = routeWorld();
		const md = new Metadata();
		md.set('Uber-Trace-Id', 'a:b:0:1');
		md.set('trace-bin', new Uint8Array([1, 2, 3]));
		const reply = await w.client.call('Find', { from: 'Home', to: 'Work' }, md);
		expect(reply).toEqual({ eta: 12, from: 'Home' });
		const [rec] = w.network.records();
		expect(rec).toMatchObject({ method: 'POST', url: 'http://route:50051/route.Route/Find', protocol: 'grpc', status: 200 });
		expect(rec.requestHeaders).toMatchObject({ 'content-type': 'application/grpc+json', 'uber-trace-id': 'a:b:0:1', 'trace-bin': 'AQID' });
		expect(JSON.parse(rec.requestBody)).toEqual({ from: 'Home', to: 'Work' });
		expect(rec.responseHeaders['grpc-status']).toBe('0');
		expect(w.seen().metadata.get('uber-trace-id')).toEqual(['a:b:0:1']);
		expect(w.seen().metadata.get('trace-bin')).toEqual([new Uint8Array([1, 2, 3])]);
		expect(w.seen().path).toBe('/route.Route/Find');
		expect(w.seen().deadline).toBe(Infinity);
		expect(summarizeGrpc(rec)).toBe('/route.Route/Find → OK');
	});

	it('a status from the handler reaches the client as a ServiceError, message as grpc-js formats it', async () => {
		const w = routeWorld();
		const e = await fail(w.client.call('Find', { to: 'Mars' }));
		expect(e).toBeInstanceOf(Error);
		expect(e).toMatchObject({ code: 5, details: 'no route to Mars', message: '5 NOT_FOUND: no route to Mars' });
		expect(e.metadata).toBeInstanceOf(Metadata);
		expect(summarizeGrpc(w.network.records()[0])).toBe('/route.Route/Find → NOT_FOUND: no route to Mars');
	});

	it('a handler that throws (or rejects) answers UNKNOWN and is reported like a server log', async () => {
		const w = routeWorld();
		const e = await fail(w.client.call('Crash', {}));
		expect(e).toMatchObject({ code: status.UNKNOWN, message: '2 UNKNOWN: handler broke' });
		expect(w.crashes.map((c) => [c.service, String(c.error)])).toEqual([['route', 'Error: handler broke']]);
	});

	it('an unknown method or service is UNIMPLEMENTED', async () => {
		const w = routeWorld();
		const e = await fail(w.client.call('Nope', {}));
		expect(e).toMatchObject({ code: status.UNIMPLEMENTED, details: 'The server does not implement the method /route.Route/Nope' });
		const other = new w.frontend.grpc.Client('route:50051', 'eta.ETA');
		expect((await fail(other.call('Estimate', {}))).code).toBe(status.UNIMPLEMENTED);
	});

	it('nobody listening, or no such host: UNAVAILABLE', async () => {
		const w = routeWorld();
		const refused = await fail(new w.frontend.grpc.Client('route:9999', 'route.Route').call('Find', {}));
		expect(refused).toMatchObject({ code: status.UNAVAILABLE, message: '14 UNAVAILABLE: No connection established. Last error: connect ECONNREFUSED route:9999' });
		const nohost = await fail(new w.frontend.grpc.Client('nowhere:50051', 'route.Route').call('Find', {}));
		expect(nohost.code).toBe(status.UNAVAILABLE);
		expect(summarizeGrpc(w.network.records()[0])).toMatch(/^\/route\.Route\/Find → UNAVAILABLE: ECONNREFUSED/);
	});

	it('a dropped message (fault) is UNAVAILABLE: Connection dropped', async () => {
		const w = routeWorld([{ to: 'route', fault: { drop: 1 } }] as never);
		expect(await fail(w.client.call('Find', {}))).toMatchObject({ code: status.UNAVAILABLE, details: 'Connection dropped' });
	});

	it.each([
		[503, status.UNAVAILABLE, 'UNAVAILABLE'],
		[404, status.UNIMPLEMENTED, 'UNIMPLEMENTED'],
		[401, status.UNAUTHENTICATED, 'UNAUTHENTICATED'],
		[403, status.PERMISSION_DENIED, 'PERMISSION_DENIED'],
		[400, status.INTERNAL, 'INTERNAL'],
		[429, status.UNAVAILABLE, 'UNAVAILABLE'],
		[500, status.UNKNOWN, 'UNKNOWN']
	])('an injected HTTP %i maps to %i as grpc-js maps it', async (http, code, name) => {
		const w = routeWorld([{ to: 'route', fault: { errorStatus: http } }] as never);
		const e = await fail(w.client.call('Find', {}));
		expect(e).toMatchObject({ code, details: `Received HTTP status code ${http}` });
		expect(summarizeGrpc(w.network.records()[0])).toBe(`/route.Route/Find → ${name} (HTTP ${http})`);
	});

	it('a passed deadline is DEADLINE_EXCEEDED on the client; the server sees the deadline and cancels the call', async () => {
		const w = routeWorld();
		const started = Date.now();
		const e = await fail(w.client.call('Slow', {}, { deadline: Date.now() + 50 }));
		expect(e).toMatchObject({ code: status.DEADLINE_EXCEEDED, message: '4 DEADLINE_EXCEEDED: Deadline exceeded' });
		expect(Date.now() - started).toBeLessThan(190);
		const rec = w.network.records()[0];
		expect(rec.requestHeaders['grpc-timeout']).toMatch(/^(50|49|48)m$/);
		expect(w.slowCall()!.getDeadline()).toBeGreaterThan(started);
		// the server's own timer answers too, so the record completes with the status
		await w.network.idle();
		expect(w.slowCall()!.cancelled).toBe(true);
		expect(w.network.records()[0].responseHeaders['grpc-status']).toBe(String(status.DEADLINE_EXCEEDED));
		// the late callback changes nothing
		await new Promise((r) => setTimeout(r, 200));
		expect(w.network.records()[0].responseHeaders['grpc-status']).toBe('4');
	});

	it('a deadline already past fails at once, without sending', async () => {
		const w = routeWorld();
		expect((await fail(w.client.call('Find', {}, new Metadata(), { deadline: new Date(Date.now() - 1) }))).code).toBe(status.DEADLINE_EXCEEDED);
		expect(w.network.records()).toHaveLength(0);
	});

	it('a deadline met is fine, and metadata may be left out before the options', async () => {
		const w = routeWorld();
		expect(await w.client.call('Find', { from: 'A' }, { deadline: Date.now() + 1000 })).toEqual({ eta: 12, from: 'A' });
	});

	it('forceShutdown drops calls in flight (UNAVAILABLE); tryShutdown waits for them', async () => {
		const w = routeWorld();
		const pending = fail(w.client.call('Slow', {}));
		await new Promise((r) => setTimeout(r, 10));
		w.server.forceShutdown();
		expect(await pending).toMatchObject({ code: status.UNAVAILABLE, details: 'Connection dropped' });
		expect((await fail(w.client.call('Find', {}))).code).toBe(status.UNAVAILABLE);

		const v = routeWorld();
		const slow = v.client.call('Slow', {});
		await new Promise((r) => setTimeout(r, 10));
		let drained = false;
		v.server.tryShutdown(() => (drained = true));
		expect(drained).toBe(false);
		expect(await slow).toEqual({ late: true });
		expect(drained).toBe(true);
	});

	it('refuses bad arguments the way a learner can fix them', async () => {
		const w = routeWorld();
		expect(() => new w.frontend.grpc.Client('route', 'route.Route')).not.toThrow(); // port 443, as grpc-js
		expect(() => new w.frontend.grpc.Client('not a host:1', 'route.Route')).toThrow(/Could not parse target name/);
		expect(() => new w.frontend.grpc.Client('route:50051', '')).toThrow(/not a service name/);
		await expect(w.client.call('', {})).rejects.toThrow(/not a method name/);
		const md = new Metadata();
		md.set('grpc-timeout', '1S');
		expect((await fail(w.client.call('Find', {}, md))).details).toMatch(/reserved/);
		const server = new w.frontend.grpc.Server();
		expect(() => server.addService('x.Y', { Find: 42 } as never)).toThrow('Method handler for /x.Y/Find expected function');
		server.addService('x.Y', { Find: () => {} });
		expect(() => server.addService('x.Y', { Find: () => {} })).toThrow('Method handler for /x.Y/Find already provided.');
		const closed = new w.frontend.grpc.Client('route:50051', 'route.Route');
		closed.close();
		await expect(closed.call('Find', {})).rejects.toThrow('Channel has been shut down');
	});

	it('summarizes an in-flight call and one without a grpc-status', () => {
		const base = { url: 'http://route:50051/route.Route/Find', error: null, responseHeaders: {} } as unknown as NetworkRecordEx;
		expect(summarizeGrpc({ ...base, status: null })).toBe('/route.Route/Find …');
		expect(summarizeGrpc({ ...base, status: 200 })).toBe('/route.Route/Find → no grpc-status');
	});
});

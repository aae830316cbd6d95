// Interceptors written once run around every method: in order, able to change the request and
// metadata, and to see a non-OK status as a thrown ServiceError they can tag and rethrow.
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientInterceptor, ServerInterceptor, ServiceError } from '../../../../src/lib/sim';
import { Metadata, status } from '../../../../src/lib/sim/grpc';
import { grpcWorld } from './world';

let stop: (() => void)[] = [];
afterEach(() => {
	for (const s of stop) s();
	stop = [];
});

function world(serverInterceptors: ServerInterceptor[], clientInterceptors: ClientInterceptor[]) {
	const w = grpcWorld();
	const route = w.service('route');
	const server = new route.grpc.Server({ interceptors: serverInterceptors });
	server.addService('route.Route', {
		Find(call, callback) {
			if (call.request.to === 'Mars') return callback({ code: status.NOT_FOUND, details: 'no route' });
			callback(null, { to: call.request.to, tag: call.metadata.get('x-tag') });
		},
		Crash() {
			throw new Error('boom');
		}
	});
	server.listen(50051);
	stop.push(() => server.forceShutdown());
	const client = new (w.service('frontend').grpc.Client)('route:50051', 'route.Route', { interceptors: clientInterceptors });
	return { ...w, client };
}

describe('gRPC interceptors', () => {
	it('run outermost first on both sides, once per call, with the full method', async () => {
		const log: string[] = [];
		const c = (name: string): ClientInterceptor => async (method, request, metadata, next) => {
			log.push(`client ${name} > ${method}`);
			const reply = await next(request, metadata);
			log.push(`client ${name} <`);
			return reply;
		};
		const s = (name: string): ServerInterceptor => async (call, next) => {
			log.push(`server ${name} > ${call.getPath()}`);
			const reply = await next();
			log.push(`server ${name} <`);
			return reply;
		};
		const w = world([s('a'), s('b')], [c('1'), c('2')]);
		expect(await w.client.call('Find', { to: 'Work' })).toEqual({ to: 'Work', tag: [] });
		expect(log).toEqual([
			'client 1 > /route.Route/Find',
			'client 2 > /route.Route/Find',
			'server a > /route.Route/Find',
			'server b > /route.Route/Find',
			'server b <',
			'server a <',
			'client 2 <',
			'client 1 <'
		]);
	});

	it('a client interceptor can add metadata (a carrier for inject) and change the request; the server reads it', async () => {
		const inject: ClientInterceptor = (_method, request, metadata, next) => {
			const md = metadata.clone();
			md.set('X-Tag', 'traced');
			return next({ ...request, to: request.to.toUpperCase() }, md);
		};
		const w = world([], [inject]);
		expect(await w.client.call('Find', { to: 'work' })).toEqual({ to: 'WORK', tag: ['traced'] });
	});

	it('a non-OK status reaches interceptors as a thrown ServiceError they can tag and rethrow', async () => {
		const tags: string[] = [];
		const serverSide: ServerInterceptor = async (call, next) => {
			try {
				return await next();
			} catch (e) {
				const err = e as ServiceError;
				tags.push(`server ${call.getPath()} error=${err.code} ${err.message}`);
				throw err;
			}
		};
		const clientSide: ClientInterceptor = async (method, request, metadata, next) => {
			try {
				return await next(request, metadata);
			} catch (e) {
				const err = e as ServiceError;
				tags.push(`client ${method} error=${err.code} ${err.details}`);
				throw err;
			}
		};
		const w = world([serverSide], [clientSide]);
		await expect(w.client.call('Find', { to: 'Mars' })).rejects.toMatchObject({ code: status.NOT_FOUND, message: '5 NOT_FOUND: no route' });
		await expect(w.client.call('Crash', {})).rejects.toMatchObject({ code: status.UNKNOWN, details: 'boom' });
		expect(tags).toEqual([
			'server /route.Route/Find error=5 5 NOT_FOUND: no route',
			'client /route.Route/Find error=5 no route',
			'server /route.Route/Crash error=2 2 UNKNOWN: boom',
			'client /route.Route/Crash error=2 boom'
		]);
		// the handler's crash is reported once, the status the interceptor rethrew is not a new crash
		expect(w.crashes.map((c) => String(c.error))).toEqual(['Error: boom']);
	});

	it('a server interceptor may refuse a call with a status, or answer for the handler', async () => {
		const auth: ServerInterceptor = async (call, next) => {
			if (call.metadata.get('authorization').length === 0) throw { code: status.UNAUTHENTICATED, details: 'no token' };
			if (call.request.to === 'cached') return { to: 'from cache', tag: [] };
			return next();
		};
		const w = world([auth], []);
		await expect(w.client.call('Find', { to: 'x' })).rejects.toMatchObject({ code: status.UNAUTHENTICATED, details: 'no token' });
		const md = new Metadata();
		md.set('authorization', 'Bearer t');
		expect(await w.client.call('Find', { to: 'cached' }, md)).toEqual({ to: 'from cache', tag: [] });
		expect(w.crashes).toEqual([]);
	});

	it('an interceptor that crashes is UNKNOWN on the wire and reported; a client interceptor’s crash reaches the caller as is', async () => {
		const broken: ServerInterceptor = () => {
			throw new TypeError('span is undefined');
		};
		const w = world([broken], []);
		await expect(w.client.call('Find', { to: 'x' })).rejects.toMatchObject({ code: status.UNKNOWN, details: 'span is undefined' });
		expect(w.crashes.map((c) => String(c.error))).toEqual(['TypeError: span is undefined']);

		const v = world([], [() => Promise.reject(new RangeError('mine'))]);
		await expect(v.client.call('Find', {})).rejects.toThrow(RangeError);
	});

	it('refuses interceptors that are not functions', () => {
		const w = grpcWorld().service('x');
		expect(() => new w.grpc.Server({ interceptors: [42 as never] })).toThrow(/interceptors must be an array of functions/);
		expect(() => new w.grpc.Client('a:1', 'a.A', { interceptors: 'no' as never })).toThrow(/interceptors must be an array of functions/);
	});
});

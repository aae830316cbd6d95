import { describe, expect, it } from 'vitest';
import { createHttpModule, createNetwork, splitArgs, programArgs, createProcessModule, type HttpHost } from '../../../src/lib/sim';

/** tour/http for one service, wired straight to a network (in the browser a worker sits in between). */
function httpFor(net: ReturnType<typeof createNetwork>, service: string, errors: unknown[] = []) {
	net.addHost(service);
	const closers = new Map<number, () => void>();
	const host: HttpHost = {
		send: (req) => net.request(service, req),
		listen: (port, handler) => closers.set(port, net.listen(service, port, handler)),
		close: (port) => closers.get(port)?.(),
		handlerError: (e) => errors.push(e)
	};
	return createHttpModule(host);
}

describe('tour/http over the simulated network', () => {
	it('lesson 3 shape: formatter answers GET /format?helloTo=… and sees the injected header', async () => {
		const net = createNetwork();
		const formatter = httpFor(net, 'formatter');
		const hello = httpFor(net, 'hello');
		let traceHeader: string | undefined;
		formatter.serve(8081, (req) => {
			traceHeader = req.headers['uber-trace-id'];
			expect(req.path).toBe('/format');
			expect(req.query.get('helloTo')).toBe(req.query.helloTo);
			return `Hello, ${req.query.helloTo}!`;
		});
		const res = await hello.fetch('http://formatter:8081/format?helloTo=Bryan', {
			headers: { 'Uber-Trace-Id': 'a1:b2:0:1' }
		});
		expect(res.status).toBe(200);
		expect(res.ok).toBe(true);
		expect(res.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
		expect(await res.text()).toBe('Hello, Bryan!');
		expect(traceHeader).toBe('a1:b2:0:1');
		expect(Object.keys(net.records()[0].requestHeaders)).toEqual(['uber-trace-id']);
	});

	it('full responses, JSON bodies both ways, and status codes', async () => {
		const net = createNetwork();
		const api = httpFor(net, 'api');
		const client = httpFor(net, 'client');
		api.serve(80, (req) => {
			if (req.method !== 'POST') return { status: 405, body: 'use POST' };
			return { status: 201, headers: { 'X-Id': 7 }, body: { got: req.json() } };
		});
		const created = await client.fetch('http://api/items', { method: 'POST', body: { name: 'x' } });
		expect(created.status).toBe(201);
		expect(created.headers.get('x-id')).toBe('7');
		expect(created.headers.get('content-type')).toBe('application/json');
		expect(await created.json()).toEqual({ got: { name: 'x' } });
		const wrong = await client.fetch('http://api/items');
		expect([wrong.status, wrong.ok, wrong.statusText]).toEqual([405, false, 'Method Not Allowed']);
		await wrong.text();
		await expect(wrong.text()).rejects.toThrow(/already been read/);
	});

	it('a throwing handler answers 500 and reports the error; the server keeps serving', async () => {
		const net = createNetwork();
		const errors: unknown[] = [];
		const api = httpFor(net, 'api', errors);
		const client = httpFor(net, 'client');
		let n = 0;
		api.serve(80, () => {
			if (n++ === 0) throw new Error('boom');
			return 'fine';
		});
		expect((await client.fetch('http://api/')).status).toBe(500);
		expect((errors[0] as Error).message).toBe('boom');
		expect(await (await client.fetch('http://api/')).text()).toBe('fine');
	});

	it('fetch rejects like Node: TypeError "fetch failed" with the system error as cause', async () => {
		const net = createNetwork();
		const client = httpFor(net, 'client');
		httpFor(net, 'publisher');
		const e1 = await client.fetch('http://publisher:8082/publish').catch((e) => e);
		expect(e1).toBeInstanceOf(TypeError);
		expect(e1.message).toBe('fetch failed: connect ECONNREFUSED publisher:8082');
		expect(e1.cause.code).toBe('ECONNREFUSED');
		const e2 = await client.fetch('http://publsher:8082/publish').catch((e) => e);
		expect(e2.cause.code).toBe('ENOTFOUND');
	});

	it('server.close() closes the port', async () => {
		const net = createNetwork();
		const api = httpFor(net, 'api');
		const client = httpFor(net, 'client');
		const server = api.serve(80, () => 'hi');
		expect((await client.fetch('http://api/')).status).toBe(200);
		server.close();
		expect((await client.fetch('http://api/').catch((e) => e)).cause.code).toBe('ECONNREFUSED');
		expect(() => api.serve(0, () => '')).toThrow(RangeError);
	});
});

describe('tour/process', () => {
	it('splits the Arguments field like a shell and shapes argv like Node', () => {
		expect(splitArgs(' Bryan  Bonjour ')).toEqual(['Bryan', 'Bonjour']);
		expect(splitArgs(`Bryan "Bonjour tout le monde" 'a b'`)).toEqual(['Bryan', 'Bonjour tout le monde', 'a b']);
		expect(splitArgs('')).toEqual([]);
		expect(createProcessModule('hello', ['Bryan']).argv).toEqual(['node', 'hello', 'Bryan']);
	});

	it('reads the field as the program gets it: a leading program name is the command', () => {
		expect(programArgs('hello Bryan Bonjour', 'hello')).toEqual(['Bryan', 'Bonjour']);
		expect(programArgs('Bryan Bonjour', 'hello')).toEqual(['Bryan', 'Bonjour']);
		expect(programArgs(['hello', 'Bryan'], 'hello')).toEqual(['Bryan']);
		// only the first word, only the program's own name
		expect(programArgs('Bryan hello', 'hello')).toEqual(['Bryan', 'hello']);
		expect(programArgs('formatter Bryan', 'hello')).toEqual(['formatter', 'Bryan']);
		expect(programArgs('hello', 'hello')).toEqual([]);
	});
});

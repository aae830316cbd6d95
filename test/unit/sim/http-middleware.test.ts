// serve(port, routes, ...middleware): the route is matched first (404/405 otherwise), the request
// says which route and parameters, and each middleware wraps each route's handler once.
import { describe, expect, it } from 'vitest';
import { createHttpModule, createNetwork, type Middleware, type ServerHandler } from '../../../src/lib/sim';

function world() {
	const network = createNetwork();
	const crashes: unknown[] = [];
	const host = {
		send: (req: Parameters<typeof network.request>[1]) => network.request('client', req),
		listen: (port: number, h: Parameters<typeof network.listen>[2]) => void network.listen('api', port, h),
		close: () => {},
		handlerError: (e: unknown) => void crashes.push(e)
	};
	network.addHost('client');
	return { http: createHttpModule(host), crashes };
}

describe('serve with routes and middleware', () => {
	it('matches routes by method and path; req.route and req.params say which', async () => {
		const { http } = world();
		http.serve(8080, {
			'GET /customer/:id': (req) => ({ body: { route: req.route, params: req.params, path: req.path } }),
			'/dispatch': (req) => `dispatch ${req.method} ${req.route}`,
			'POST /customer/:id/orders/:order': (req) => ({ body: req.params })
		});
		expect(await (await http.fetch('http://api:8080/customer/123?x=1')).json()).toEqual({ route: '/customer/:id', params: { id: '123' }, path: '/customer/123' });
		expect(await (await http.fetch('http://api:8080/customer/a%20b/')).json()).toMatchObject({ params: { id: 'a b' } });
		expect(await (await http.fetch('http://api:8080/dispatch', { method: 'POST' })).text()).toBe('dispatch POST /dispatch');
		expect(await (await http.fetch('http://api:8080/customer/7/orders/9', { method: 'POST' })).json()).toEqual({ id: '7', order: '9' });
	});

	it('404 when no route matches, 405 with Allow when the path matches another method', async () => {
		const { http } = world();
		http.serve(8080, { 'GET /customer/:id': () => 'ok', 'PUT /customer/:id': () => 'ok' });
		const missing = await http.fetch('http://api:8080/driver/1');
		expect([missing.status, await missing.text()]).toEqual([404, 'Not Found']);
		expect((await http.fetch('http://api:8080/customer')).status).toBe(404);
		expect((await http.fetch('http://api:8080/customer/1/2')).status).toBe(404);
		const wrong = await http.fetch('http://api:8080/customer/1', { method: 'DELETE' });
		expect(wrong.status).toBe(405);
		expect(wrong.headers.get('allow')).toBe('GET, PUT');
	});

	it('each middleware wraps each route once, the first outermost, and sees the route', async () => {
		const { http } = world();
		const log: string[] = [];
		let wraps = 0;
		const named =
			(name: string): Middleware =>
			(handler) => {
				wraps++;
				return async (req) => {
					log.push(`${name} > ${req.method} ${req.route}`);
					const res = await handler(req);
					log.push(`${name} <`);
					return res;
				};
			};
		http.serve(8080, { 'GET /customer/:id': () => 'c', '/route': () => 'r' }, named('traced'), named('timed'));
		expect(wraps).toBe(4);
		await http.fetch('http://api:8080/customer/5');
		await http.fetch('http://api:8080/route');
		expect(wraps).toBe(4);
		expect(log).toEqual(['traced > GET /customer/:id', 'timed > GET /customer/:id', 'timed <', 'traced <', 'traced > GET /route', 'timed > GET /route', 'timed <', 'traced <']);
	});

	it('a plain handler still works, wrapped by hand or by serve; route is then the path', async () => {
		const { http } = world();
		const traced: Middleware = (h) => async (req) => `[${await h(req)}]`;
		const handler: ServerHandler = (req) => `${req.route} ${JSON.stringify(req.params)}`;
		http.serve(8080, traced(handler));
		http.serve(8081, handler, traced);
		expect(await (await http.fetch('http://api:8080/any/path')).text()).toBe('[/any/path {}]');
		expect(await (await http.fetch('http://api:8081/x')).text()).toBe('[/x {}]');
	});

	it('refuses bad route tables and middleware when serve is called', () => {
		const { http } = world();
		expect(() => http.serve(1, { 'customer/:id': () => 'x' })).toThrow(/must start with '\/'/);
		expect(() => http.serve(2, { 'G3T /x': () => 'x' })).toThrow(/not an HTTP method/);
		expect(() => http.serve(3, { '/x/:a/:a': () => 'x' })).toThrow(/appears twice/);
		expect(() => http.serve(4, { '/x/:__proto__': () => 'x' })).toThrow(/not a parameter name/);
		expect(() => http.serve(5, { '/x': 'nope' as never })).toThrow(/handler must be a function/);
		expect(() => http.serve(6, { '/x': () => 'x' }, 42 as never)).toThrow(/middleware 1 must be a function/);
		expect(() => http.serve(7, { '/x': () => 'x' }, (() => undefined) as never)).toThrow(/not a handler function/);
		expect(() => http.serve(8, 'nope' as never)).toThrow(/handler must be a function or an object of routes/);
	});

	it('a throwing route handler is a 500 and reported, like any handler', async () => {
		const { http, crashes } = world();
		http.serve(8080, {
			'/boom': () => {
				throw new Error('boom');
			}
		});
		expect((await http.fetch('http://api:8080/boom')).status).toBe(500);
		expect(crashes.map(String)).toEqual(['Error: boom']);
	});
});

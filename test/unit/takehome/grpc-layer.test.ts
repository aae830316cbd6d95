// The take-home project's tour/grpc on real @grpc/grpc-js: a course-shaped server and client (JSON
// messages, the course's interceptors) talking HTTP/2 over localhost, with the course's statuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LAYER_FILES } from '../../../src/lib/takehome/layer';

// inside node_modules, so the layer's `import '@grpc/grpc-js'` finds the repository's copy
const dir = mkdtempSync(join(process.cwd(), 'node_modules', '.tour-grpc-'));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let tour: any;
let port = 0;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let server: any;
const seen: string[] = [];

const freePort = () =>
	new Promise<number>((resolve) => {
		const s = createServer().listen(0, '127.0.0.1', () => {
			const p = (s.address() as { port: number }).port;
			s.close(() => resolve(p));
		});
	});

beforeAll(async () => {
	for (const f of ['grpc.js', 'hosts.js', 'lifecycle.js']) writeFileSync(join(dir, f), LAYER_FILES[f]);
	writeFileSync(join(dir, 'project.json'), JSON.stringify({ services: [{ file: 'route.ts', name: 'route' }], worldHosts: [] }));
	tour = await import(pathToFileURL(join(dir, 'grpc.js')).href);
	const lifecycle = await import(pathToFileURL(join(dir, 'lifecycle.js')).href);
	port = await freePort();
	server = new tour.Server({
		interceptors: [
			async (call: { getPath(): string; metadata: { get(k: string): string[] } }, next: () => Promise<unknown>) => {
				seen.push(`server ${call.getPath()} trace=${call.metadata.get('uber-trace-id')[0] ?? '-'}`);
				try {
					return await next();
				} catch (e) {
					seen.push(`server error ${(e as { code: number }).code}`);
					throw e;
				}
			}
		]
	});
	server.addService('route.Route', {
		Find(call: { request: { to: string } }, callback: (err: unknown, reply?: unknown) => void) {
			if (call.request.to === 'Mars') return callback({ code: tour.status.NOT_FOUND, details: 'no route to Mars' });
			callback(null, { km: call.request.to.length * 10 });
		},
		async Crash() {
			throw new Error('handler bug');
		},
		Slow(_call: unknown, callback: (err: unknown, reply?: unknown) => void) {
			setTimeout(() => callback(null, {}), 500);
		}
	});
	server.listen(port);
	await Promise.all(lifecycle.held.listening);
});

afterAll(() => {
	server?.forceShutdown();
	rmSync(dir, { recursive: true, force: true });
});

describe('tour/grpc in the take-home project (real @grpc/grpc-js)', () => {
	it('a unary call with JSON messages through both interceptor chains, metadata crossing to the server', async () => {
		const client = new tour.Client(`route:${port}`, 'route.Route', {
			interceptors: [
				(method: string, request: unknown, metadata: { clone(): { set(k: string, v: string): void } }, next: (r: unknown, m: unknown) => Promise<unknown>) => {
					seen.push(`client ${method}`);
					const md = metadata.clone();
					md.set('uber-trace-id', 'abc:def:0:1');
					return next(request, md);
				}
			]
		});
		expect(client.getAddress()).toBe(`route:${port}`);
		expect(await client.call('Find', { from: 'Home', to: 'Work' })).toEqual({ km: 40 });
		expect(seen.splice(0)).toEqual(['client /route.Route/Find', 'server /route.Route/Find trace=abc:def:0:1']);
		client.close();
	});

	it('statuses as the course has them: the handler’s code, UNKNOWN for a crash, DEADLINE_EXCEEDED, UNIMPLEMENTED', async () => {
		const client = new tour.Client(`dns:///route:${port}`, 'route.Route');
		await expect(client.call('Find', { to: 'Mars' })).rejects.toMatchObject({ code: tour.status.NOT_FOUND, details: 'no route to Mars' });
		expect(seen.splice(0)).toEqual(['server /route.Route/Find trace=-', `server error ${tour.status.NOT_FOUND}`]);
		await expect(client.call('Crash', {})).rejects.toMatchObject({ code: tour.status.UNKNOWN, details: 'handler bug' });
		await expect(client.call('Slow', {}, { deadline: Date.now() + 100 })).rejects.toMatchObject({ code: tour.status.DEADLINE_EXCEEDED });
		await expect(client.call('Nope', {})).rejects.toMatchObject({ code: tour.status.UNIMPLEMENTED });
		client.close();
	});
});

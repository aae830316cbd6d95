// What chapter 6's text tells learners they will see in the Network panel, checked against real runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestsTo } from '$lib/checks';
import { runWorld, setUpWorld, tearDownWorld } from './world';
import { step } from './course';

beforeAll(setUpWorld);
afterAll(tearDownWorld);

describe('grpc-middleware: what the Network panel shows', () => {
	it('metadata: the call carries uber-trace-id and session-bin as base64 yv66vg==', async () => {
		const s = step('grpc-middleware/metadata');
		const run = await runWorld(s.solution, s.services, s.args);
		const [call] = requestsTo(run, 'customer');
		expect(call.method).toBe('POST');
		expect(call.url).toMatch(/\/customer\.Customers\/Get$/);
		expect(call.requestHeaders['content-type']).toMatch(/^application\/grpc/);
		expect(call.requestHeaders['te']).toBe('trailers');
		expect(call.requestHeaders['session-bin']).toBe('yv66vg==');
		expect(call.requestHeaders['uber-trace-id']).toMatch(/^[0-9a-f]+:[0-9a-f]+:[0-9a-f]+:1$/);
	});

	it('interceptors: the NOT_FOUND call is HTTP 200 with grpc-status 5', async () => {
		const s = step('grpc-middleware/interceptors');
		const run = await runWorld(s.solution, s.services, s.args);
		const calls = requestsTo(run, 'customer');
		expect(calls).toHaveLength(3);
		expect(calls[1].status).toBe(200);
		expect(calls[1].responseHeaders['grpc-status']).toBe('5');
		expect(run.console.map((l) => l.text).filter((t) => !t.startsWith('Reporting span'))).toEqual([
			"Rachel's Floral Designs is at 115,277",
			'customer 999: no customer 999',
			'2 customers in all'
		]);
	});

	it('ingress: traefik names its spans as the text says; only the forwarded request carries the context', async () => {
		const s = step('grpc-middleware/ingress');
		const run = await runWorld(s.solution, s.services, s.args);
		const ops = new Set(run.traces.flatMap((t) => t.spans.filter((x) => t.processes[x.processID].serviceName === 'traefik').map((x) => x.operationName)));
		expect([...ops].sort()).toEqual(['EntryPoint web traefik', 'forward frontend@file/shop@file']);
		const [toProxy] = requestsTo(run, 'traefik');
		expect(Object.keys(toProxy.requestHeaders).filter((k) => /trace|b3/.test(k))).toEqual([]);
		const [forwarded] = run.network.filter((r) => r.from === 'traefik');
		expect(forwarded.requestHeaders['uber-trace-id']).toBeTruthy();
		expect(forwarded.requestHeaders['x-forwarded-host']).toBe('traefik');
	});

	it('propagation-mismatch: the start makes eight traces and traefik sends B3 headers', async () => {
		const s = step('grpc-middleware/propagation-mismatch');
		const run = await runWorld(s.start, s.services, s.args);
		expect(run.traces).toHaveLength(8);
		const [forwarded] = run.network.filter((r) => r.from === 'traefik');
		expect(forwarded.requestHeaders).toMatchObject({ 'x-b3-traceid': expect.any(String), 'x-b3-spanid': expect.any(String), 'x-b3-sampled': '1' });
		expect(forwarded.requestHeaders['uber-trace-id']).toBeUndefined();
	});
});

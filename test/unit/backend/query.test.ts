import { describe, expect, it } from 'vitest';
import { createBackend, QueryError } from '../../../src/lib/backend/index';
import { childOf, int, span, str, T0 } from './fixtures';

const now = () => T0 / 1000 + 60_000;

function seeded() {
	const b = createBackend({ now });
	const root = span({ service: 'hello-world', operationName: 'say-hello', tags: [str('hello-to', 'Bryan')], startTime: T0, duration: 5000 });
	const fmt = childOf(root, { service: 'formatter', operationName: 'format', tags: [str('span.kind', 'server'), int('http.status_code', 200)], duration: 1200 });
	const pub = childOf(root, { service: 'publisher', operationName: 'publish', tags: [str('span.kind', 'server')], duration: 300 });
	const other = span({ service: 'hello-world', operationName: 'say-hello', tags: [str('hello-to', 'Alice')], startTime: T0 + 2e6, duration: 100 });
	const stored = b.collector.writeSpans([root, fmt, pub, other]);
	expect(stored.stored).toBe(4);
	return { b, root, fmt, pub, other };
}

const get = async (b: ReturnType<typeof createBackend>, path: string) => {
	const res = await b.query({ method: 'GET', url: 'http://jaeger-query:16686' + path, headers: {}, body: '' });
	return { status: res.status, body: JSON.parse(res.body) };
};

describe('jaeger-query HTTP API', () => {
	it('/api/services and /api/services/{s}/operations in the envelope', async () => {
		const { b } = seeded();
		expect(await get(b, '/api/services')).toEqual({
			status: 200,
			body: { data: ['formatter', 'hello-world', 'publisher'], total: 3, limit: 0, offset: 0, errors: null }
		});
		expect((await get(b, '/api/services/hello-world/operations')).body.data).toEqual(['say-hello']);
		expect((await get(b, '/api/services/nobody/operations')).body.data).toEqual([]);
	});

	it('/api/operations?service=&spanKind= as newer Jaeger has', async () => {
		const { b } = seeded();
		expect((await get(b, '/api/operations?service=formatter')).body.data).toEqual([{ name: 'format', spanKind: 'server' }]);
		expect((await get(b, '/api/operations?service=formatter&spanKind=client')).body.data).toEqual([]);
		expect((await get(b, '/api/operations')).status).toBe(400);
	});

	it('/api/traces/{id} returns Jaeger JSON with spans and processes', async () => {
		const { b, root } = seeded();
		const { status, body } = await get(b, `/api/traces/${root.traceID}`);
		expect(status).toBe(200);
		expect(body.errors).toBeNull();
		const trace = body.data[0];
		expect(trace.traceID).toBe(root.traceID);
		expect(trace.spans).toHaveLength(3);
		expect(Object.values(trace.processes).map((p) => (p as { serviceName: string }).serviceName).sort()).toEqual(['formatter', 'hello-world', 'publisher']);
		for (const s of trace.spans) expect(trace.processes[s.processID]).toBeDefined();
		// the short id a tracer logs finds the same trace
		const short = root.traceID.replace(/^0+/, '');
		expect((await get(b, `/api/traces/${short.toUpperCase()}`)).body.data[0].traceID).toBe(root.traceID);
	});

	it('/api/traces/{id}: 404 when unknown, 400 when not an id', async () => {
		const { b } = seeded();
		expect(await get(b, '/api/traces/0123456789abcdef')).toEqual({
			status: 404,
			body: { data: null, total: 0, limit: 0, offset: 0, errors: [{ code: 404, msg: 'trace not found' }] }
		});
		expect((await get(b, '/api/traces/not-an-id')).status).toBe(400);
	});

	it('/api/traces searches with JSON or logfmt tags, durations, newest first', async () => {
		const { b, root, other } = seeded();
		const ids = async (qs: string) => (await get(b, '/api/traces?' + qs)).body.data.map((t: { traceID: string }) => t.traceID);
		expect(await ids('service=hello-world')).toEqual([other.traceID, root.traceID]);
		expect(await ids('service=hello-world&limit=1')).toEqual([other.traceID]);
		expect(await ids('service=hello-world&tags=' + encodeURIComponent('{"hello-to":"Bryan"}'))).toEqual([root.traceID]);
		expect(await ids('service=hello-world&tags=' + encodeURIComponent('hello-to=Alice'))).toEqual([other.traceID]);
		expect(await ids('service=formatter&operation=format&tags=' + encodeURIComponent('http.status_code=200 span.kind=server'))).toEqual([root.traceID]);
		expect(await ids('service=hello-world&minDuration=1ms')).toEqual([root.traceID]);
		expect(await ids('service=hello-world&maxDuration=500us')).toEqual([other.traceID]);
		expect(await ids(`service=hello-world&start=${T0 + 1e6}&end=${T0 + 3e6}`)).toEqual([other.traceID]);
		expect(await ids('service=hello-world&lookback=1h')).toEqual([other.traceID, root.traceID]); // now is T0 + 60 s
		expect(await ids(`service=hello-world&end=${T0 + 1e6}&lookback=500ms`)).toEqual([]);
	});

	it('/api/traces?traceID=… returns those found and lists the missing', async () => {
		const { b, root } = seeded();
		const r = await get(b, `/api/traces?traceID=${root.traceID}&traceID=00000000000000ff`);
		expect(r.status).toBe(200);
		expect(r.body.data).toHaveLength(1);
		expect(r.body.errors).toEqual([{ code: 404, msg: 'trace not found', traceID: '00000000000000ff' }]);
	});

	it('/api/traces answers bad parameters with 400 and a Jaeger-like error', async () => {
		const { b } = seeded();
		const r = await get(b, '/api/traces?operation=x');
		expect(r).toEqual({ status: 400, body: { data: null, total: 0, limit: 0, offset: 0, errors: [{ code: 400, msg: "parameter 'service' is required" }] } });
		expect((await get(b, '/api/traces?service=a&minDuration=soon')).status).toBe(400);
	});

	it('/api/dependencies?endTs=&lookback= in ms', async () => {
		const { b } = seeded();
		const r = await get(b, `/api/dependencies?endTs=${T0 / 1000 + 10_000}&lookback=3600000`);
		expect(r.body.data).toEqual([
			{ parent: 'hello-world', child: 'formatter', callCount: 1 },
			{ parent: 'hello-world', child: 'publisher', callCount: 1 }
		]);
		expect((await get(b, `/api/dependencies?endTs=${T0 / 1000 - 7_200_000}&lookback=1h`)).body.data).toEqual([]);
	});

	it('unknown routes and writes are refused with JSON errors', async () => {
		const { b } = seeded();
		expect((await get(b, '/api/nothing')).status).toBe(404);
		const res = await b.query({ method: 'POST', url: 'http://jaeger-query:16686/api/traces', headers: {}, body: '' });
		expect(res.status).toBe(405);
		expect(JSON.parse(res.body).errors[0].code).toBe(405);
	});
});

describe('query client', () => {
	it('reads everything through a fetch-like function', async () => {
		const { b, root, other } = seeded();
		const c = b.client;
		expect(await c.getServices()).toEqual(['formatter', 'hello-world', 'publisher']);
		expect(await c.getOperations('publisher')).toEqual(['publish']);
		expect(await c.getOperationsWithKinds('publisher', 'server')).toEqual([{ name: 'publish', spanKind: 'server' }]);
		expect((await c.findTraces({ service: 'hello-world', tags: { 'hello-to': 'Bryan' } })).map((t) => t.traceID)).toEqual([root.traceID]);
		expect((await c.findTraces({ service: 'hello-world', tags: 'hello-to=Alice' })).map((t) => t.traceID)).toEqual([other.traceID]);
		expect((await c.findTraces({ service: 'hello-world', minDuration: 1000, limit: 5 })).map((t) => t.traceID)).toEqual([root.traceID]);
		expect((await c.findTraces({ service: 'hello-world', minDuration: '1.5ms' })).map((t) => t.traceID)).toEqual([root.traceID]);
		expect((await c.getTrace(root.traceID))!.spans).toHaveLength(3);
		expect(await c.getTrace('00000000000000ff')).toBeNull();
		expect(await c.getDependencies({ endTs: T0 / 1000 + 1000, lookback: '1h' })).toHaveLength(2);
	});

	it('throws a QueryError carrying Jaeger’s messages', async () => {
		const { b } = seeded();
		const err = await b.client.findTraces({ service: '' }).catch((e) => e);
		expect(err).toBeInstanceOf(QueryError);
		expect(err.status).toBe(400);
		expect(err.message).toMatch(/service' is required/);
	});

	it('works with fetch-style responses too (text())', async () => {
		const { b } = seeded();
		const { createQueryClient } = await import('../../../src/lib/backend/index');
		const fetchStyle = async (url: string) => {
			const r = await b.fetch(url);
			return { status: r.status, text: async () => r.body as string };
		};
		expect(await createQueryClient(fetchStyle).getServices()).toHaveLength(3);
	});
});

// The API backend.worker.ts exposes over comlink, exercised in Node. Answers are checked to be
// structured-clone safe, since that is how they leave the worker.
import { describe, expect, it } from 'vitest';
import { createBackend, createBackendWorkerApi, readRunTraces } from '../../../src/lib/backend/index';
import { span, T0 } from './fixtures';

const now = () => T0 / 1000 + 60_000;
const api = () => createBackendWorkerApi((options) => createBackend({ ...options, now }));

describe('backend worker API', () => {
	it('routes requests by host and port, and lists its endpoints', async () => {
		const w = api();
		expect(w.endpoints()).toEqual(
			expect.arrayContaining([
				{ host: 'jaeger-agent', port: 6831, datagram: true },
				{ host: 'jaeger-agent', port: 5778, datagram: false },
				{ host: 'jaeger-collector', port: 14268, datagram: false },
				{ host: 'jaeger-query', port: 16686, datagram: false }
			])
		);
		const s = span();
		const posted = await w.handle('jaeger-collector', 14268, {
			method: 'POST',
			url: 'http://jaeger-collector:14268/api/traces',
			headers: {},
			body: JSON.stringify({ spans: [s] })
		});
		expect(posted.status).toBe(202);
		const got = await w.handle('jaeger-query', 16686, { method: 'GET', url: `http://jaeger-query:16686/api/traces/${s.traceID}`, headers: {}, body: '' });
		expect(structuredClone(got)).toEqual(got);
		expect(JSON.parse(got.body).data[0].traceID).toBe(s.traceID);
		expect((await w.handle('jaeger-query', 9999, { method: 'GET', url: 'http://jaeger-query:9999/', headers: {}, body: '' })).status).toBe(502);
	});

	it('handles a batch in order, one answer per call, and junk in a batch as unroutable', async () => {
		const w = api();
		const s1 = span();
		const post = { method: 'POST', url: 'http://jaeger-agent:6831/', headers: {}, body: JSON.stringify({ spans: [s1] }) };
		const out = await w.handleBatch([
			{ host: 'jaeger-agent', port: 6831, req: post },
			{ host: 'jaeger-query', port: 9999, req: post },
			null as never,
			{ host: '__proto__', port: NaN, req: null } as never
		]);
		expect(out.map((r) => r.status)).toEqual([202, 502, 502, 502]);
		expect(await w.handleBatch('nope' as never)).toEqual([]);
		await w.flush();
		expect(w.stats().store.spans).toBe(1);
	});

	it('stats, clear, init with options, agent and collector switches, sampling strategies', async () => {
		const w = api();
		expect(await w.init({ store: { maxTraces: 2 }, agent: { tickMs: 60_000 } })).toEqual({ restoredTraces: 0, ignored: 0 });
		const stats = w.stats();
		expect(structuredClone(stats)).toEqual(stats);
		expect(stats.store.limits.maxTraces).toBe(2);
		const send = (spans: unknown[]) =>
			w.handle('jaeger-agent', 6831, { method: 'POST', url: 'http://jaeger-agent:6831/', headers: {}, body: JSON.stringify({ spans }) });
		w.stopAgent();
		await send([span()]);
		expect(w.stats().agent.lostWhileDown).toBe(1);
		w.startAgent();
		await send([span(), span(), span()]);
		await w.flush();
		expect(w.stats().store).toMatchObject({ traces: 2, evictedTraces: 1 });
		w.clear();
		expect(w.stats().store.traces).toBe(0);
		expect(w.stats().agent.spansReceived).toBe(0);

		w.setSamplingStrategy('svc', { strategyType: 'PROBABILISTIC', probabilisticSampling: { samplingRate: 0.25 } });
		const res = await w.handle('jaeger-agent', 5778, { method: 'GET', url: 'http://jaeger-agent:5778/sampling?service=svc', headers: {}, body: '' });
		expect(JSON.parse(res.body).probabilisticSampling.samplingRate).toBe(0.25);
		w.stopCollector();
		expect(
			(await w.handle('jaeger-collector', 14268, { method: 'POST', url: 'http://jaeger-collector:14268/api/traces', headers: {}, body: '[]' })).status
		).toBe(503);
		w.startCollector();
	});

	it('turns a handler crash into a 500 instead of killing the worker', async () => {
		const w = createBackendWorkerApi(() => {
			const b = createBackend({ now });
			const entries = b.handlers().map((e) => ({ ...e, handler: () => { throw new Error('boom'); } }));
			return { ...b, handlers: () => entries };
		});
		const res = await w.handle('jaeger-query', 16686, { method: 'GET', url: 'http://jaeger-query:16686/api/services', headers: {}, body: '' });
		expect(res).toMatchObject({ status: 500, body: expect.stringMatching(/boom/) });
	});

	it('pages a run\'s traces by span budget: every trace once, in order, readings kept apart', async () => {
		const w = api();
		w.configure({});
		const spans = Array.from({ length: 7 }, (_, i) => span({ operationName: `op-${i}`, startTime: T0 + i }));
		await w.handle('jaeger-collector', 14268, { method: 'POST', url: 'http://jaeger-collector:14268/api/traces', headers: {}, body: JSON.stringify({ spans }) });
		const all = w.runTracesPage(1000, Infinity).traces.map((t) => t.traceID);
		expect(all).toHaveLength(7);
		const read = (budget: number) => {
			const first = w.runTracesPage(1000, budget);
			const pages = [first.traces.map((t) => t.traceID)];
			let page = first;
			while (page.next !== null) {
				page = w.runTracesPage(1000, budget, { id: page.reading, from: page.next });
				pages.push(page.traces.map((t) => t.traceID));
			}
			return pages;
		};
		const byThree = read(3);
		expect(byThree.map((p) => p.length)).toEqual([3, 3, 1]);
		expect(byThree.flat()).toEqual(all);
		// a budget smaller than a trace still moves on, one trace a page
		expect(read(0.5).map((p) => p.length)).toEqual([1, 1, 1, 1, 1, 1, 1]);
		// two readings interleaved do not disturb each other; a forgotten or forged one starts afresh
		const a = w.runTracesPage(1000, 2);
		const b = w.runTracesPage(1000, 4);
		expect(w.runTracesPage(1000, 2, { id: a.reading, from: a.next! }).traces.map((t) => t.traceID)).toEqual(all.slice(2, 4));
		expect(w.runTracesPage(1000, 4, { id: b.reading, from: b.next! }).traces.map((t) => t.traceID)).toEqual(all.slice(4, 7));
		expect(w.runTracesPage(1000, 2, { id: 999, from: 5 }).traces.map((t) => t.traceID)).toEqual(all.slice(0, 2));
		expect(structuredClone(a)).toEqual(a);
		// what the page and the Node lesson tests call: every page, in order
		expect((await readRunTraces(w, 1000, 3)).map((t) => t.traceID)).toEqual(all);
	});
});


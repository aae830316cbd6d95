import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../src/lib/backend/index';
import type { SimRequest } from '../../../src/lib/sim/types';
import { span, T0 } from './fixtures';

const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }): SimRequest => ({
	method: 'POST',
	url: 'http://jaeger-collector:14268/api/traces',
	headers,
	body
});
const now = () => T0 / 1000 + 60_000;

describe('collector', () => {
	it('stores the good spans of a batch and reports each rejected one with its reason', async () => {
		const b = createBackend({ now });
		const good = [span(), span()];
		const batch = [good[0], { ...span(), traceID: 'xyz' }, good[1], { ...span(), duration: NaN }, 'junk', { ...span(), spanID: undefined }];
		const res = await b.collector.handler(post(JSON.stringify({ spans: batch })));
		expect(res.status).toBe(202);
		const body = JSON.parse(res.body);
		expect(body).toMatchObject({ received: 6, stored: 2, rejected: 4, dropped: 0 });
		// JSON turns NaN into null, which is "missing"
		expect(body.reasons).toEqual({ 'bad-trace-id': 1, 'bad-duration': 1, 'not-an-object': 1, 'bad-span-id': 1 });
		expect(body.errors.map((e: { index: number }) => e.index)).toEqual([1, 3, 4, 5]);
		expect(b.store.stats().spans).toBe(2);
		expect(b.collector.stats()).toMatchObject({ batches: 1, received: 6, stored: 2, rejected: 4 });
	});

	it('answers 400 with a message for an unparseable or shapeless body, and never throws', async () => {
		const b = createBackend({ now });
		for (const body of ['{"spans": [', '', '42', '{"foo": 1}', 'null']) {
			const res = await b.collector.handler(post(body));
			expect(res.status).toBe(400);
			expect(res.body.length).toBeGreaterThan(5);
		}
		expect(b.collector.stats().badBatches).toBe(5);
		expect((await b.collector.handler(post('{}', { 'content-type': 'application/x-thrift' }))).status).toBe(400);
		expect((await b.collector.handler({ ...post('{}'), method: 'GET' })).status).toBe(405);
		expect((await b.collector.handler({ ...post('{}'), url: 'http://jaeger-collector:14268/nope' })).status).toBe(404);
	});

	it('accepts Jaeger JSON exports ({data: traces} with processes), so saved traces can be re-imported', async () => {
		const b = createBackend({ now });
		const s = span({ service: 'imported' });
		b.collector.writeSpans([s]);
		const exported = JSON.parse((await b.query({ method: 'GET', url: `http://jaeger-query:16686/api/traces/${s.traceID}`, headers: {}, body: '' })).body);
		const other = createBackend({ now });
		const res = await other.collector.handler(post(JSON.stringify(exported)));
		expect(JSON.parse(res.body)).toMatchObject({ stored: 1, rejected: 0 });
		expect(other.store.getTrace(s.traceID)!.processes.p1.serviceName).toBe('imported');
	});

	it('counts spans beyond the per-trace cap as dropped', () => {
		const b = createBackend({ now, store: { maxSpansPerTrace: 2 } });
		const root = span();
		const r = b.collector.writeSpans([root, { ...span(), traceID: root.traceID }, { ...span(), traceID: root.traceID }]);
		expect(r).toMatchObject({ stored: 2, dropped: 1, reasons: { 'trace-span-limit': 1 } });
	});

	it('a stopped collector refuses batches with 503', async () => {
		const b = createBackend({ now });
		b.collector.stop();
		expect((await b.collector.handler(post(JSON.stringify({ spans: [span()] })))).status).toBe(503);
		b.collector.start();
		expect((await b.collector.handler(post(JSON.stringify({ spans: [span()] })))).status).toBe(202);
	});

	it('stays bounded when a learner loop pushes 2 million spans through it', () => {
		const maxTraces = 1000;
		const b = createBackend({ now, store: { maxTraces } });
		const process = { serviceName: 'loop', tags: [] };
		let maxSeenTraces = 0;
		let batch: unknown[] = [];
		for (let t = 0; t < 200_000; t++) {
			const traceID = (0x100000 + t).toString(16).padStart(16, '0');
			for (let s = 0; s < 10; s++) {
				batch.push({
					traceID,
					spanID: (t * 10 + s + 1).toString(16).padStart(16, '0'),
					flags: 1,
					operationName: 'op' + (s % 4),
					references: [],
					startTime: T0 + t,
					duration: s,
					tags: [{ key: 'i', type: 'int64', value: t % 7 }],
					logs: [],
					process
				});
			}
			if (batch.length >= 1000) {
				b.collector.writeSpans(batch);
				batch = [];
				maxSeenTraces = Math.max(maxSeenTraces, b.store.stats().traces);
			}
		}
		const stats = b.store.stats();
		expect(b.collector.stats()).toMatchObject({ received: 2_000_000, stored: 2_000_000, rejected: 0 });
		expect(maxSeenTraces).toBeLessThanOrEqual(maxTraces);
		expect(stats.traces).toBe(maxTraces);
		expect(stats.spans).toBe(maxTraces * 10);
		expect(stats.evictedSpans + stats.spans).toBe(2_000_000);
		// the index shrinks with eviction: a handful of keys, not one per evicted trace
		expect(stats.indexKeys).toBeLessThan(50);
		expect(b.store.findTraces({ service: 'loop', operation: 'op3', tags: { i: '3' }, limit: 20 })).toHaveLength(20);
	});
});

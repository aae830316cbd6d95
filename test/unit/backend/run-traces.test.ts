// A run's traces are the ones it wrote, not the ones that start after it: a span replayed from last
// night (or an imported export) belongs to the run that sent it.
import { describe, expect, it } from 'vitest';
import { createBackend, DEFAULT_PIPELINE } from '../../../src/lib/backend/index';
import { childOf, span, T0 } from './fixtures';

const now = () => T0 / 1000 + 86_400_000;
const post = (b: ReturnType<typeof createBackend>, spans: unknown[]) =>
	b.collector.handler({ method: 'POST', url: 'http://jaeger-collector:14268/api/traces', headers: {}, body: JSON.stringify({ spans }) });

describe('backend.runTraces', () => {
	it('gives the traces written since configure(), however old their start times, and not the earlier run\'s', async () => {
		const b = createBackend({ now });
		const earlier = span({ operationName: 'earlier-run', startTime: T0 + 50_000_000 });
		await post(b, [earlier]);
		b.configure(DEFAULT_PIPELINE); // the next run
		const replayed = span({ operationName: 'replayed', startTime: T0 - 3_600_000_000 }); // an hour before the earlier run's span
		const fresh = span({ operationName: 'fresh', startTime: T0 + 60_000_000 });
		await post(b, [fresh]);
		await post(b, [replayed, childOf(replayed, { operationName: 'child' })]);
		const got = b.runTraces();
		expect(got.map((t) => t.spans.map((s) => s.operationName).sort())).toEqual([['child', 'replayed'], ['fresh']]);
		expect(b.store.stats().traces).toBe(3); // the earlier run's trace is still stored, for search
		b.dispose();
	});

	it('keeps the last `limit` written, forgets evicted and cleared traces', async () => {
		const b = createBackend({ now, store: { maxTraces: 3 } });
		b.configure(DEFAULT_PIPELINE);
		const spans = [1, 2, 3, 4].map((i) => span({ operationName: `op-${i}`, startTime: T0 + i }));
		for (const s of spans) await post(b, [s]);
		expect(b.runTraces().map((t) => t.spans[0].operationName)).toEqual(['op-2', 'op-3', 'op-4']); // op-1 evicted
		expect(b.runTraces(2).map((t) => t.spans[0].operationName)).toEqual(['op-3', 'op-4']);
		b.clear();
		expect(b.runTraces()).toEqual([]);
		b.dispose();
	});
});

describe('the dependencies job at the end of a run (Elasticsearch storage)', () => {
	it('writes jaeger-dependencies-<day> for each UTC day the run wrote spans in, from that day\'s traces', async () => {
		const b = createBackend({ now });
		b.configure({ ...DEFAULT_PIPELINE, storage: { ...DEFAULT_PIPELINE.storage, type: 'elasticsearch' } });
		const day = new Date(T0 / 1000).toISOString().slice(0, 10);
		const publish = span({ service: 'order', operationName: 'publish-order' });
		const handle = childOf(publish, { service: 'kitchen', operationName: 'handle-message' });
		handle.references[0].refType = 'FOLLOWS_FROM';
		await post(b, [publish, handle, childOf(handle, { service: 'kitchen', operationName: 'cook-order' })]);
		const es = (path: string) => b.fetch(`http://elasticsearch:9200${path}`, { method: 'GET' }).then((r) => JSON.parse(r.body as string));
		expect((await es('/_cat/indices?format=json')).map((i: { index: string }) => i.index)).not.toContain(`jaeger-dependencies-${day}`);
		await b.flush();
		const hits = (await es(`/jaeger-dependencies-${day}/_search`)).hits.hits;
		expect(hits).toHaveLength(1);
		expect(hits[0]._source.dependencies).toEqual([{ parent: 'order', child: 'kitchen', callCount: 1, source: 'jaeger' }]);
		// run again: the day's document is replaced, not added to
		await post(b, [span({ service: 'order', operationName: 'x' })]);
		await b.flush();
		expect((await es(`/jaeger-dependencies-${day}/_search`)).hits.hits).toHaveLength(1);
		b.dispose();
	});

	it('is what jaeger-query answers /api/dependencies with: the job\'s documents whose midnight is in the window, not the spans', async () => {
		const b = createBackend({ now });
		b.configure({ ...DEFAULT_PIPELINE, storage: { ...DEFAULT_PIPELINE.storage, type: 'elasticsearch' } });
		const publish = span({ service: 'order', operationName: 'publish-order' });
		const deps = (q: string) => b.fetch(`http://jaeger-query:16686/api/dependencies?${q}`, { method: 'GET' }).then((r) => JSON.parse(r.body as string).data);
		const midnightMs = Math.floor(T0 / 1000 / 86_400_000) * 86_400_000;
		const day = `endTs=${midnightMs + 86_400_000 - 1}&lookback=86400000`;
		await post(b, [publish, childOf(publish, { service: 'kitchen', operationName: 'cook' })]);
		expect(await deps(day)).toEqual([]); // stored, but the job has not run yet
		await b.flush();
		expect(await deps(day)).toEqual([{ parent: 'order', child: 'kitchen', callCount: 1 }]);
		// a window that ends before the day's midnight, or starts after it, does not see the document
		expect(await deps(`endTs=${midnightMs - 1}&lookback=3600000`)).toEqual([]);
		expect(await deps(`endTs=${T0 / 1000}&lookback=3600000`)).toEqual([]);
		// the memory store computes on demand: the same spans, no job
		b.configure(DEFAULT_PIPELINE);
		expect(await deps(`endTs=${T0 / 1000 + 1000}&lookback=3600000`)).toEqual([{ parent: 'order', child: 'kitchen', callCount: 1 }]);
		b.dispose();
	});
});

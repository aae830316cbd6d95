import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/lib/backend/index';
import { bool, childOf, int, span, str, T0 } from './fixtures';

const q = (service: string, extra: object = {}) => ({ service, limit: 20, ...extra });

describe('MemoryStore', () => {
	it('groups spans into traces and returns Jaeger JSON with processes p1…', () => {
		const store = new MemoryStore();
		const root = span({ service: 'frontend', operationName: 'GET /' });
		const child = childOf(root, { service: 'formatter', operationName: 'format' });
		store.write(child);
		store.write(root);
		const t = store.getTrace(root.traceID)!;
		expect(t.spans.map((s) => s.operationName)).toEqual(['format', 'GET /']);
		expect(Object.keys(t.processes).sort()).toEqual(['p1', 'p2']);
		expect(t.processes[t.spans[1].processID].serviceName).toBe('frontend');
		expect(store.getTrace('ffffffffffffffff')).toBeNull();
	});

	it('lists services and operations with span kinds', () => {
		const store = new MemoryStore();
		store.write(span({ service: 'b', operationName: 'x', tags: [str('span.kind', 'server')] }));
		store.write(span({ service: 'a', operationName: 'y' }));
		store.write(span({ service: 'b', operationName: 'w', tags: [str('span.kind', 'client')] }));
		expect(store.getServices()).toEqual(['a', 'b']);
		expect(store.getOperations('b')).toEqual([
			{ name: 'w', spanKind: 'client' },
			{ name: 'x', spanKind: 'server' }
		]);
		expect(store.getOperations('b', 'server')).toEqual([{ name: 'x', spanKind: 'server' }]);
		expect(store.getOperations('a')).toEqual([{ name: 'y', spanKind: '' }]);
	});

	it('finds traces by service, operation, tag; every condition on the same span', () => {
		const store = new MemoryStore();
		const hit = span({ service: 'api', operationName: 'GET', tags: [int('http.status_code', 500)] });
		// right tag but on another operation's span: not a match
		const miss = span({ service: 'api', operationName: 'POST', tags: [int('http.status_code', 500)] });
		store.write(childOf(miss, { service: 'api', operationName: 'GET' }));
		store.write(miss);
		store.write(hit);
		const found = store.findTraces(q('api', { operation: 'GET', tags: { 'http.status_code': '500' } }));
		expect(found.map((t) => t.traceID)).toEqual([hit.traceID]);
		expect(store.findTraces(q('api', { tags: { 'http.status_code': '404' } }))).toEqual([]);
		expect(store.findTraces(q('nobody'))).toEqual([]);
	});

	it('matches tags against process tags and log fields too, as Jaeger’s memory store does', () => {
		const store = new MemoryStore();
		const s = span({ service: 'svc', logs: [{ timestamp: T0, fields: [str('event', 'string-format')] }], tags: [bool('error', true)] });
		store.write(s);
		expect(store.findTraces(q('svc', { tags: { hostname: 'host-1' } }))).toHaveLength(1);
		expect(store.findTraces(q('svc', { tags: { event: 'string-format' } }))).toHaveLength(1);
		expect(store.findTraces(q('svc', { tags: { error: 'true', event: 'string-format' } }))).toHaveLength(1);
		expect(store.findTraces(q('svc', { tags: { event: 'println' } }))).toHaveLength(0);
	});

	it('filters by span duration and start time window', () => {
		const store = new MemoryStore();
		const fast = span({ service: 's', duration: 500, startTime: T0 });
		const slow = span({ service: 's', duration: 5000, startTime: T0 + 1e6 });
		store.write(fast);
		store.write(slow);
		const ids = (extra: object) => store.findTraces(q('s', extra)).map((t) => t.traceID);
		expect(ids({ minDuration: 1000 })).toEqual([slow.traceID]);
		expect(ids({ maxDuration: 1000 })).toEqual([fast.traceID]);
		expect(ids({ minDuration: 500, maxDuration: 5000 })).toEqual([slow.traceID, fast.traceID]);
		expect(ids({ startMin: T0 + 1 })).toEqual([slow.traceID]);
		expect(ids({ startMax: T0 + 1 })).toEqual([fast.traceID]);
	});

	it('returns the newest traces first and at most `limit`', () => {
		const store = new MemoryStore();
		const all = Array.from({ length: 30 }, (_, i) => span({ service: 's', startTime: T0 + i * 1000 }));
		for (const s of [...all].reverse()) store.write(s); // arrival order ≠ start order
		const found = store.findTraces({ service: 's', limit: 5 });
		expect(found).toHaveLength(5);
		const starts = found.map((t) => t.spans[0].startTime);
		expect(starts).toEqual([...starts].sort((a, b) => b - a));
	});

	it('keeps postings sorted when spans of an older trace arrive after newer traces', () => {
		const store = new MemoryStore();
		const a = span({ service: 's', operationName: 'a' });
		const b = span({ service: 's', operationName: 'b' });
		store.write(a);
		store.write(b);
		store.write(childOf(a, { service: 's', operationName: 'late', tags: [str('k', 'v')] }));
		store.write(childOf(b, { service: 's', operationName: 'late', tags: [str('k', 'v')] }));
		expect(store.findTraces(q('s', { operation: 'late', tags: { k: 'v' } }))).toHaveLength(2);
	});

	it('evicts the oldest trace at max-traces, and its services/operations with it', () => {
		const store = new MemoryStore({ maxTraces: 3 });
		const spans = ['one', 'two', 'three', 'four'].map((op) => span({ service: op === 'one' ? 'lonely' : 's', operationName: op }));
		for (const s of spans) store.write(s);
		expect(store.getTrace(spans[0].traceID)).toBeNull();
		expect(store.getTrace(spans[3].traceID)).not.toBeNull();
		expect(store.getServices()).toEqual(['s']);
		expect(store.getOperations('s').map((o) => o.name)).toEqual(['four', 'three', 'two']);
		expect(store.stats()).toMatchObject({ traces: 3, spans: 3, evictedTraces: 1, evictedSpans: 1 });
	});

	it('caps spans per trace and says so in the trace warnings', () => {
		const store = new MemoryStore({ maxSpansPerTrace: 3 });
		const root = span();
		expect(store.write(root)).toBe('stored');
		for (let i = 0; i < 4; i++) store.write(childOf(root));
		expect(store.stats()).toMatchObject({ spans: 3, droppedSpans: 2 });
		expect(store.getTrace(root.traceID)!.warnings?.[0]).toMatch(/2 spans dropped/);
	});

	it('evicts oldest traces to stay under the total span cap', () => {
		const store = new MemoryStore({ maxSpans: 10, maxTraces: 100 });
		for (let t = 0; t < 5; t++) {
			const root = span();
			store.write(root);
			for (let i = 0; i < 3; i++) store.write(childOf(root));
		}
		expect(store.stats().spans).toBeLessThanOrEqual(10);
		expect(store.stats().traces).toBe(2);
	});

	it('forgets span kinds and services nobody uses any more, so odd names cannot pile up', () => {
		const store = new MemoryStore({ maxTraces: 2 });
		for (let i = 0; i < 50; i++) store.write(span({ service: 'svc' + i, operationName: 'op' + i, tags: [str('span.kind', 'kind' + i)] }));
		expect(store.getServices()).toEqual(['svc48', 'svc49']);
		expect(store.stats().indexKeys).toBeLessThan(20);
	});

	it('tells listeners about a write before the eviction it causes', () => {
		const store = new MemoryStore({ maxSpans: 2, maxTraces: 10 });
		const events: string[] = [];
		store.subscribe((e) => events.push(e.type === 'clear' ? 'clear' : `${e.type}:${e.traceID.slice(-2)}`));
		const a = span();
		store.write(a);
		store.write(childOf(a));
		const b = span();
		store.write(b); // 3 spans > 2: a is evicted
		expect(events).toEqual([`write:${a.traceID.slice(-2)}`, `write:${a.traceID.slice(-2)}`, `write:${b.traceID.slice(-2)}`, `evict:${a.traceID.slice(-2)}`]);
	});

	it('computes service dependencies from CHILD_OF parents in other services', () => {
		const store = new MemoryStore();
		for (let i = 0; i < 2; i++) {
			const root = span({ service: 'hello', startTime: T0 });
			const fmt = childOf(root, { service: 'formatter' });
			const pub = childOf(root, { service: 'publisher' });
			const inner = childOf(fmt, { service: 'formatter' }); // same service: not a dependency
			const later = span({ service: 'audit', traceID: root.traceID, references: [{ refType: 'FOLLOWS_FROM', traceID: root.traceID, spanID: root.spanID }] });
			for (const s of [root, fmt, pub, inner, later]) store.write(s);
		}
		const links = store.getDependencies(T0 + 1e6, 3600e6);
		expect(links).toEqual([
			{ parent: 'hello', child: 'audit', callCount: 2 }, // FOLLOWS_FROM is its only parent: it counts, as in Jaeger
			{ parent: 'hello', child: 'formatter', callCount: 2 },
			{ parent: 'hello', child: 'publisher', callCount: 2 }
		]);
		expect(store.getDependencies(T0 - 7200e6, 3600e6)).toEqual([]); // window before the traces
		// cached calls are invalidated by a later write
		const extra = span({ service: 'hello', startTime: T0 });
		store.write(extra);
		store.write(childOf(extra, { service: 'publisher' }));
		expect(store.getDependencies(T0 + 1e6, 3600e6)[2]).toEqual({ parent: 'hello', child: 'publisher', callCount: 3 });
	});

	it('counts dependencies in big traces too (parents looked up by map)', () => {
		const store = new MemoryStore();
		const root = span({ service: 'gateway' });
		store.write(root);
		for (let i = 0; i < 40; i++) store.write(childOf(root, { service: i % 2 ? 'users' : 'gateway' }));
		expect(store.getDependencies(T0 + 1e6, 3600e6)).toEqual([{ parent: 'gateway', child: 'users', callCount: 20 }]);
	});

	it('clears everything', () => {
		const store = new MemoryStore();
		store.write(span());
		store.clear();
		expect(store.stats()).toMatchObject({ traces: 0, spans: 0, indexKeys: 0 });
		expect(store.getServices()).toEqual([]);
	});
});

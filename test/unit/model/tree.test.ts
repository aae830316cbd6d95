import { describe, it, expect } from 'vitest';
import { buildTree, childrenOf, traceSummary } from '../../../src/lib/model';
import { chainTrace, makeSpan, makeTrace, wideTrace } from './generate';

describe('buildTree', () => {
	it('orders siblings by start time and lists spans depth-first', () => {
		const t = makeTrace([
			makeSpan('c', 'a', 30, 5),
			makeSpan('a', null, 10, 100),
			makeSpan('b', 'a', 20, 5),
			makeSpan('d', 'b', 21, 1)
		]);
		const tree = buildTree(t);
		const ids = (xs: Int32Array) => [...xs].map((i) => t.spans[i].spanID);
		expect(ids(tree.order)).toEqual(['a', 'b', 'd', 'c']);
		expect(ids(tree.roots)).toEqual(['a']);
		expect(ids(childrenOf(tree, 1))).toEqual(['b', 'c']);
		expect([...tree.depth]).toEqual([1, 0, 1, 2]);
		expect([...tree.parent]).toEqual([1, -1, 1, 2]);
		expect(tree.levels).toBe(3);
	});

	it('makes spans whose parent is missing extra roots and reports them', () => {
		const t = makeTrace([makeSpan('a', null, 10, 10), makeSpan('b', 'zz', 5, 1)]);
		const tree = buildTree(t);
		expect([...tree.roots]).toEqual([1, 0]);
		expect([...tree.orphans]).toEqual([1]);
	});

	it('breaks a parent cycle so every span is reachable', () => {
		const t = makeTrace([makeSpan('a', 'b', 10, 10), makeSpan('b', 'a', 5, 1), makeSpan('c', 'b', 6, 1)]);
		const tree = buildTree(t);
		expect([...tree.cycleBreaks]).toEqual([1]);
		expect([...tree.roots]).toEqual([1]);
		expect(new Set(tree.order).size).toBe(3);
		expect(tree.levels).toBe(2);
	});

	it('ignores a reference into another trace when choosing the parent', () => {
		const a = makeSpan('a', null, 1, 10);
		const b = makeSpan('b', null, 2, 1);
		b.references = [{ refType: 'CHILD_OF', traceID: 'other', spanID: 'a' }, { refType: 'FOLLOWS_FROM', traceID: 't1', spanID: 'a' }];
		const tree = buildTree(makeTrace([a, b]));
		expect(tree.parent[1]).toBe(0);
	});

	it('handles a 10,000-deep chain without recursion', () => {
		const tree = buildTree(chainTrace(10_000));
		expect(tree.levels).toBe(10_000);
		expect(tree.order[9_999]).toBe(9_999);
	});

	it('visits all 100k spans of a wide trace exactly once, parents before children', () => {
		const tree = buildTree(wideTrace(100_000));
		const pos = new Int32Array(tree.size);
		tree.order.forEach((s, k) => (pos[s] = k));
		expect(new Set(tree.order).size).toBe(100_000);
		let misplaced = 0;
		for (let i = 1; i < tree.size; i++) if (pos[tree.parent[i]] >= pos[i]) misplaced++;
		expect(misplaced).toBe(0);
	});
});

describe('traceSummary', () => {
	it('summarises like the Jaeger UI header', () => {
		const t = makeTrace([makeSpan('b', 'a', 20, 50, 'p2', 'child'), makeSpan('a', null, 10, 30, 'p1', 'root')], ['front', 'back']);
		expect(traceSummary(t)).toMatchObject({ name: 'front: root', start: 10, end: 70, duration: 60, services: 2, depth: 2, totalSpans: 2 });
	});
	it('names the trace after the root without references when orphans exist', () => {
		const t = makeTrace([makeSpan('x', 'gone', 1, 5, 'p1', 'orphan'), makeSpan('a', null, 10, 30, 'p1', 'real')]);
		expect(traceSummary(t).name).toBe('svc: real');
	});
});

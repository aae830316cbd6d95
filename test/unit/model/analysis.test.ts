import { describe, it, expect } from 'vitest';
import { buildTree, compareTraces, criticalPath, criticalTimeBySpan, dependencyLinks, dependencyParentID, parseTraceFile, selfTimes, traceStatistics, type Trace } from '../../../src/lib/model';
import { chainTrace, makeSpan, makeTrace, wideTrace } from './generate';
import { readFixture } from './fixtures';

const path = (t: Trace) => criticalPath(t).map((s) => [t.spans[s.span].spanID, s.start, s.end]);

/** The path is contiguous and covers the root exactly: a property of Jaeger UI's walk. */
function expectCoversRoot(t: Trace) {
	const tree = buildTree(t);
	const root = t.spans[tree.roots[0]];
	const sections = criticalPath(t, tree);
	expect(sections[0].start).toBe(root.startTime);
	expect(sections[sections.length - 1].end).toBe(root.startTime + root.duration);
	let gaps = 0;
	for (let k = 1; k < sections.length; k++) if (sections[k].start !== sections[k - 1].end) gaps++;
	expect(gaps).toBe(0);
}

describe('critical path', () => {
	it('walks back from the root end through the last-finishing children', () => {
		const t = makeTrace([
			makeSpan('R', null, 0 + 1000, 100),
			makeSpan('A', 'R', 10 + 1000, 30),
			makeSpan('B', 'R', 30 + 1000, 60),
			makeSpan('C', 'R', 50 + 1000, 10),
			makeSpan('D', 'B', 35 + 1000, 45)
		]);
		expect(path(t)).toEqual([['R', 1000, 1030], ['B', 1030, 1035], ['D', 1035, 1080], ['B', 1080, 1090], ['R', 1090, 1100]]);
	});

	it('clips overflowing children to the parent and leaves FOLLOWS_FROM children out', () => {
		const f = makeSpan('F', 'R', 1010, 80);
		f.references[0].refType = 'FOLLOWS_FROM';
		const t = makeTrace([makeSpan('R', null, 1000, 100), f, makeSpan('E', 'R', 1090, 60)]);
		expect(path(t)).toEqual([['R', 1000, 1090], ['E', 1090, 1100]]);
	});

	it('handles a 10,000-deep chain iteratively and covers the root', () => {
		const t = chainTrace(10_000);
		const sections = criticalPath(t);
		expect(new Set(sections.map((s) => s.span)).size).toBe(10_000);
		expectCoversRoot(t);
	});

	it('covers the root contiguously on a 100k-span random trace and on real fixtures', () => {
		expectCoversRoot(wideTrace(100_000, 7));
		expectCoversRoot(parseTraceFile(readFixture('otlp-apiv3-hotrod-getTrace-response.json')).traces[0]);
		const t = parseTraceFile(readFixture('jaeger-tutorial-multiple-services.json')).traces[0];
		expectCoversRoot(t);
		const time = criticalTimeBySpan(criticalPath(t), t.spans.length);
		expect(time.reduce((a, b) => a + b, 0)).toBe(Math.max(...t.spans.map((s) => s.duration)));
	});
});

describe('statistics', () => {
	const t = makeTrace([
		makeSpan('r', null, 1000, 100, 'p1', 'GET /'),
		makeSpan('a', 'r', 1010, 30, 'p2', 'query'),
		makeSpan('b', 'r', 1020, 30, 'p2', 'query'), // overlaps a: union 1010–1050
		makeSpan('c', 'b', 1040, 50, 'p2', 'cache') // overflows b: only 1040–1050 counts against b
	], ['web', 'db']);

	it('self time is duration minus the union of clipped children', () => {
		expect([...selfTimes(t)]).toEqual([60, 30, 20, 50]);
	});

	it('groups by service+operation like Jaeger UI trace statistics', () => {
		const rows = traceStatistics(t);
		expect(rows.find((r) => r.operation === 'query')).toMatchObject({ service: 'db', count: 2, total: 60, avg: 30, min: 30, max: 30, selfTotal: 50, selfMin: 20, selfMax: 30 });
		const web = rows.find((r) => r.service === 'web')!;
		expect(web.selfPercent).toBeCloseTo((60 / 100) * 100);
		expect(traceStatistics(t, 'service').map((r) => [r.service, r.count])).toEqual([['db', 3], ['web', 1]]);
	});
});

describe('dependency links', () => {
	it('counts cross-service parent → child calls (tutorial trace)', () => {
		const traces = parseTraceFile(readFixture('jaeger-tutorial-multiple-services.json')).traces;
		expect(dependencyLinks(traces)).toEqual([
			{ parent: 'hello-world', child: 'formatter', callCount: 1 },
			{ parent: 'hello-world', child: 'publisher', callCount: 1 }
		]);
	});

	it('one parent per span, as Jaeger picks it: the first same-trace CHILD_OF, else the first FOLLOWS_FROM', () => {
		// b: FOLLOWS_FROM x, then CHILD_OF a → a (CHILD_OF wins wherever it is)
		const b = makeSpan('b', null, 2, 1, 'p2');
		b.references.push({ refType: 'FOLLOWS_FROM', traceID: 't1', spanID: 'x' }, { refType: 'CHILD_OF', traceID: 't1', spanID: 'a' }, { refType: 'FOLLOWS_FROM', traceID: 't1', spanID: 'a' });
		// c: only FOLLOWS_FROM (a consumer of a message x produced) → x
		const c = makeSpan('c', null, 3, 1, 'p2');
		c.references.push({ refType: 'CHILD_OF', traceID: 'other-trace', spanID: 'a' }, { refType: 'FOLLOWS_FROM', traceID: 't1', spanID: 'x' }, { refType: 'FOLLOWS_FROM', traceID: 't1', spanID: 'a' });
		const t = makeTrace([makeSpan('a', null, 1, 5, 'p1'), b, c, makeSpan('x', null, 1, 1, 'p3')], ['front', 'back', 'queue']);
		expect(dependencyParentID(b)).toBe('a');
		expect(dependencyParentID(c)).toBe('x');
		expect(dependencyParentID(t.spans[0])).toBeUndefined();
		expect(dependencyLinks([t, t])).toEqual([
			{ parent: 'front', child: 'back', callCount: 2 },
			{ parent: 'queue', child: 'back', callCount: 2 }
		]);
	});

	it('Zipkin client → server halves become edges (smartthings)', () => {
		const links = dependencyLinks(parseTraceFile(readFixture('zipkin2-smartthings-mobile-web-install.json')).traces);
		expect(links.length).toBeGreaterThan(10);
		expect(links.every((l) => l.parent !== l.child && l.callCount > 0)).toBe(true);
	});
});

describe('compare', () => {
	it('matches spans by service:operation path and reports what is missing or slower', () => {
		const a = makeTrace([makeSpan('1', null, 10, 100, 'p1', 'root'), makeSpan('2', '1', 20, 10, 'p1', 'db'), makeSpan('3', '1', 40, 10, 'p1', 'cache')]);
		const b = makeTrace([makeSpan('9', null, 10, 100, 'p1', 'root'), makeSpan('8', '9', 20, 50, 'p1', 'db'), makeSpan('7', '8', 30, 5, 'p1', 'retry')]);
		const { rows, onlyInA, onlyInB } = compareTraces(a, b);
		const byOp = Object.fromEntries(rows.map((r) => [r.operation, r]));
		expect([onlyInA, onlyInB]).toEqual([1, 1]);
		expect(byOp.cache.onlyIn).toBe('a');
		expect(byOp.retry).toMatchObject({ onlyIn: 'b', depth: 2 });
		expect(byOp.db).toMatchObject({ slower: 'b', delta: 40 });
		expect(byOp.root.slower).toBeNull();
	});

	it('a trace compared with itself has no differences, even a 10,000-deep chain', () => {
		const t = chainTrace(10_000);
		const c = compareTraces(t, t);
		expect(c.rows).toHaveLength(10_000);
		expect(c.rows.every((r) => r.onlyIn === null && r.slower === null)).toBe(true);
	});
});

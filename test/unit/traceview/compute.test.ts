import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseTraceFile, type Span, type Trace } from '../../../src/lib/model';
import { prepareTrace, subtreeSizes } from '../../../src/lib/traceview/compute/prepare';
import { visibleRows, revealSpan, collapseOneLevel, expandOneLevel } from '../../../src/lib/traceview/compute/rows';
import { virtualWindow, scrollToRow } from '../../../src/lib/traceview/compute/virtual';
import { timeTicks, niceStep } from '../../../src/lib/traceview/compute/ticks';
import { barFor, markAt } from '../../../src/lib/traceview/compute/bars';
import { minimapBars, windowFromDrag } from '../../../src/lib/traceview/compute/minimap';
import { findSpans, stepMatch, parseFind } from '../../../src/lib/traceview/compute/find';
import { spanDetail } from '../../../src/lib/traceview/compute/details';
import { rowKey } from '../../../src/lib/traceview/compute/keyboard';
import { formatDuration, valueText } from '../../../src/lib/traceview/compute/format';
import { criticalSections } from '../../../src/lib/traceview/compute/critical';
import { traceToRecords } from '../../../src/lib/traceview/compute/ingest';
import { flameRects } from '../../../src/lib/traceview/compute/flamegraph';
import { traceGraph, dependencyGraph, layoutGraph } from '../../../src/lib/traceview/compute/graph';
import { resultRows, scatterLayout, sortResults, type ResultRow } from '../../../src/lib/traceview/compute/scatter';
import { searchParams } from '../../../src/lib/traceview/compute/search';
import { timelineRow, MAX_INDENT } from '../../../src/lib/traceview/compute/row-model';
import { NAME_COLUMN, clampNameColumn, nameColumnAt, nameColumnKey } from '../../../src/lib/traceview/compute/columns';
import { fixtureDir } from '../model/fixtures';

const fixture = (f: string) => parseTraceFile(readFileSync(path.join(fixtureDir, f), 'utf8')).traces[0];

function span(id: string, parent: string | null, start: number, duration: number, processID = 'p1', extra: Partial<Span> = {}): Span {
	return {
		traceID: 't', spanID: id, flags: 1, operationName: `op-${id}`,
		references: parent ? [{ refType: 'CHILD_OF', traceID: 't', spanID: parent }] : [],
		startTime: start, duration, tags: [], logs: [], processID, warnings: null, ...extra
	};
}
const trace = (spans: Span[]): Trace => ({ traceID: 't', spans, processes: { p1: { serviceName: 'front', tags: [{ key: 'host', type: 'string', value: 'h1' }] }, p2: { serviceName: 'back', tags: [] } }, warnings: null });

// root(0..100) ─ a(10..60) ─ a1(20..30)
//              └ b(50..90, back, error)
const small = () =>
	trace([
		span('r', null, 1000, 100),
		span('b', 'r', 1050, 40, 'p2', { tags: [{ key: 'error', type: 'bool', value: true }, { key: 'http.status_code', type: 'int64', value: 500 }] }),
		span('a', 'r', 1010, 50, 'p1', { logs: [{ timestamp: 1015, fields: [{ key: 'event', type: 'string', value: 'cache miss' }] }] }),
		span('a1', 'a', 1020, 10)
	]);

const chain = (n: number) => trace(Array.from({ length: n }, (_, i) => span(`s${i}`, i ? `s${i - 1}` : null, 1000 + i, 2 * (n - i))));

describe('prepare + rows', () => {
	it('display order, services in first-seen order, error flags, subtree sizes', () => {
		const p = prepareTrace(small());
		expect([...p.tree.order].map((i) => p.trace.spans[i].spanID)).toEqual(['r', 'a', 'a1', 'b']);
		expect(p.services).toEqual(['front', 'back']);
		expect([...p.error]).toEqual([0, 1, 0, 0]);
		expect([...p.subtreeSize]).toEqual([4, 1, 2, 1]);
		expect(p.summary.depth).toBe(3);
		expect(p.duration).toBe(100);
	});
	it('collapsing skips the subtree; revealing expands the ancestors', () => {
		const p = prepareTrace(small());
		const collapsed = new Uint8Array(4);
		collapsed[2] = 1; // a
		const ids = (rows: Int32Array) => [...rows].map((i) => p.trace.spans[i].spanID);
		expect(ids(visibleRows(p.tree, p.subtreeSize, collapsed))).toEqual(['r', 'a', 'b']);
		collapsed[0] = 1;
		expect(ids(visibleRows(p.tree, p.subtreeSize, collapsed))).toEqual(['r']);
		expect(revealSpan(p.tree, collapsed, 3)).toBe(true);
		expect(ids(visibleRows(p.tree, p.subtreeSize, collapsed))).toEqual(['r', 'a', 'a1', 'b']);
		expect(revealSpan(p.tree, collapsed, 3)).toBe(false);
	});
	it('a 10,000-deep chain prepares and flattens without recursion', () => {
		const p = prepareTrace(chain(10_000));
		expect(p.summary.depth).toBe(10_000);
		expect(subtreeSizes(p.tree)[0]).toBe(10_000);
		const c = new Uint8Array(10_000);
		c[5000] = 1;
		expect(visibleRows(p.tree, p.subtreeSize, c).length).toBe(5001);
		expect(p.tree.depth[9999]).toBe(9999);
	});
});

describe('virtual window', () => {
	it('renders only the rows in view plus overscan, with a spacer for the rest', () => {
		const w = virtualWindow(2400, 480, 24, 100_000, 5);
		expect(w).toEqual({ start: 95, end: 125, offset: 95 * 24, total: 2_400_000 });
		expect(virtualWindow(0, 480, 24, 3, 5)).toEqual({ start: 0, end: 3, offset: 0, total: 72 });
		expect(virtualWindow(1e9, 480, 24, 100, 0).end).toBe(100);
		expect(virtualWindow(0, 480, 24, 0).end).toBe(0);
	});
	it('scrollToRow only moves when the row is out of view', () => {
		expect(scrollToRow(0, 240, 24, 3)).toBe(0);
		expect(scrollToRow(0, 240, 24, 20)).toBe(21 * 24 - 240);
		expect(scrollToRow(1000, 240, 24, 2)).toBe(48);
	});
});

describe('ticks, bars, minimap', () => {
	it('nice steps and labels', () => {
		expect(niceStep(1000, 5)).toBe(200);
		expect(niceStep(7, 4)).toBe(2);
		expect(timeTicks(0, 1000, 5).map((t) => t.label)).toEqual(['0μs', '200μs', '400μs', '600μs', '800μs', '1ms']);
		const t = timeTicks(250, 750, 5);
		expect(t[0].at).toBe(300);
		expect(t[0].frac).toBeCloseTo(0.1);
	});
	it('bars place spans in the zoom window and clip', () => {
		expect(barFor(1010, 50, 1000, 100, [0, 1])).toMatchObject({ left: 10, width: 50, outside: false });
		const z = barFor(1010, 50, 1000, 100, [0.5, 1]);
		expect([z.left, z.outside]).toEqual([0, false]);
		expect(z.width).toBeCloseTo(20);
		expect(barFor(1000, 5, 1000, 100, [0.5, 1]).outside).toBe(true);
		expect(barFor(1000, 0, 1000, 100, [0, 1]).width).toBeGreaterThan(0);
		expect(markAt(1015, 1000, 100, [0, 1])).toBeCloseTo(15);
		expect(markAt(1015, 1000, 100, [0.5, 1])).toBeNull();
	});
	it('minimap bars follow display order; drags select a window, clicks reset', () => {
		const m = minimapBars(prepareTrace(small()));
		expect([...m.x]).toEqual([0, 0.1, 0.2, 0.5].map(Math.fround));
		expect(m.y[3]).toBeCloseTo(0.75);
		expect(windowFromDrag(100, 50, 200)).toEqual([0.25, 0.5]);
		expect(windowFromDrag(100, 101, 200)).toEqual([0, 1]);
		expect(windowFromDrag(-10, 500, 200)).toEqual([0, 1]);
	});
});

describe('find in trace', () => {
	const p = prepareTrace(small());
	const ids = (q: string) => [...findSpans(p, q)].map((i) => p.trace.spans[i].spanID);
	it('matches service, operation, tags, log fields, key=value; all words must match', () => {
		expect(ids('back')).toEqual(['b']);
		expect(ids('OP-A')).toEqual(['a', 'a1']);
		expect(ids('http.status_code=500')).toEqual(['b']);
		expect(ids('http.status_code=200')).toEqual([]);
		expect(ids('cache')).toEqual(['a']);
		expect(ids('host=h1 op-a1')).toEqual(['a1']);
		expect(ids('   ')).toEqual([]);
		expect(parseFind('a=b c')).toEqual([{ text: 'a=b', key: 'a', value: 'b' }, { text: 'c' }]);
	});
	it('next/previous wrap around', () => {
		expect(stepMatch(3, -1, 1)).toBe(0);
		expect(stepMatch(3, -1, -1)).toBe(2);
		expect(stepMatch(3, 2, 1)).toBe(0);
		expect(stepMatch(3, 0, -1)).toBe(2);
		expect(stepMatch(0, 0, 1)).toBe(-1);
	});
});

describe('span details', () => {
	it('relative log times, text values, resolved references, process tags', () => {
		const p = prepareTrace(small());
		const d = spanDetail(p, 2);
		expect(d).toMatchObject({ service: 'front', operation: 'op-a', duration: '50μs', startOffset: '10μs', childCount: 1 });
		expect(d.logs).toEqual([{ offset: 15, label: '15μs', fields: [{ key: 'event', value: 'cache miss', type: 'string' }] }]);
		expect(d.references).toEqual([{ refType: 'CHILD_OF', traceID: 't', spanID: 'r', target: 0, label: 'front: op-r', isParent: true }]);
		expect(d.processTags).toEqual([{ key: 'host', value: 'h1', type: 'string' }]);
		expect(spanDetail(p, 1).tags[1]).toEqual({ key: 'http.status_code', value: '500', type: 'int64' });
		expect(spanDetail(p, 1).error).toBe(true);
	});
	it('references outside the trace and FOLLOWS_FROM from the edge-case fixture', () => {
		const t = fixture('jaeger-query-ui_01-edge-cases.json');
		const p = prepareTrace(t);
		const all = t.spans.flatMap((_, i) => spanDetail(p, i).references);
		expect(all.some((r) => r.target < 0 && r.label.startsWith('in trace'))).toBe(true);
		expect(all.some((r) => r.refType === 'FOLLOWS_FROM' && r.target >= 0)).toBe(true);
		expect(t.spans.flatMap((_, i) => spanDetail(p, i).warnings).some((w) => /duplicate/.test(w))).toBe(true);
	});
	it('values are text: markup stays a string', () => {
		expect(valueText('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
		expect(valueText([1, { a: 2 }])).toBe('[1,{"a":2}]');
		expect(formatDuration(1_234_567)).toBe('1.23s');
		expect(formatDuration(61_500_000)).toBe('1m 1.5s');
	});
});

describe('keyboard', () => {
	const leaf = { hasChildren: false, expanded: false, parentRow: 2 };
	it('arrows move, left/right collapse/expand or go to the parent, Enter opens', () => {
		expect(rowKey('ArrowDown', 4, 5, leaf)).toEqual({ kind: 'focus', row: 4 });
		expect(rowKey('ArrowUp', 0, 5, leaf)).toEqual({ kind: 'focus', row: 0 });
		expect(rowKey('ArrowLeft', 3, 5, leaf)).toEqual({ kind: 'focus', row: 2 });
		expect(rowKey('ArrowLeft', 3, 5, { hasChildren: true, expanded: true, parentRow: -1 })).toEqual({ kind: 'toggle', row: 3, expand: false });
		expect(rowKey('ArrowRight', 3, 5, { hasChildren: true, expanded: false, parentRow: -1 })).toEqual({ kind: 'toggle', row: 3, expand: true });
		expect(rowKey('ArrowRight', 3, 5, leaf)).toEqual({ kind: 'none' });
		expect(rowKey('Enter', 3, 5, leaf)).toEqual({ kind: 'open', row: 3 });
		expect(rowKey('End', 0, 5, leaf)).toEqual({ kind: 'focus', row: 4 });
	});
});

describe('critical path, flamegraph, graphs', () => {
	it('critical path sections grouped per span', () => {
		const p = prepareTrace(small());
		const c = criticalSections(p);
		// root's end is reached through b (ends 1090), b's start 1050 is inside a (ends 1060)? no: a ends at 1060 > 1050,
		// so the path goes root [1090,1100] → b [1050,1090] → root [1010... ] as in Jaeger UI
		expect(c.get(1)).toEqual([[1050, 1090]]);
		expect(c.has(0)).toBe(true);
		const total = [...c.values()].flat().reduce((n, [a, b]) => n + (b - a), 0);
		expect(total).toBe(100);
	});
	it('flamegraph rects by depth, tiny spans hidden', () => {
		const p = prepareTrace(small());
		const f = flameRects(p, [0, 1], 0.15);
		expect(f.rects.map((r) => [p.trace.spans[r.span].spanID, r.depth])).toEqual([['r', 0], ['a', 1], ['b', 1]]);
		expect(f.hidden).toBe(1);
		expect(f.levels).toBe(2);
	});
	it('trace graph by call path (Jaeger UI): same service+operation under the same parent node fold; a DAG even with recursion', () => {
		// r ─ x(op-x) ─ z(op-r)        recursion: op-r calls op-x calls op-r
		//   └ y(op-x) ─ w(op-x)
		const p = prepareTrace(trace([
			span('r', null, 0, 10), span('x', 'r', 1, 2), span('y', 'r', 3, 2, 'p1', { operationName: 'op-x' }),
			span('z', 'x', 1, 1, 'p1', { operationName: 'op-r' }), span('w', 'y', 3, 1, 'p1', { operationName: 'op-x' })
		]));
		const g = traceGraph(p, 'path');
		expect(g.nodes.map((n) => n.sub)).toEqual(['op-r ×1 · 10μs', 'op-x ×2 · 4μs', 'op-r ×1 · 1μs', 'op-x ×1 · 1μs']);
		expect(g.edges.map((e) => e.count)).toEqual([2, 1, 1]);
		expect(g.edges.every((e) => e.from !== e.to)).toBe(true);
		// by service and operation the same trace folds to two nodes, and the recursion is a loop
		const ops = traceGraph(p, 'operation');
		expect(ops.nodes.map((n) => n.sub)).toEqual(['op-r ×2 · 11μs', 'op-x ×3 · 5μs']);
		expect(ops.edges.map((e) => [e.from === ops.nodes[0].id, e.to === ops.nodes[1].id, e.count])).toEqual([[true, true, 2], [false, false, 1], [false, true, 1]]);
	});
	it('trace graph aggregates service+operation; dagre places nodes top to bottom', () => {
		const p = prepareTrace(trace([span('r', null, 0, 10), span('x', 'r', 1, 2), span('y', 'r', 3, 2, 'p1', { operationName: 'op-x' })]));
		const g = traceGraph(p, 'operation');
		expect(g.nodes.map((n) => n.sub)).toEqual(['op-r ×1 · 10μs', 'op-x ×2 · 4μs']);
		expect(g.edges).toEqual([expect.objectContaining({ count: 2, label: '2' })]);
		const l = layoutGraph(g.nodes, g.edges);
		expect(l.nodes[1].y).toBeGreaterThan(l.nodes[0].y);
		expect(l.edges[0].points.length).toBeGreaterThan(1);
		expect(l.width).toBeGreaterThan(0);
	});
	it('dependency graph nodes and call labels', () => {
		const g = dependencyGraph([{ parent: 'a', child: 'b', callCount: 3 }, { parent: 'b', child: 'c', callCount: 1 }]);
		expect(g.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c']);
		expect(g.edges.map((e) => e.label)).toEqual(['3 calls', '1 call']);
		const l = layoutGraph(g.nodes, g.edges);
		expect(l.nodes.find((n) => n.id === 'c')!.y).toBeGreaterThan(l.nodes.find((n) => n.id === 'a')!.y);
	});
});

describe('ingest, search form, scatter', () => {
	it('records carry the process inline', () => {
		const r = traceToRecords(small());
		expect(r).toHaveLength(4);
		expect(r[1].process.serviceName).toBe('back');
		expect('processID' in r[1]).toBe(false);
	});
	it('search form validation and logfmt tags', () => {
		const base = { service: 'front', operation: 'all', tags: '', minDuration: '', maxDuration: '', limit: '20' };
		expect(searchParams(base)).toEqual({ ok: true, params: { service: 'front', limit: 20 } });
		expect(searchParams({ ...base, tags: 'http.status_code=500 error=true' })).toMatchObject({ ok: true, params: { tags: { 'http.status_code': '500', error: 'true' } } });
		expect(searchParams({ ...base, minDuration: 'fast' }).ok).toBe(false);
		expect(searchParams({ ...base, minDuration: '2ms', maxDuration: '1ms' }).ok).toBe(false);
		expect(searchParams({ ...base, service: '' }).ok).toBe(false);
		expect(searchParams({ ...base, limit: '-1' }).ok).toBe(false);
	});
	it('scatter: later start is further right, longer is higher, errors marked', () => {
		const a = small();
		const b = { ...small(), traceID: 'u', spans: small().spans.map((s) => ({ ...s, startTime: s.startTime + 5000, duration: s.duration * 2 })) };
		b.spans[1].tags = [];
		const rows = resultRows([a, b]);
		expect(rows[0]).toMatchObject({ spans: 4, errors: 1, duration: 100 });
		const l = scatterLayout(rows, 400, 200);
		expect(l.points[1].x).toBeGreaterThan(l.points[0].x);
		expect(l.points[1].y).toBeLessThan(l.points[0].y);
		expect(l.points.map((p) => p.error)).toEqual([true, false]);
	});
	it('results sort as Jaeger UI offers: most recent, longest/shortest first, most/least spans; ties keep their order', () => {
		const row = (traceID: string, start: number, duration: number, spans: number): ResultRow => ({ traceID, name: traceID, start, duration, spans, errors: 0, services: [] });
		const rows = [row('a', 1, 50, 3), row('b', 3, 10, 9), row('c', 2, 90, 3)];
		const ids = (o: Parameters<typeof sortResults>[1]) => sortResults(rows, o).map((r) => r.traceID).join('');
		expect(ids('most-recent')).toBe('bca');
		expect(ids('longest-first')).toBe('cab');
		expect(ids('shortest-first')).toBe('bac');
		expect(ids('most-spans')).toBe('bac');
		expect(ids('least-spans')).toBe('acb');
		expect(rows.map((r) => r.traceID).join('')).toBe('abc'); // a copy: the input is left alone
	});
});

import { labelPlacement } from '../../../src/lib/traceview/compute/bars';
import { edgePath } from '../../../src/lib/traceview/compute/graph';
import { comparisonStatus } from '../../../src/lib/traceview/compute/compare';
import { compareTraces } from '../../../src/lib/model';

describe('small view helpers', () => {
	it('duration labels stay on screen', () => {
		expect(labelPlacement({ left: 10, width: 20, outside: false })).toBe('after');
		expect(labelPlacement({ left: 80, width: 15, outside: false })).toBe('before');
		expect(labelPlacement({ left: 0, width: 100, outside: false })).toBe('inside');
	});
	it('edge paths', () => {
		expect(edgePath([{ x: 1, y: 2 }, { x: 3.25, y: 4 }])).toBe('M1.0,2.0 L3.3,4.0');
	});
	it('compare labels: only in one trace, which took longer', () => {
		const a = small();
		const b = small();
		b.spans = b.spans.filter((s) => s.spanID !== 'a1');
		b.spans[1] = { ...b.spans[1], duration: 80 };
		const labels = compareTraces(a, b).rows.map((r) => `${r.operation} ${comparisonStatus(r)}`);
		expect(labels).toContain('op-a1 only in A');
		expect(labels).toContain('op-b B took longer');
		expect(labels).toContain('op-a same');
	});
});

describe('timeline row model', () => {
	it('says what a row shows: service, operation, bar, log marks, error, accessible name', () => {
		const p = prepareTrace(small());
		const b = timelineRow(p, 1, [0, 1]);
		expect(b).toMatchObject({ service: 'back', operation: 'op-b', error: true, hasChildren: false, depth: 1, indent: 18, duration: '40μs', label: 'back op-b, 40μs, error', warnings: '' });
		expect(b.bar).toEqual({ left: 50, width: 40, outside: false });
		expect(b.labelAt).toBe('before'); // the bar ends at 90 %: no room after it
		const a = timelineRow(p, 2, [0, 1]);
		expect(a.hasChildren).toBe(true);
		expect(a.logs).toEqual([15]);
		expect(a.label).toBe('front op-a, 50μs');
		// zoomed to 0..10 %: a starts at 10 %, its bar and log mark fall outside the window
		const zoomed = timelineRow(p, 2, [0, 0.1]);
		expect(zoomed.logs).toEqual([]);
		expect(timelineRow(p, 1, [0, 0.1]).bar.outside).toBe(true);
	});
	it('caps indentation, at most 32 log marks, keeps only critical sections in the window, joins warnings', () => {
		const deep = prepareTrace(chain(40));
		const last = timelineRow(deep, 39, [0, 1]);
		expect(last.depth).toBe(39);
		expect(last.indent).toBe(MAX_INDENT * 14 + 4);
		const logs = Array.from({ length: 50 }, (_, k) => ({ timestamp: 1000 + k, fields: [] }));
		const t = trace([span('r', null, 1000, 100, 'p1', { logs, warnings: ['one', 'two'] })]);
		const p = prepareTrace(t);
		const row = timelineRow(p, 0, [0, 1], [[1000, 1010], [2000, 2010]]);
		expect(row.logs).toHaveLength(32);
		expect(row.warnings).toBe('one\ntwo');
		expect(row.critical).toHaveLength(1);
		expect(row.critical[0].left).toBe(0);
	});
});

describe('name column divider', () => {
	it('follows the pointer within 15–75 % of the timeline; keys step 2 %, Home/End go to the limits', () => {
		expect(nameColumnAt(500, 100, 1000)).toBeCloseTo(0.4);
		expect(nameColumnAt(0, 100, 1000)).toBe(NAME_COLUMN.min);
		expect(nameColumnAt(5000, 100, 1000)).toBe(NAME_COLUMN.max);
		expect(nameColumnAt(500, 100, 0)).toBe(NAME_COLUMN.default);
		expect(clampNameColumn(NaN)).toBe(NAME_COLUMN.default);
		expect(nameColumnKey('ArrowRight', 0.34)).toBeCloseTo(0.36);
		expect(nameColumnKey('ArrowLeft', 0.16)).toBe(NAME_COLUMN.min);
		expect(nameColumnKey('End', 0.3)).toBe(NAME_COLUMN.max);
		expect(nameColumnKey('Home', 0.3)).toBe(NAME_COLUMN.min);
		expect(nameColumnKey('a', 0.3)).toBeNull();
	});
});

describe('expand / collapse one level (Jaeger UI +1 buttons)', () => {
	it('collapse +1 closes the deepest open parents in view; expand +1 opens the shallowest closed ones', () => {
		const p = prepareTrace(chain(4)); // s0 ─ s1 ─ s2 ─ s3
		const ids = (c: Uint8Array) => Array.from(visibleRows(p.tree, p.subtreeSize, c), (i) => p.trace.spans[i].spanID);
		let c = new Uint8Array(p.tree.size);
		const step = (f: typeof collapseOneLevel) => (c = f(p.tree, visibleRows(p.tree, p.subtreeSize, c), c));
		step(collapseOneLevel);
		expect(ids(c)).toEqual(['s0', 's1', 's2']);
		step(collapseOneLevel);
		expect(ids(c)).toEqual(['s0', 's1']);
		step(collapseOneLevel);
		step(collapseOneLevel);
		expect(ids(c)).toEqual(['s0']);
		const same = c;
		expect(step(collapseOneLevel)).toBe(same); // nothing left to close
		step(expandOneLevel);
		expect(ids(c)).toEqual(['s0', 's1']);
		step(expandOneLevel);
		step(expandOneLevel);
		expect(ids(c)).toEqual(['s0', 's1', 's2', 's3']);
		expect(step(expandOneLevel)).toBe(c);
	});
	it('works level by level across branches: small() closes a, then r', () => {
		const p = prepareTrace(small());
		const ids = (c: Uint8Array) => Array.from(visibleRows(p.tree, p.subtreeSize, c), (i) => p.trace.spans[i].spanID);
		const c1 = collapseOneLevel(p.tree, visibleRows(p.tree, p.subtreeSize, new Uint8Array(p.tree.size)), new Uint8Array(p.tree.size));
		expect(ids(c1)).toEqual(['r', 'a', 'b']);
		const c2 = collapseOneLevel(p.tree, visibleRows(p.tree, p.subtreeSize, c1), c1);
		expect(ids(c2)).toEqual(['r']);
		const c3 = expandOneLevel(p.tree, visibleRows(p.tree, p.subtreeSize, c2), c2);
		expect(ids(c3)).toEqual(['r', 'a', 'b']);
	});
});

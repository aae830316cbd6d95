import { describe, it, expect } from 'vitest';
import { recordsToTraces } from '../../../src/lib/model';
import type { SpanRecord } from '../../../src/lib/model/types';
import type { RunOutput } from '../../../src/lib/checks';
import * as m from '../../../src/lib/checks';

let nextId = 1;
const T0 = 1_700_000_000_000_000;
/** a span of its own trace (a load test: one trace per request), times in ms */
function rec(operation: string, start: number, duration: number, logs: [number, string][] = []): SpanRecord {
	const id = (nextId++).toString(16).padStart(16, '0');
	return {
		traceID: id.padStart(32, '0'),
		spanID: id,
		flags: 1,
		operationName: operation,
		references: [],
		startTime: T0 + start * 1000,
		duration: duration * 1000,
		tags: [],
		logs: logs.map(([at, event]) => ({ timestamp: T0 + at * 1000, fields: [{ key: 'event', type: 'string', value: event }] })),
		process: { serviceName: 'customer', tags: [] }
	};
}
const run = (records: SpanRecord[]): RunOutput => ({ traces: recordsToTraces(records), console: [], network: [], args: [], errors: [] });
const SQL = { service: 'customer', operation: 'SQL SELECT' };
const en = (t: unknown) => (typeof t === 'string' ? t : (t as { en: string }).en);

/** n queries that start together behind a lock: the k-th waits k holds, then holds `hold` ms. */
function locked(n: number, hold: number): SpanRecord[] {
	return Array.from({ length: n }, (_, k) => rec('SQL SELECT', 0, (k + 1) * hold, [[k * hold, 'Acquired lock; 0 transactions waiting behind']]));
}
/** n queries that start together and run side by side, a little spread */
function parallel(n: number, hold: number): SpanRecord[] {
	return Array.from({ length: n }, (_, k) => rec('SQL SELECT', k % 3, hold + (k % 5)));
}

describe('percentiles', () => {
	it('nearest rank, as a load tester reports them', () => {
		const v = Array.from({ length: 100 }, (_, i) => i + 1);
		expect(m.percentile(v, 0.5)).toBe(50);
		expect(m.percentile(v, 0.95)).toBe(95);
		expect(m.percentile(v, 1)).toBe(100);
		expect(m.percentile(v, 0)).toBe(1);
		expect(m.percentile([7], 0.95)).toBe(7);
		expect(m.percentile([], 0.5)).toBeNaN();
		expect(m.percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], 0.95)).toBe(19);
	});

	it('durations come from every trace of the run, in ms, shortest first', () => {
		expect(m.durationsMs(run([rec('SQL SELECT', 0, 30), rec('SQL SELECT', 5, 10), rec('other', 0, 1)]), SQL)).toEqual([10, 30]);
	});
});

describe('how many at once', () => {
	it('a sweep over intervals; touching ends do not overlap', () => {
		expect(m.mostAtOnce([])).toBe(0);
		expect(m.mostAtOnce([{ start: 0, end: 10 }, { start: 10, end: 20 }])).toBe(1);
		expect(m.mostAtOnce([{ start: 0, end: 10 }, { start: 5, end: 20 }, { start: 9, end: 11 }])).toBe(3);
		expect(m.mostAtOnce([{ start: 0, end: 10 }, { start: 20, end: 30 }, { start: 25, end: 26 }])).toBe(2);
		// a zero-length or inverted interval holds no instant
		expect(m.mostAtOnce([{ start: 5, end: 5 }, { start: 7, end: 3 }])).toBe(0);
	});

	it('queued spans all overlap by their bars, but only one at a time holds the lock after its log', () => {
		const r = run(locked(10, 5));
		const found = m.findSpans(r, SQL);
		expect(m.mostAtOnce(m.intervalsOf(found))).toBe(10);
		expect(m.mostAtOnce(m.intervalsOf(found, 'Acquired lock'))).toBe(1);
		expect(m.atOnce(r, SQL, 5, 'h', 'Acquired lock')).toMatchObject({ ok: false, hint: 'h' });
		expect(en(m.atOnce(r, SQL, 5, 'h', 'Acquired lock').label)).toContain('at most 1 did');
		expect(m.countLogged(r, SQL, 'Acquired lock')).toBe(10);
	});

	it('side by side: many at once, and spans without the log count from their start', () => {
		const r = run(parallel(20, 5));
		expect(m.atOnce(r, SQL, 10, 'h', 'Acquired lock').ok).toBe(true);
		expect(m.countLogged(r, SQL, 'Acquired lock')).toBe(0);
	});

	it('a missing operation is named', () => {
		expect(m.atOnce(run([]), SQL, 2, 'h')).toMatchObject({ ok: false, missing: 'customer "SQL SELECT"' });
	});
});

describe('the tail of a load', () => {
	it('a lock makes the p95 many times the fastest; side by side it stays close', () => {
		expect(m.tailWithin(run(locked(50, 5)), SQL, 0.95, 10, 'h')).toMatchObject({ ok: false, hint: 'h' });
		const good = m.tailWithin(run(parallel(50, 5)), SQL, 0.95, 10, 'h');
		expect(good.ok).toBe(true);
		expect(en(good.label)).toContain('p95');
		expect(en(good.label)).toContain('fastest 5 ms');
	});

	it('a whole request against one of its parts', () => {
		const parts = Array.from({ length: 20 }, () => rec('route', 0, 10));
		const fast = Array.from({ length: 20 }, () => rec('dispatch', 0, 30));
		const slow = Array.from({ length: 20 }, (_, i) => rec('dispatch', 0, 30 + i * 20));
		const D = { operation: 'dispatch' };
		const R = { operation: 'route' };
		expect(m.tailUnder(run([...parts, ...fast]), D, R, 0.95, 5, 'h').ok).toBe(true);
		expect(m.tailUnder(run([...parts, ...slow]), D, R, 0.95, 5, 'h')).toMatchObject({ ok: false, hint: 'h' });
		expect(m.tailUnder(run(parts), D, R, 0.95, 5, 'h')).toMatchObject({ ok: false, missing: '"dispatch"' });
	});
});

describe('calls of one request, trace by trace', () => {
	/** a trace with `n` route calls, `workers` at a time, each 10 ms */
	function dispatch(n: number, workers: number): SpanRecord[] {
		const root = rec('dispatch', 0, 100);
		root.process = { serviceName: 'frontend', tags: [] };
		return [
			root,
			...Array.from({ length: n }, (_, i) => {
				const s = rec('HTTP GET /route', 1 + Math.floor(i / workers) * 10, 10);
				s.traceID = root.traceID;
				s.references = [{ refType: 'CHILD_OF', traceID: root.traceID, spanID: root.spanID }];
				s.process = { serviceName: 'frontend', tags: [] };
				return s;
			})
		];
	}
	const ROUTE = { service: 'frontend', operation: 'HTTP GET /route' };

	it('waves of three are a staircase; all five at once is not', () => {
		const stairs = run([...dispatch(5, 3), ...dispatch(5, 3)]);
		expect(m.tracesAllOverlapping(stairs, ROUTE)).toEqual({ overlapping: 0, traces: 2 });
		expect(m.overlapWithinTraces(stairs, ROUTE, 0.9, 'h')).toMatchObject({ ok: false, hint: 'h' });
		const flat = run([...dispatch(5, 5), ...dispatch(5, 5), ...dispatch(5, 3)]);
		expect(m.tracesAllOverlapping(flat, ROUTE)).toEqual({ overlapping: 2, traces: 3 });
		expect(m.overlapWithinTraces(flat, ROUTE, 0.6, 'h').ok).toBe(true);
		expect(m.overlapWithinTraces(flat, ROUTE, 0.9, 'h').ok).toBe(false);
	});

	it('a trace with a single call says nothing; no calls at all is missing', () => {
		expect(m.tracesAllOverlapping(run(dispatch(1, 1)), ROUTE)).toEqual({ overlapping: 0, traces: 0 });
		expect(m.overlapWithinTraces(run(dispatch(1, 1)), ROUTE, 0.9, 'h').ok).toBe(false);
		expect(m.overlapWithinTraces(run([]), ROUTE, 0.9, 'h')).toMatchObject({ ok: false, missing: 'frontend "HTTP GET /route"' });
	});
});

describe('the database side by side (MySQL\'s own counts on the wire)', () => {
	/** a run whose only records are answers from mysql with these waits and counts */
	const answered = (qs: [number, number][]): RunOutput => ({
		traces: [],
		console: [],
		args: [],
		errors: [],
		network: qs.map(([waitedMs, running], id) => ({
			id,
			from: 'customer',
			to: 'mysql:3306',
			method: 'QUERY',
			url: 'mysql://mysql:3306/customers',
			requestHeaders: {},
			requestBody: '{}',
			status: 200,
			responseHeaders: {},
			responseBody: JSON.stringify({ rows: [], fields: [], waitedMs, running }),
			startedAt: 0,
			latency: 1 + waitedMs,
			error: null
		}))
	});
	it('a pool of one: everyone waits and one runs at a time — fails', () => {
		const r = m.databaseSideBySide(answered(Array.from({ length: 50 }, (_, k) => [k * 1.2, 1])), 'mysql', 5, 1, 'one at a time');
		expect(r.ok).toBe(false);
		expect(en(r.label)).toContain('49 of 50 waited; at most 1 ran at once');
		expect(r.hint).toBe('one at a time');
	});
	it('a pool of ten: those who waited waited while ten ran — passes', () => {
		const qs = Array.from({ length: 50 }, (_, k): [number, number] => [Math.floor(k / 10) * 1.1, Math.min(10, k + 1)]);
		expect(m.databaseSideBySide(answered(qs), 'mysql', 5, 1, 'x').ok).toBe(true);
	});
	it('nobody waited (a lock in front of the pool): not this item\'s to judge — passes', () => {
		expect(m.databaseSideBySide(answered(Array.from({ length: 50 }, () => [0, 1])), 'mysql', 5, 1, 'x').ok).toBe(true);
	});
	it('ran together: a lock in front of the pool, or a pool of one, keeps it at 1 — fails; ten at once passes', () => {
		const lock = m.databaseRanTogether(answered(Array.from({ length: 50 }, () => [0, 1])), 'mysql', 5, 'the lock');
		expect(lock.ok).toBe(false);
		expect(en(lock.label)).toBe('mysql ran at least 5 queries at the same moment (at most 1 did)');
		expect(lock.hint).toBe('the lock');
		const ten = Array.from({ length: 50 }, (_, k): [number, number] => [0, Math.min(10, k + 1)]);
		expect(m.databaseRanTogether(answered(ten), 'mysql', 5, 'x').ok).toBe(true);
		expect(m.databaseRanTogether(answered([]), 'mysql', 5, 'x').ok).toBe(false);
	});
	it('answers it cannot read, and other hosts, are left out', () => {
		const run = answered([[3, 1]]);
		run.network.push({ ...run.network[0], id: 9, responseBody: 'not json' }, { ...run.network[0], id: 10, to: 'redis:6379' });
		run.network.push({ ...run.network[0], id: 11, responseBody: JSON.stringify({ waitedMs: 'x', running: 4 }) });
		expect(m.databaseQueries(run, 'mysql')).toEqual([{ waitedMs: 3, running: 1 }]);
	});
});

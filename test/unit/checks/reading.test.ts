// reading: the trace view's numbers (critical path, counts, services, calls) for checks that ask
// the learner what they read, and the ways an answer may be written.
import { describe, expect, it } from 'vitest';
import { recordsToTraces } from '../../../src/lib/model';
import type { SpanRecord } from '../../../src/lib/model/types';
import {
	answeredNumber,
	byDuration,
	callsInTrace,
	countsByOperation,
	criticalTimeByOperation,
	mostCommon,
	namesOperation,
	namesService,
	recorded,
	servicesOf,
	tracesRootedAt,
	type RunOutput
} from '../../../src/lib/checks';

let nextId = 1;
const T0 = 1_700_000_000_000_000;
function span(service: string, op: string, traceID: string, start: number, duration: number, parent?: SpanRecord, extra: Partial<SpanRecord> = {}): SpanRecord {
	return {
		traceID,
		spanID: (nextId++).toString(16).padStart(16, '0'),
		flags: 1,
		operationName: op,
		references: parent ? [{ refType: 'CHILD_OF', traceID, spanID: parent.spanID }] : [],
		startTime: T0 + start,
		duration,
		tags: [],
		logs: [],
		process: { serviceName: service, tags: [] },
		...extra
	};
}
const run = (records: SpanRecord[]): RunOutput => ({ traces: recordsToTraces(records), console: [], network: [], args: [], errors: [] });

// a dispatch: frontend root, a driver lookup of 80 ms, two route calls of 5 ms each
function dispatch(traceID: string, lookupMs: number, extra: Partial<SpanRecord> = {}): SpanRecord[] {
	const root = span('frontend', 'HTTP GET /dispatch', traceID, 0, (lookupMs + 20) * 1000, undefined, extra);
	const find = span('driver', 'FindNearest', traceID, 1000, lookupMs * 1000, root);
	const get = span('driver', 'GetDriver', traceID, 2000, (lookupMs - 2) * 1000, find);
	const r1 = span('route', 'HTTP GET /route', traceID, (lookupMs + 5) * 1000, 5000, root);
	const r2 = span('route', 'HTTP GET /route', traceID, (lookupMs + 5) * 1000, 5000, root);
	return [root, find, get, r1, r2];
}

describe('reading a trace', () => {
	const r = run([...dispatch('00000000000000a1', 80), ...dispatch('00000000000000a2', 10), span('load', 'tick', '00000000000000a3', 0, 1000)]);

	it('finds the traces of one kind of request and sorts them by duration', () => {
		const traces = tracesRootedAt(r, { service: 'frontend', operation: 'HTTP GET /dispatch' });
		expect(traces).toHaveLength(2);
		expect(byDuration(traces).map((t) => t.traceID)).toEqual(['00000000000000a2', '00000000000000a1']);
	});

	it('counts operations, services and calls as Statistics and Graph show them', () => {
		const [slow] = tracesRootedAt(r, { operation: 'HTTP GET /dispatch' });
		expect(countsByOperation(slow)[0]).toEqual({ service: 'route', operation: 'HTTP GET /route', value: 2 });
		expect(servicesOf(slow).sort()).toEqual(['driver', 'frontend', 'route']);
		expect(callsInTrace(slow, 'frontend', 'route')).toBe(2);
		expect(callsInTrace(slow, 'frontend', 'driver')).toBe(1);
		expect(callsInTrace(slow, 'driver', 'route')).toBe(0);
	});

	it('puts the long child on top of the critical path, not its parent', () => {
		const [slow] = tracesRootedAt(r, { operation: 'HTTP GET /dispatch' });
		const top = criticalTimeByOperation(slow)[0];
		expect(top.operation).toBe('GetDriver');
		expect(top.value).toBe(78_000);
	});

	it('takes the most common value, the smaller of a tie', () => {
		expect(mostCommon([5, 5, 4, 5, 3])).toBe(5);
		expect(mostCommon([4, 5])).toBe(4);
		expect(mostCommon([])).toBeUndefined();
	});
});

describe('reading an answer', () => {
	const root = span('frontend', 'HTTP GET /dispatch', '00000000000000b1', 0, 1000, undefined, {
		tags: [{ key: 'finding.count', type: 'string', value: '5' }],
		logs: [{ timestamp: T0, fields: [{ key: 'event', type: 'string', value: 'findings' }, { key: 'finding.op', type: 'string', value: 'driver: GetDriver' }] }]
	});
	const r = run([root]);
	const sel = { service: 'frontend', operation: 'HTTP GET /dispatch' };

	it('reads a tag or a log field, and numbers written as text', () => {
		expect(answeredNumber(recorded(r, sel, 'finding.count'))).toBe(5);
		expect(recorded(r, sel, 'finding.op')).toBe('driver: GetDriver');
		expect(recorded(r, sel, 'finding.none')).toBeUndefined();
		expect(answeredNumber('five')).toBeUndefined();
	});

	it('accepts an operation with or without its service, in any case', () => {
		for (const a of ['GetDriver', 'getdriver', 'driver GetDriver', 'driver: GetDriver', 'driver/GetDriver']) expect(namesOperation(a, 'driver', 'GetDriver'), a).toBe(true);
		for (const a of ['FindNearest', '/driver.Driver/FindNearest', 'driver.Driver/FindNearest', 'driver FindNearest']) expect(namesOperation(a, 'driver', '/driver.Driver/FindNearest'), a).toBe(true);
		for (const a of ['Driver', 'GetDrivers', 'route GetDriver', '', 5]) expect(namesOperation(a, 'driver', 'GetDriver'), String(a)).toBe(false);
		expect(namesOperation('driver', 'driver', '/driver.Driver/FindNearest')).toBe(false);
		expect(namesService(' Frontend ', 'frontend')).toBe(true);
		expect(namesService('driver', 'frontend')).toBe(false);
	});
});

import { describe, it, expect } from 'vitest';
import { recordsToTraces } from '../../../src/lib/model';
import type { SpanRecord } from '../../../src/lib/model/types';
import type { RunOutput } from '../../../src/lib/checks';
import * as m from '../../../src/lib/checks';

let nextId = 1;
const TRACE = '00000000000000000000000000000c0d';
function rec(operation: string, start: number, duration: number, parent?: SpanRecord): SpanRecord {
	return {
		traceID: TRACE,
		spanID: (nextId++).toString(16).padStart(16, '0'),
		flags: 1,
		operationName: operation,
		references: parent ? [{ refType: 'CHILD_OF', traceID: parent.traceID, spanID: parent.spanID }] : [],
		startTime: 1_700_000_000_000_000 + start * 1000,
		duration: duration * 1000,
		tags: [],
		logs: [],
		process: { serviceName: 'shop', tags: [] }
	};
}
const run = (records: SpanRecord[]): RunOutput => ({ traces: recordsToTraces(records), console: [], network: [], args: [], errors: [] });
const TRY = { service: 'shop', operation: 'try' };
const ROOT = { service: 'shop', operation: 'root' };

describe('groups of spans', () => {
	const root = rec('root', 0, 300);
	it('siblings under one parent, one after another', () => {
		const a = rec('try', 10, 50, root);
		const b = rec('try', 100, 50, root);
		const r = run([root, b, a]);
		expect(m.spansInOrder(r, TRY).map((f) => f.span.spanID)).toEqual([a.spanID, b.spanID]);
		expect(m.siblingsUnder(r, TRY, ROOT, 2, 'h').ok).toBe(true);
		expect(m.siblingsUnder(r, TRY, ROOT, 3, 'h').ok).toBe(false);
		expect(m.oneAfterAnother(r, TRY, 'h').ok).toBe(true);
		expect(m.allOverlap(r, TRY, 'h').ok).toBe(false);
	});

	it('a retry nested in the first attempt is not a sibling, and overlaps it', () => {
		const a = rec('try', 10, 150, root);
		const b = rec('try', 100, 50, a);
		const r = run([root, a, b]);
		expect(m.siblingsUnder(r, TRY, ROOT, 2, 'h')).toMatchObject({ ok: false, hint: 'h' });
		expect(m.oneAfterAnother(r, TRY, 'h').ok).toBe(false);
		expect(m.allOverlap(r, TRY, 'h').ok).toBe(true);
	});

	it('siblings under two different parents of the same name are not siblings', () => {
		const other = rec('root', 0, 300);
		const r = run([root, other, rec('try', 10, 20, root), rec('try', 40, 20, other)]);
		expect(m.siblingsUnder(r, TRY, ROOT, 2, 'h').ok).toBe(false);
	});

	it('a single span neither overlaps nor follows anything; a missing one is named', () => {
		const r = run([root, rec('try', 10, 20, root)]);
		expect(m.oneAfterAnother(r, TRY, 'h').ok).toBe(false);
		expect(m.allOverlap(r, TRY, 'h').ok).toBe(false);
		expect(m.allOverlap(run([root]), TRY, 'h')).toMatchObject({ ok: false, missing: 'shop "try"' });
	});

	it('measures a span against the shortest of a group', () => {
		const q = [rec('q', 0, 100, root), rec('q', 0, 200, root), rec('q', 0, 300, root)];
		const r = run([root, ...q]);
		expect(m.lastsUnder(r, ROOT, { operation: 'q' }, 2, 'h').ok).toBe(false);
		expect(m.lastsUnder(r, ROOT, { operation: 'q' }, 3.5, 'h').ok).toBe(true);
		expect(m.lastsUnder(run([root]), ROOT, { operation: 'q' }, 2, 'h')).toMatchObject({ ok: false, missing: '"q"' });
		expect(m.localize(m.lastsUnder(r, ROOT, { operation: 'q' }, 2, 'h').label, 'en')).toBe(`shop's "root" span lasts less than 2 × the shortest of the "q" spans`);
	});
});

// dependencyEdges / callsBetween: the Dependencies view's edges, read from a run's traces.
import { describe, expect, it } from 'vitest';
import { recordsToTraces } from '../../../src/lib/model';
import type { SpanRecord } from '../../../src/lib/model/types';
import { callsBetween, dependencyEdges, type RunOutput } from '../../../src/lib/checks';

let nextId = 1;
function span(service: string, traceID: string, refs: [SpanRecord, 'CHILD_OF' | 'FOLLOWS_FROM'][] = []): SpanRecord {
	return {
		traceID,
		spanID: (nextId++).toString(16).padStart(16, '0'),
		flags: 1,
		operationName: 'op',
		references: refs.map(([p, refType]) => ({ refType, traceID: p.traceID, spanID: p.spanID })),
		startTime: 1_700_000_000_000_000 + nextId * 1000,
		duration: 1000,
		tags: [],
		logs: [],
		process: { serviceName: service, tags: [] }
	};
}
const run = (records: SpanRecord[]): RunOutput => ({ traces: recordsToTraces(records), console: [], network: [], args: [], errors: [] });
const T1 = '00000000000000a1';
const T2 = '00000000000000a2';

describe('dependencyEdges', () => {
	it('counts a same-trace FOLLOWS_FROM from producer to consumer, once per consumer span', () => {
		const pub = span('order', T1);
		const c1 = span('kitchen', T1, [[pub, 'FOLLOWS_FROM']]);
		const c2 = span('kitchen', T1, [[pub, 'FOLLOWS_FROM']]);
		const inner = span('kitchen', T1, [[c1, 'CHILD_OF']]);
		const r = run([pub, c1, c2, inner]);
		expect(dependencyEdges(r)).toEqual([{ parent: 'order', child: 'kitchen', callCount: 2 }]);
		expect(callsBetween(r, 'order', 'kitchen')).toBe(2);
		expect(callsBetween(r, 'kitchen', 'order')).toBe(0);
	});

	it('draws nothing for a reference into another trace, and the CHILD_OF comes first', () => {
		const pub = span('order', T1);
		const root = span('kitchen', T2);
		// CHILD_OF its own root, FOLLOWS_FROM a span of another trace: the parent is the root
		const cook = span('kitchen', T2, [
			[root, 'CHILD_OF'],
			[pub, 'FOLLOWS_FROM']
		]);
		expect(dependencyEdges(run([pub, root, cook]))).toEqual([]);
	});

	it('no edge between spans of one service', () => {
		const a = span('order', T1);
		expect(dependencyEdges(run([a, span('order', T1, [[a, 'CHILD_OF']])]))).toEqual([]);
	});
});

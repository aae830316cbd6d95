// Chapter 11's staircase check names "a pool made per request" when every request's route calls go
// out in waves while many run at once across the run — also when a dispatch or two had fewer calls
// (failed driver lookups), which even a pool of three lets out together (seen in CI: the hint fell
// back to "give it more workers" because one trace of fifty overlapped).
import { describe, expect, it } from 'vitest';
import { recordsToTraces } from '../../../src/lib/model';
import type { SpanRecord } from '../../../src/lib/model/types';
import type { CheckText, RunOutput } from '../../../src/lib/checks';
import check from '../../../lessons/11-find-the-slow-request/02-the-staircase/check';

const english = (t: CheckText | undefined) => (typeof t === 'string' ? t : (t?.en ?? ''));
let nextId = 1;
const T0 = 1_700_000_000_000_000;
function span(op: string, traceID: string, startMs: number, ms: number, parent?: SpanRecord): SpanRecord {
	return {
		traceID,
		spanID: (nextId++).toString(16).padStart(16, '0'),
		flags: 1,
		operationName: op,
		references: parent ? [{ refType: 'CHILD_OF', traceID, spanID: parent.spanID }] : [],
		startTime: T0 + startMs * 1000,
		duration: ms * 1000,
		tags: [],
		logs: [],
		process: { serviceName: 'frontend', tags: [] }
	};
}

/** One dispatch: `calls` route calls through its own pool of three (waves of three, 10 ms each). */
function dispatch(i: number, calls: number): SpanRecord[] {
	const traceID = (0xa000 + i).toString(16).padStart(16, '0');
	const root = span('HTTP GET /dispatch', traceID, 0, 50);
	return [root, ...Array.from({ length: calls }, (_, k) => span('HTTP GET /route', traceID, 1 + Math.floor(k / 3) * 11, 10, root))];
}

describe('chapter 11 staircase: the hint for a pool per request', () => {
	it('names it when one dispatch of fifty had only three calls', async () => {
		const records = Array.from({ length: 50 }, (_, i) => dispatch(i, i === 7 ? 3 : 5)).flat();
		const run: RunOutput = { traces: recordsToTraces(records), console: [{ service: 'load', stream: 'out', text: '50 of 50 dispatches answered' }] as RunOutput['console'], network: [], args: [], errors: [] };
		const items = await check(run);
		const waves = items.find((i) => english(i.label).includes('all run at the same moment'))!;
		expect(waves.ok).toBe(false);
		expect(english(waves.label)).toContain('(1 of 50)');
		expect(english(waves.hint)).toContain('a pool made per request');
	});
});

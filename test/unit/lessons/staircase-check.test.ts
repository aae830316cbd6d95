// Chapter 11's staircase check names "a pool made per request" when every request's route calls go
// out in waves while many run at once across the run — also when a dispatch or two had fewer calls
// (failed driver lookups), which even a pool of three lets out together (seen in CI: the hint fell
// back to "give it more workers" because one trace of fifty overlapped).
import { describe, expect, it } from 'vitest';
import type { SpanRecord } from '../../../src/lib/model/types';
import check from '../../../lessons/11-find-the-slow-request/02-the-staircase/check';
import { english, runOf, span } from './check-fixtures';

/** One dispatch: `calls` route calls through its own pool of three (waves of three, 10 ms each). */
function dispatch(i: number, calls: number): SpanRecord[] {
	const traceID = (0xa000 + i).toString(16).padStart(16, '0');
	const root = span({ service: 'frontend', op: 'HTTP GET /dispatch', traceID, ms: 50 });
	return [root, ...Array.from({ length: calls }, (_, k) => span({ service: 'frontend', op: 'HTTP GET /route', traceID, startMs: 1 + Math.floor(k / 3) * 11, ms: 10, parent: root }))];
}

describe('chapter 11 staircase: the hint for a pool per request', () => {
	it('names it when one dispatch of fifty had only three calls', async () => {
		const records = Array.from({ length: 50 }, (_, i) => dispatch(i, i === 7 ? 3 : 5)).flat();
		const items = await check(runOf(records, ['50 of 50 dispatches answered']));
		const waves = items.find((i) => english(i.label).includes('all run at the same moment'))!;
		expect(waves.ok).toBe(false);
		expect(english(waves.label)).toContain('(1 of 50)');
		expect(english(waves.hint)).toContain('a pool made per request');
	});
});

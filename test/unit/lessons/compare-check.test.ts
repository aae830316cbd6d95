// Chapter 11's compare step judges against the run's fastest and slowest dispatch. On a loaded
// machine the fastest can have hit a Redis stall too; then the fastest dispatch without a failed
// attempt is a fair "fast trace" as well (seen in CI: 'error' judged wrong for a correct answer).
import { describe, expect, it } from 'vitest';
import type { SpanRecord } from '../../../src/lib/model/types';
import check from '../../../lessons/11-find-the-slow-request/06-compare/check';
import { english, runOf, span } from './check-fixtures';

const answers: SpanRecord['tags'] = [
	{ key: 'finding.extra_operation', type: 'string', value: 'GetDriver' },
	{ key: 'finding.extra_tag', type: 'string', value: 'error' },
	{ key: 'finding.extra_parent', type: 'string', value: '/driver.Driver/FindNearest' }
];
const failed: SpanRecord['tags'] = [{ key: 'error', type: 'bool', value: true }];
const retry: SpanRecord['tags'] = [{ key: 'retry_no', type: 'int64', value: 1 }];

/** A dispatch whose FindNearest made `gets` GetDriver attempts, `failures` of them timed out. */
function dispatch(traceID: string, ms: number, gets: number, failures: number): SpanRecord[] {
	const root = span({ service: 'frontend', op: 'HTTP GET /dispatch', traceID, ms, tags: answers });
	const find = span({ service: 'driver', op: '/driver.Driver/FindNearest', traceID, ms: ms - 5, parent: root });
	const attempts = Array.from({ length: gets }, (_, i) =>
		span({ service: 'driver', op: 'GetDriver', traceID, ms: 1, parent: find, tags: [...(i < failures ? failed : []), ...(i > 0 && i <= failures ? retry : [])] })
	);
	return [root, find, ...attempts];
}

const judge = async (records: SpanRecord[]) => {
	return (await check(runOf(records, ['50 of 50 dispatches answered']))).find((i) => english(i.label).startsWith('finding.extra_tag'))!;
};

describe('chapter 11 compare: the fast trace', () => {
	it('accepts the answer from the fastest dispatch without a retry when the fastest one stalled too', async () => {
		const item = await judge([...dispatch('00000000000000a1', 60, 6, 1), ...dispatch('00000000000000a2', 80, 5, 0), ...dispatch('00000000000000a3', 500, 8, 3)]);
		expect(item.ok).toBe(true);
	});

	it('with no dispatch free of stalls, a tag both carry is still refused, with the hint that says so', async () => {
		const item = await judge([...dispatch('00000000000000b1', 60, 6, 1), ...dispatch('00000000000000b3', 500, 8, 3)]);
		expect(item.ok).toBe(false);
		expect(english(item.hint)).toMatch(/carry that tag too/);
	});
});

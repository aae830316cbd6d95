import { describe, it, expect } from 'vitest';
import { recordsToTraces } from '../../../src/lib/model';
import type { KeyValue, SpanRecord } from '../../../src/lib/model/types';
import type { NetworkRecord } from '../../../src/lib/sim/types';
import type { RunOutput } from '../../../src/lib/checks';
import * as c from '../../../src/lib/checks';

let nextId = 1;
function rec(service: string, operation: string, parent: SpanRecord | undefined, tags: KeyValue[], logs: Record<string, string>[] = []): SpanRecord {
	return {
		traceID: '00000000000000000000000000000e44',
		spanID: (nextId++).toString(16).padStart(16, '0'),
		flags: 1,
		operationName: operation,
		references: parent ? [{ refType: 'CHILD_OF', traceID: parent.traceID, spanID: parent.spanID }] : [],
		startTime: 1_700_000_000_000_000,
		duration: 1000,
		tags,
		logs: logs.map((fields, i) => ({ timestamp: 1_700_000_000_000_000 + i, fields: Object.entries(fields).map(([key, value]) => ({ key, type: 'string', value })) })),
		process: { serviceName: service, tags: [] }
	};
}

function answer(to: string, status: number | null, error: string | null = null): NetworkRecord {
	return { id: 1, from: 'hello', to, method: 'GET', url: `http://${to}/`, requestHeaders: {}, requestBody: '', status, responseHeaders: {}, responseBody: '', startedAt: 0, latency: 1, error };
}

const root = rec('hello-world', 'say-hello', undefined, []);
const failed = rec('hello-world', 'printHello', root, [{ key: 'error', type: 'bool', value: true }], [{ event: 'error', 'error.object': 'Error: 500 Internal Server Error' }]);
const bare = rec('publisher', 'publish', failed, [{ key: 'error', type: 'string', value: 'true' }], [{ event: 'error' }]);
const quiet = rec('hello-world', 'formatString', root, [{ key: 'error', type: 'bool', value: false }], [{ message: 'no event field' }]);
const run: RunOutput = {
	traces: recordsToTraces([root, failed, bare, quiet]),
	console: [],
	network: [answer('formatter:8081', 200), answer('publisher:8082', 500), answer('ghost:80', null, 'ENOTFOUND')],
	args: ['Zoë'],
	errors: []
};

describe('failure checks', () => {
	it('finds the spans Jaeger shows as failed: error true, as a boolean or as text', () => {
		expect(c.errorSpans(run).map((f) => f.span.operationName).sort()).toEqual(['printHello', 'publish']);
	});

	it('wants an error log that says what went wrong, not only event=error', () => {
		expect(c.logsError(run, { service: 'hello-world', operation: 'printHello' }, 'h').ok).toBe(true);
		const bareItem = c.logsError(run, { operation: 'publish' }, 'log the error object');
		expect(bareItem.ok).toBe(false);
		expect(bareItem.hint).toBe('log the error object');
		// detail without event=error is not an error log either
		expect(c.logsError(run, { operation: 'formatString' }, 'h').ok).toBe(false);
		expect(c.logsError(run, { operation: 'nope' }, 'h').ok).toBe(false);
	});

	it('accepts any of the conventional detail fields', () => {
		for (const key of ['error.object', 'message', 'error.kind', 'stack']) {
			const s = rec('svc', 'op', undefined, [], [{ event: 'error', [key]: 'x' }]);
			expect(c.logsError({ ...run, traces: recordsToTraces([s]) }, { operation: 'op' }, 'h').ok, key).toBe(true);
		}
	});

	it('reads the status a host answered with; a request that got no answer has none', () => {
		expect(c.answeredWith(run, 'publisher', 500, 'h').ok).toBe(true);
		expect(c.answeredWith(run, 'formatter', 500, 'h').ok).toBe(false);
		expect(c.answeredWith(run, 'formatter', 200, 'h').ok).toBe(true);
		expect(c.answeredWith(run, 'ghost', 500, 'h').ok).toBe(false);
	});
});

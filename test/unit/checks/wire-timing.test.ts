import { describe, it, expect } from 'vitest';
import { recordsToTraces } from '../../../src/lib/model';
import type { SpanRecord } from '../../../src/lib/model/types';
import type { NetworkRecord } from '../../../src/lib/sim/types';
import type { RunOutput } from '../../../src/lib/checks';
import * as m from '../../../src/lib/checks';

let nextId = 1;
function rec(service: string, operation: string, traceID: string, start: number, duration: number, parent?: SpanRecord, extra: Partial<SpanRecord> = {}): SpanRecord {
	return {
		traceID,
		spanID: (nextId++).toString(16).padStart(16, '0'),
		flags: 1,
		operationName: operation,
		references: parent ? [{ refType: 'CHILD_OF', traceID: parent.traceID, spanID: parent.spanID }] : [],
		startTime: 1_700_000_000_000_000 + start * 1000,
		duration: duration * 1000,
		tags: [],
		logs: [],
		process: { serviceName: service, tags: [] },
		...extra
	};
}

function req(to: string, url: string, headers: Record<string, string>): NetworkRecord {
	return { id: 1, from: 'hello', to, method: 'GET', url, requestHeaders: headers, requestBody: '', status: 200, responseHeaders: {}, responseBody: '', startedAt: 0, latency: 1, error: null };
}

function run(records: SpanRecord[], more: Partial<RunOutput> = {}): RunOutput {
	return { traces: recordsToTraces(records), console: [], network: [], args: ['Bryan'], errors: [], ...more };
}

const TRACE = '00000000000000000000000000000a1b';
const root = rec('hello-world', 'say-hello', TRACE, 0, 100);
const fmt = rec('hello-world', 'formatString', TRACE, 30, 20, root, { tags: [{ key: 'http.url', type: 'string', value: 'http://formatter:8081/format?helloTo=Bryan' }] });
const late = rec('hello-world', 'printHello', TRACE, 90, 30, root);
const server = rec('formatter', 'format', TRACE, 32, 10, fmt);

describe('more checks', () => {
	const r = run([root, fmt, late, server], {
		console: [{ service: 'hello', stream: 'out', text: 'Reporting span a1b:a1b:0:1 hello-world.say-hello' }],
		network: [
			req('formatter:8081', 'http://formatter:8081/format?helloTo=Bryan', { 'uber-trace-id': `a1b:${fmt.spanID.replace(/^0+/, '')}:${root.spanID}:1` }),
			req('publisher:8082', 'http://publisher:8082/publish?helloStr=x', { 'uber-trace-id': `a1b:${root.spanID}:0:1` })
		]
	});

	it('matches console lines and tags by pattern', () => {
		expect(m.consoleMatches(r, 'hello', /^Reporting span .* hello-world\.say-hello$/, 'l', 'h').ok).toBe(true);
		expect(m.consoleMatches(r, 'formatter', /Reporting/, 'l', 'h')).toEqual({ label: 'l', ok: false, hint: 'h' });
		expect(m.tagMatches(r, { operation: 'formatString' }, 'http.url', /formatter:8081\/format/, 'h').ok).toBe(true);
		expect(m.tagMatches(r, { operation: 'formatString' }, 'http.url', /publisher/, 'h').ok).toBe(false);
		expect(m.tagMatches(r, { operation: 'say-hello' }, 'http.url', /./, 'h').ok).toBe(false);
	});

	it('finds requests and the span context they carried, ignoring leading zeros', () => {
		expect(m.requestSent(r, 'formatter', /helloTo=Bryan$/, 'h').ok).toBe(true);
		expect(m.requestSent(r, 'formatter', /helloTo=Alice$/, 'h').ok).toBe(false);
		expect(m.requestsTo(r, 'publisher')).toHaveLength(1);
		expect(m.sentContext(r.network[0])).toMatchObject({ traceId: 'a1b', parentId: root.spanID.replace(/^0+/, ''), flags: '1' });
		expect(m.sentContext(req('x:1', 'http://x:1/', {}))).toBeNull();
		expect(m.sentContext(req('x:1', 'http://x:1/', { 'uber-trace-id': 'a:b:c' }))).toBeNull();
		expect(m.requestCarriesSpan(r, 'formatter', { operation: 'formatString' }, 'h').ok).toBe(true);
		// the publisher got the root's context, not printHello's
		const wrong = m.requestCarriesSpan(r, 'publisher', { operation: 'printHello' }, { other: m.text('Step words.', '这一步的话。'), fallback: 'h' });
		expect(wrong.ok).toBe(false);
		expect(m.localize(wrong.hint!, 'en')).toMatch(/^The request to publisher carries the context of hello-world's "say-hello" span, not of the "printHello" span, which made the call: .* Step words\.$/);
		expect(m.localize(wrong.hint!, 'zh-CN')).toMatch(/这一步的话。$/);
		expect(m.requestCarriesSpan(r, 'publisher', { operation: 'say-hello' }, 'h').ok).toBe(true);
	});

	it('tells a request with no context from one with the wrong span\'s, one helper for every step', () => {
		const bare = run([root, fmt, late, server], { network: [req('publisher:8082', 'http://publisher:8082/publish?helloStr=x', {})] });
		expect(m.carried(bare, 'publisher', { operation: 'printHello' })).toEqual({ kind: 'none' });
		expect(m.carried(bare, 'formatter', { operation: 'formatString' })).toEqual({ kind: 'no-request' });
		expect(m.carried(r, 'formatter', { operation: 'formatString' })).toEqual({ kind: 'span' });
		expect(m.carried(r, 'publisher', { operation: 'printHello' })).toMatchObject({ kind: 'other', span: { service: 'hello-world' } });
		expect(m.localize(m.clientPropagationHint(bare, 'publisher', { operation: 'printHello' })!, 'en')).toMatch(/went out without an uber-trace-id header/);
		expect(m.clientPropagationHint(r, 'formatter', { operation: 'formatString' })).toBeUndefined();
		// a plain hint still works, for the case the wire cannot explain (no request at all)
		expect(m.requestCarriesSpan(bare, 'formatter', { operation: 'formatString' }, 'h')).toMatchObject({ ok: false, hint: 'h' });
	});

	it('judges timing: a parent that outlives its child, a span that started later', () => {
		expect(m.encloses(r, { operation: 'say-hello' }, { operation: 'formatString' }, 'h').ok).toBe(true);
		expect(m.encloses(r, { operation: 'say-hello' }, { operation: 'printHello' }, 'h').ok).toBe(false); // 90 + 30 > 100
		expect(m.encloses(r, { operation: 'say-hello' }, { operation: 'nope' }, 'h').ok).toBe(false);
		expect(m.startsLater(r, { operation: 'formatString' }, { operation: 'say-hello' }, 25, 'h').ok).toBe(true);
		expect(m.startsLater(r, { operation: 'formatString' }, { operation: 'say-hello' }, 31, 'h').ok).toBe(false);
	});

	it('counts the services in a trace', () => {
		expect(m.servicesInTrace(r, { operation: 'say-hello' }, 2, 'h').ok).toBe(true);
		expect(m.servicesInTrace(r, { operation: 'say-hello' }, 3, 'h').ok).toBe(false);
		expect(m.servicesInTrace(r, { operation: 'nope' }, 0, 'h').ok).toBe(false); // no such span, no such trace
	});
});

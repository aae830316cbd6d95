import { describe, it, expect } from 'vitest';
import { recordsToTraces } from '../../../src/lib/model';
import type { SpanRecord } from '../../../src/lib/model/types';
import * as c from '../../../src/lib/checks';
import { collectTraces } from '../../../src/lib/backend';
import type { RunOutput } from '../../../src/lib/checks';

let nextId = 1;
function rec(service: string, operation: string, traceID: string, parent?: SpanRecord, extra: Partial<SpanRecord> = {}): SpanRecord {
	return {
		traceID,
		spanID: (nextId++).toString(16).padStart(16, '0'),
		flags: 1,
		operationName: operation,
		references: parent ? [{ refType: 'CHILD_OF', traceID: parent.traceID, spanID: parent.spanID }] : [],
		startTime: 1_700_000_000_000_000,
		duration: 1000,
		tags: [],
		logs: [],
		process: { serviceName: service, tags: [] },
		...extra
	};
}

function run(records: SpanRecord[], more: Partial<RunOutput> = {}): RunOutput {
	return { traces: recordsToTraces(records), console: [], network: [], args: ['Bryan'], errors: [], ...more };
}

describe('checks', () => {
	const root = rec('hello-world', 'say-hello', 'aa', undefined, {
		tags: [{ key: 'hello-to', type: 'string', value: 'Bryan' }],
		logs: [{ timestamp: 1, fields: [{ key: 'event', type: 'string', value: 'string-format' }, { key: 'value', type: 'string', value: 'Hello, Bryan!' }] }]
	});
	const format = rec('hello-world', 'formatString', 'aa', root);
	const server = rec('formatter', 'format', 'aa', format, { tags: [{ key: 'span.kind', type: 'string', value: 'server' }] });
	const stray = rec('hello-world', 'printHello', 'bb');
	const good = run([format, server, root]);
	const split = run([format, server, root, stray]);

	it('finds spans by service and operation', () => {
		expect(c.findSpan(good, { service: 'formatter', operation: 'format' })?.span.spanID).toBe(server.spanID);
		expect(c.findSpan(good, { service: 'hello-world', operation: 'format' })).toBeUndefined();
		expect(c.spanReported(good, { operation: 'say-hello' }, 'h').ok).toBe(true);
		expect(c.spanReported(good, { operation: 'nope' }, 'finish the span').hint).toBe('finish the span');
	});

	it('judges parent/child, roots and trace membership', () => {
		expect(c.childOf(good, { operation: 'format' }, { service: 'hello-world', operation: 'formatString' }, 'h').ok).toBe(true);
		expect(c.childOf(good, { operation: 'format' }, { operation: 'say-hello' }, 'h').ok).toBe(false);
		expect(c.isRoot(good, { operation: 'say-hello' }, 'h').ok).toBe(true);
		expect(c.isRoot(good, { operation: 'format' }, 'h').ok).toBe(false);
		expect(c.sameTrace(good, [{ operation: 'say-hello' }, { operation: 'format' }], 'h').ok).toBe(true);
		expect(c.sameTrace(split, [{ operation: 'say-hello' }, { operation: 'printHello' }], 'h').ok).toBe(false);
		expect(c.traceCount(good, 1, 'h').ok).toBe(true);
		expect(c.traceCount(split, 1, 'h').ok).toBe(false);
		expect(c.totalSpans(good, 3, 'h').ok).toBe(true);
		expect(c.referenceType(good, { operation: 'format' }, 'CHILD_OF', 'h').ok).toBe(true);
		expect(c.referenceType(good, { operation: 'format' }, 'FOLLOWS_FROM', 'h').ok).toBe(false);
	});

	it('reads tags and logs, comparing values as text', () => {
		expect(c.hasTag(good, { operation: 'say-hello' }, 'hello-to', 'Bryan', 'h').ok).toBe(true);
		expect(c.hasTag(good, { operation: 'say-hello' }, 'hello-to', 'Alice', 'h').ok).toBe(false);
		expect(c.hasTag(good, { operation: 'formatString' }, 'hello-to', undefined, 'h').ok).toBe(false);
		expect(c.lacksTag(good, { operation: 'formatString' }, 'hello-to', 'h').ok).toBe(true);
		expect(c.hasLog(good, { operation: 'say-hello' }, { event: 'string-format', value: 'Hello, Bryan!' }, 'h').ok).toBe(true);
		expect(c.hasLog(good, { operation: 'say-hello' }, { event: 'println' }, 'h').ok).toBe(false);
	});

	it('catches a name put into the operation name', () => {
		const bad = run([rec('hello-world', 'say-hello-Bryan', 'cc')]);
		expect(c.operationExcludes(bad, 'Bryan', 'h').ok).toBe(false);
		expect(c.operationExcludes(good, 'Bryan', 'h').ok).toBe(true);
	});

	it('looks at headers on the wire and at console lines', () => {
		const withNet = run([root], {
			console: [{ service: 'hello', stream: 'out', text: 'Hello, Bryan!' }],
			network: [
				{
					id: 1, from: 'hello', to: 'formatter:8081', method: 'GET', url: 'http://formatter:8081/format?helloTo=Bryan',
					requestHeaders: { 'uber-trace-id': 'abc:def:0:1' }, requestBody: '', status: 200, responseHeaders: {}, responseBody: 'Hello, Bryan!',
					startedAt: 0, latency: 1, error: null
				}
			]
		});
		expect(c.headerSent(withNet, 'formatter', 'Uber-Trace-Id', /^[0-9a-f]+:[0-9a-f]+:[0-9a-f]+:[0-9a-f]+$/, 'h').ok).toBe(true);
		expect(c.headerSent(withNet, 'publisher', 'uber-trace-id', undefined, 'h').ok).toBe(false);
		expect(c.headerSent(withNet, 'formatter', 'uberctx-greeting', undefined, 'h').ok).toBe(false);
		expect(c.printed(withNet, 'hello', 'Hello, Bryan!', 'h').ok).toBe(true);
		expect(c.printed(withNet, 'formatter', 'Hello, Bryan!', 'h').ok).toBe(false);
	});

	it('asks for the reference type the step teaches, and says which one it found', () => {
		const cause = rec('hello-world', 'say-hello', 'ff');
		const later = rec('hello-world', 'cache-greeting', 'ff', undefined, { references: [{ refType: 'FOLLOWS_FROM', traceID: 'ff', spanID: cause.spanID }] });
		const r = run([cause, later]);
		const asChild = c.childOf(r, { operation: 'cache-greeting' }, { operation: 'say-hello' }, c.text('Use childOf.', '用 childOf。'));
		expect(asChild.ok).toBe(false);
		expect(c.localize(asChild.hint!, 'en')).toBe('the "cache-greeting" span references the "say-hello" span with FollowsFrom; this step asks for ChildOf — the "say-hello" span waits for this work. Use childOf.');
		expect(c.localize(asChild.hint!, 'zh-CN')).toContain('以 FollowsFrom 引用了');
		expect(c.parentOf(r, c.findSpan(r, { operation: 'cache-greeting' })!)).toBeUndefined();
		expect(c.parentOf(r, c.findSpan(r, { operation: 'cache-greeting' })!, 'FOLLOWS_FROM')?.span.operationName).toBe('say-hello');
		const follows = c.followsFrom(r, { operation: 'cache-greeting' }, { operation: 'say-hello' }, 'h');
		expect(follows.ok).toBe(true);
		expect(c.localize(follows.label, 'en')).toBe('the "cache-greeting" span follows from the "say-hello" span');
		expect(c.followsFrom(good, { operation: 'format' }, { service: 'hello-world', operation: 'formatString' }, 'h').hint).toMatch(/with ChildOf; this step asks for FollowsFrom/);
	});

	it('judges failure by one rule: error=true marks it, error=false does not', () => {
		const tagged = (value: boolean | string) => run([rec('hello-world', 'printHello', 'ee', undefined, { tags: [{ key: 'error', type: typeof value === 'boolean' ? 'bool' : 'string', value }] })]);
		const sel = { operation: 'printHello' };
		expect(c.marksError(tagged(true), sel, 'h').ok).toBe(true);
		expect(c.marksError(tagged('true'), sel, 'h').ok).toBe(true);
		expect(c.marksError(tagged(false), sel, 'h').ok).toBe(false);
		expect(c.marksNoError(tagged(false), sel, 'h').ok).toBe(true);
		expect(c.marksNoError(tagged(true), sel, 'h').ok).toBe(false);
		expect(c.errorSpans(tagged(false))).toEqual([]);
	});

	it('says "before finish()" when the Console shows the span was used after it, and "pass a string" for an object value', () => {
		const span = rec('hello-world', 'say-hello', 'dd', undefined, { tags: [{ key: 'http.url', type: 'string', value: '"http://formatter:8081/format"' }] });
		const warned = run([span], { console: [{ service: 'hello', stream: 'err', text: 'operation=say-hello,context=dd:dd:0:1#log() after finish(): the span "say-hello" was already reported, so what this call records is lost. Tag, log and set baggage before finish().' }] });
		const log = c.hasLog(warned, { operation: 'say-hello' }, { event: 'println' }, 'add the log');
		expect(c.localize(log.hint!, 'en')).toMatch(/Move the call before span\.finish\(\)\.$/);
		expect(c.localize(log.hint!, 'zh-CN')).toContain('span.finish() 之前');
		expect(c.hasLog(run([span]), { operation: 'say-hello' }, { event: 'println' }, 'add the log').hint).toBe('add the log');
		const url = c.tagMatches(warned, { operation: 'say-hello' }, 'http.url', /^http:/, 'tag the URL');
		expect(c.localize(url.hint!, 'en')).toMatch(/holds an object, .*"http:\/\/formatter:8081\/format".*pass a string/);
		// a second finish() loses nothing: no "before finish()" for it
		const twice = run([span], { console: [{ service: 'hello', stream: 'err', text: 'operation=say-hello,context=dd:dd:0:1#You can only call finish() on a span once.' }] });
		expect(c.hasLog(twice, { operation: 'say-hello' }, { event: 'println' }, 'add the log').hint).toBe('add the log');
	});

	it('folds the items a missing span fails under the first of them', () => {
		const r = run([root]);
		const items = [
			c.spanReported(r, { operation: 'say-hello' }, 'h'),
			c.spanReported(r, { service: 'hello-world', operation: 'printHello' }, 'finish printHello'),
			c.hasTag(r, { service: 'hello-world', operation: 'printHello' }, 'error', true, 'tag it'),
			c.traceCount(r, 2, 'two traces'),
			c.hasLog(r, { service: 'hello-world', operation: 'printHello' }, { event: 'error' }, 'log it'),
			c.childOf(r, { operation: 'say-hello' }, { service: 'hello-world', operation: 'printHello' }, 'parent')
		];
		expect(items[1].missing).toBe('hello-world "printHello"');
		expect(items[3].missing).toBeUndefined();
		const groups = c.foldFailures(items);
		expect(groups.map((g) => [g.item.hint ?? 'ok', g.consequences.map((x) => x.hint)])).toEqual([
			['ok', []],
			['finish printHello', ['tag it', 'log it', 'parent']],
			['two traces', []]
		]);
		expect(c.foldFailures([])).toEqual([]);
	});

	it('a hint two failing items share is given once: the later item says the cause is above', () => {
		const fail = (label: string, hint: c.CheckText) => ({ label, ok: false, hint });
		const lock = c.text('the lock serialises queries', '锁让查询排队');
		const groups = c.foldFailures([
			fail('overlap', lock),
			{ label: 'ok one', ok: true, hint: lock },
			fail('p95', c.text('the lock serialises queries', '锁让查询排队')),
			fail('other', 'something else')
		]);
		expect(groups.map((g) => g.hintGiven === true)).toEqual([false, false, true, false]);
	});

	it('reports service errors with the hint', () => {
		const failed = run([], { errors: ['hello: stopped after 5 s (time limit)'] });
		const item = c.noErrors(failed, 'look for a loop that never ends');
		expect(item.ok).toBe(false);
		expect(item.hint).toContain('time limit');
	});
});

describe('collecting a run', () => {
	it('gathers each trace once across services, oldest first, and keeps only learner traffic', async () => {
		const a = rec('hello-world', 'say-hello', 't1', undefined, { startTime: 2_000 });
		const b = rec('formatter', 'format', 't1', a, { startTime: 2_100 });
		const c2 = rec('hello-world', 'say-hello', 't0', undefined, { startTime: 1_000 });
		const traces = recordsToTraces([a, b, c2]);
		const source = {
			getServices: async () => ['formatter', 'hello-world'],
			findTraces: async ({ service }: { service: string }) => traces.filter((t) => Object.values(t.processes).some((p) => p.serviceName === service))
		};
		const got = await collectTraces(source);
		expect(got.map((t) => t.traceID)).toEqual(['t0', 't1']);
		const record = { id: 1, from: 'hello', to: 'formatter:8081', method: 'GET', url: 'u', requestHeaders: {}, requestBody: '', status: 200, responseHeaders: {}, responseBody: '', startedAt: 0, latency: 1, error: null };
		const out = c.runOutput(
			{
				console: [{ service: 'hello', stream: 'out', text: 'hi' }, { service: 'hello', stream: 'system', text: 'capped' }],
				network: [{ ...record, kind: 'service' }, { ...record, id: 2, kind: 'backend' }],
				errors: [{ service: 'formatter', message: 'boom' }],
				diagnostics: [{ severity: 'error', message: 'Expected ";"', file: 'hello.ts', line: 3 }]
			},
			got,
			['Bryan']
		);
		expect(out.console).toEqual([{ service: 'hello', stream: 'out', text: 'hi' }]);
		expect(out.network.map((r) => r.id)).toEqual([1]);
		expect(out.errors).toEqual(['hello.ts:3 Expected ";"', 'formatter: boom']);
		expect(out.args).toEqual(['Bryan']);
	});

	it('gives the check the arguments the client got, whichever form the field took', () => {
		const finished = { console: [], network: [], errors: [], services: [{ name: 'formatter', client: false }, { name: 'hello', client: true }] };
		expect(c.runOutput(finished, [], 'hello Bryan Bonjour').args).toEqual(['Bryan', 'Bonjour']);
		expect(c.runOutput(finished, [], ['hello', 'Bryan']).args).toEqual(['Bryan']);
		expect(c.runOutput(finished, [], 'Bryan').args).toEqual(['Bryan']);
		expect(c.runOutput({ ...finished, services: [] }, [], 'hello Bryan').args).toEqual(['hello', 'Bryan']);
	});
});

// messageCarriesSpan and eachReferencesOwn: the context a published message carried, and each
// consumer span referencing its own message's producer span.
import { describe, expect, it } from 'vitest';
import { recordsToTraces } from '../../../src/lib/model';
import type { SpanRecord } from '../../../src/lib/model/types';
import type { NetworkRecord } from '../../../src/lib/sim/types';
import { eachReferencesOwn, localize, messageCarriesSpan, type RunOutput } from '../../../src/lib/checks';

let nextId = 1;
function span(service: string, operation: string, traceID: string, tags: Record<string, string> = {}, ref?: [SpanRecord, 'CHILD_OF' | 'FOLLOWS_FROM']): SpanRecord {
	return {
		traceID,
		spanID: (nextId++).toString(16).padStart(16, '0'),
		flags: 1,
		operationName: operation,
		references: ref ? [{ refType: ref[1], traceID: ref[0].traceID, spanID: ref[0].spanID }] : [],
		startTime: 1_700_000_000_000_000 + nextId * 1000,
		duration: 1000,
		tags: Object.entries(tags).map(([key, value]) => ({ key, type: 'string', value })),
		logs: [],
		process: { serviceName: service, tags: [] }
	};
}

function msg(headers: Record<string, string>, body = '{}'): NetworkRecord {
	return { id: 1, from: 'order', to: 'rabbitmq:5672', method: 'basic.publish', url: 'amqp://rabbitmq:5672/', requestHeaders: headers, requestBody: body, status: 200, responseHeaders: {}, responseBody: '', startedAt: 0, latency: 1, error: null };
}

const run = (records: SpanRecord[], network: NetworkRecord[] = []): RunOutput => ({ traces: recordsToTraces(records), console: [], network, args: [], errors: [] });
const strip = (id: string) => id.replace(/^0+/, '');
const en = (t: unknown) => localize(t as never, 'en');
const hints = { none: 'NONE', other: 'OTHER', fallback: 'FALLBACK', inBody: 'BODY' };
const PUB = { service: 'order', operation: 'publish-order' };
const COOK = { service: 'kitchen', operation: 'cook-order' };

describe('messageCarriesSpan', () => {
	const place = span('order', 'place-order', 'a1');
	const pub = span('order', 'publish-order', 'a1', {}, [place, 'CHILD_OF']);
	const ctx = (s: SpanRecord) => ({ 'uber-trace-id': `a1:${strip(s.spanID)}:0:1` });

	it('passes when a message carried the span’s context', () => {
		expect(messageCarriesSpan(run([place, pub], [msg({}), msg(ctx(pub))]), 'rabbitmq', PUB, hints).ok).toBe(true);
	});
	it('says none, or in the body, when no message carried a context header', () => {
		expect(messageCarriesSpan(run([place, pub], [msg({})]), 'rabbitmq', PUB, hints).hint).toBe('NONE');
		expect(messageCarriesSpan(run([place, pub], [msg({}, '{"uber-trace-id":"a1:2:0:1"}')]), 'rabbitmq', PUB, hints).hint).toBe('BODY');
	});
	it('names the other span whose context the message carried', () => {
		const it = messageCarriesSpan(run([place, pub], [msg(ctx(place))]), 'rabbitmq', PUB, hints);
		expect(it.ok).toBe(false);
		expect(en(it.hint)).toContain(`order's "place-order" span`);
		expect(en(it.hint)).toContain('OTHER');
	});
	it('falls back when nothing reached the broker', () => {
		expect(messageCarriesSpan(run([place, pub]), 'rabbitmq', PUB, hints).hint).toBe('FALLBACK');
	});
});

describe('eachReferencesOwn', () => {
	const h = { none: 'NONE', other: 'OTHER', type: 'TYPE', missing: 'MISSING' };
	const p1 = span('order', 'publish-order', 'b1', { 'order.id': 'A1' });
	const p2 = span('order', 'publish-order', 'b2', { 'order.id': 'A2' });

	it('passes when each consumer follows from its own producer', () => {
		const c1 = span('kitchen', 'cook-order', 'b1', { 'order.id': 'A1' }, [p1, 'FOLLOWS_FROM']);
		const c2 = span('kitchen', 'cook-order', 'b2', { 'order.id': 'A2' }, [p2, 'FOLLOWS_FROM']);
		expect(eachReferencesOwn(run([p1, p2, c1, c2]), COOK, PUB, 'order.id', 'FOLLOWS_FROM', h).ok).toBe(true);
	});
	it('fails when all follow from the first message', () => {
		const c1 = span('kitchen', 'cook-order', 'b1', { 'order.id': 'A1' }, [p1, 'FOLLOWS_FROM']);
		const c2 = span('kitchen', 'cook-order', 'b1', { 'order.id': 'A2' }, [p1, 'FOLLOWS_FROM']);
		const it = eachReferencesOwn(run([p1, p2, c1, c2]), COOK, PUB, 'order.id', 'FOLLOWS_FROM', h);
		expect(it.ok).toBe(false);
		expect(en(it.hint)).toBe('1 of 2 cook-order spans: OTHER');
	});
	it('tells the other type, no reference, an untagged consumer and no consumer apart', () => {
		const child = span('kitchen', 'cook-order', 'b1', { 'order.id': 'A1' }, [p1, 'CHILD_OF']);
		expect(en(eachReferencesOwn(run([p1, child]), COOK, PUB, 'order.id', 'FOLLOWS_FROM', h).hint)).toContain('TYPE');
		const root = span('kitchen', 'cook-order', 'b9', { 'order.id': 'A1' });
		expect(en(eachReferencesOwn(run([p1, root]), COOK, PUB, 'order.id', 'FOLLOWS_FROM', h).hint)).toContain('NONE');
		const untagged = span('kitchen', 'cook-order', 'b1', {}, [p1, 'FOLLOWS_FROM']);
		expect(en(eachReferencesOwn(run([p1, untagged]), COOK, PUB, 'order.id', 'FOLLOWS_FROM', h).hint)).toContain('has no tag order.id');
		const none = eachReferencesOwn(run([p1]), COOK, PUB, 'order.id', 'FOLLOWS_FROM', h);
		expect(none).toMatchObject({ ok: false, hint: 'MISSING', missing: 'kitchen "cook-order"' });
	});
});

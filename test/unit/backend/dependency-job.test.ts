import { describe, expect, it } from 'vitest';
import { dayBounds, dependenciesOfDay } from '../../../src/lib/backend/index';
import { childOf, span, str } from './fixtures';

const us = (iso: string) => Date.parse(iso) * 1000;

describe('the daily dependencies job', () => {
	it('counts client → server and producer → consumer (FOLLOWS_FROM) edges of one UTC day', () => {
		const day = us('2018-06-14T10:00:00Z');
		const root = span({ service: 'frontend', startTime: day, operationName: 'checkout' });
		const call = childOf(root, { service: 'orders', tags: [str('span.kind', 'server')] });
		const produce = childOf(call, { service: 'orders', operationName: 'send', tags: [str('span.kind', 'producer')] });
		const consume = span({
			traceID: root.traceID,
			service: 'mailer',
			operationName: 'receive',
			startTime: day + 5_000,
			tags: [str('span.kind', 'consumer')],
			references: [{ refType: 'FOLLOWS_FROM', traceID: root.traceID, spanID: produce.spanID }]
		});
		const other = span({ service: 'frontend', startTime: us('2018-06-15T01:00:00Z') });
		const otherCall = childOf(other, { service: 'orders' });
		const links = dependenciesOfDay(
			[
				[root, call, produce, consume],
				[other, otherCall]
			],
			'2018-06-14'
		);
		expect(links).toEqual([
			{ parent: 'frontend', child: 'orders', callCount: 1 },
			{ parent: 'orders', child: 'mailer', callCount: 1 }
		]);
		expect(dependenciesOfDay([[other, otherCall]], '2018-06-15')).toEqual([{ parent: 'frontend', child: 'orders', callCount: 1 }]);
	});

	it('a span with a same-trace CHILD_OF takes that parent, not its FOLLOWS_FROM', () => {
		const a = span({ service: 'a' });
		const b = childOf(a, { service: 'b' });
		const c = childOf(b, { service: 'c', references: [{ refType: 'FOLLOWS_FROM', traceID: a.traceID, spanID: a.spanID }, { refType: 'CHILD_OF', traceID: a.traceID, spanID: b.spanID }] });
		const day = new Date(a.startTime / 1000).toISOString().slice(0, 10);
		expect(dependenciesOfDay([[a, b, c]], day)).toEqual([
			{ parent: 'a', child: 'b', callCount: 1 },
			{ parent: 'b', child: 'c', callCount: 1 }
		]);
	});

	it('refuses a DATE that is not a day', () => {
		expect(dayBounds('2018-02-30')).toBeNull();
		expect(() => dependenciesOfDay([], '14/06/2018')).toThrow(/YYYY-MM-DD/);
	});
});

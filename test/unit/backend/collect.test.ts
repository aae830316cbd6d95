import { describe, expect, it } from 'vitest';
import { collectTraces, createBackend } from '../../../src/lib/backend/index';
import { span, T0 } from './fixtures';

describe('collectTraces', () => {
	it('reads every service’s traces once, oldest first, and only those starting after `since`', async () => {
		const b = createBackend({ now: () => T0 / 1000 + 60_000 });
		const old = span({ traceID: '00000000000000aa', spanID: '00000000000000a1', startTime: T0 });
		const newer = span({ traceID: '00000000000000bb', spanID: '00000000000000b1', startTime: T0 + 5_000_000 });
		const child = span({
			traceID: '00000000000000bb',
			spanID: '00000000000000b2',
			startTime: T0 + 5_000_100,
			references: [{ refType: 'CHILD_OF', traceID: '00000000000000bb', spanID: '00000000000000b1' }],
			process: { serviceName: 'formatter', tags: [] }
		});
		b.collector.writeSpans([newer, old, child]);
		const all = await collectTraces(b.client);
		expect(all.map((t) => t.traceID.replace(/^0+/, ''))).toEqual(['aa', 'bb']);
		const recent = await collectTraces(b.client, { since: T0 + 1_000_000 });
		expect(recent.map((t) => t.traceID.replace(/^0+/, ''))).toEqual(['bb']);
		expect(recent[0].spans).toHaveLength(2);
	});
});

import { describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createBackend, createIndexedDbPersistence } from '../../../src/lib/backend/index';
import { childOf, span, T0 } from './fixtures';
import { manualTimers } from './manual-timers';

const now = () => T0 / 1000 + 60_000;

function backendOn(idb: IDBFactory, extra: Parameters<typeof createBackend>[0] = {}) {
	const clock = manualTimers();
	const warn = vi.fn();
	const b = createBackend({ now, timers: clock.timers, warn, persistence: createIndexedDbPersistence(idb), ...extra });
	return { b, clock, warn };
}

describe('IndexedDB persistence', () => {
	it('traces survive a reload', async () => {
		const idb = new IDBFactory();
		const first = backendOn(idb);
		await first.b.ready;
		const root = span({ service: 'hello-world' });
		first.b.collector.writeSpans([root, childOf(root, { service: 'formatter' })]);
		expect(first.clock.pending).toBe(1); // one debounced save scheduled, not one per span
		await first.b.flush();
		first.b.dispose();

		const second = backendOn(idb);
		expect(await second.b.ready).toEqual({ traces: 1, spans: 2, ignored: 0 });
		const t = await second.b.client.getTrace(root.traceID);
		expect(t!.spans).toHaveLength(2);
		expect(await second.b.client.getServices()).toEqual(['formatter', 'hello-world']);
		expect(second.warn).not.toHaveBeenCalled();
		second.b.dispose();
	});

	it('saves on the debounce timer, and forgets evicted and cleared traces', async () => {
		const idb = new IDBFactory();
		const first = backendOn(idb, { store: { maxTraces: 2 } });
		await first.b.ready;
		const [a, b, c] = [span(), span(), span()];
		first.b.collector.writeSpans([a, b]);
		first.clock.fire(); // the debounced save
		first.b.collector.writeSpans([c]); // evicts a
		await first.b.flush();
		first.b.dispose();

		const second = backendOn(idb, { store: { maxTraces: 2 } });
		expect((await second.b.ready).traces).toBe(2);
		expect(second.b.store.traceIDs()).toEqual([b.traceID, c.traceID]); // arrival order kept
		second.b.clear();
		await second.b.flush();
		second.b.dispose();

		const third = backendOn(idb);
		expect((await third.b.ready).traces).toBe(0);
		third.b.dispose();
	});

	it('a burst through a full store: traces written and evicted between two saves cost the database nothing, and no save starts while one is writing', async () => {
		const idb = new IDBFactory();
		const real = createIndexedDbPersistence(idb);
		const saves: { put: string[]; remove: string[] }[] = [];
		let release: (() => void) | null = null;
		const slow: typeof real = {
			load: () => real.load(),
			close: () => real.close(),
			async save(ch) {
				saves.push({ put: ch.put.map((t) => t.traceID), remove: ch.remove });
				await new Promise<void>((r) => (release = r));
				await real.save(ch);
			}
		};
		const first = backendOn(idb, { store: { maxTraces: 2 }, persistence: slow });
		await first.b.ready;
		const [a, b, c, d, e] = [span(), span(), span(), span(), span()];
		first.b.collector.writeSpans([a, b]);
		first.clock.fire(); // spans came during the window: wait for a quiet one
		await new Promise((r) => setTimeout(r, 0));
		expect(saves).toHaveLength(0);
		first.clock.fire(); // a quiet window: save 1 starts: a, b
		await new Promise((r) => setTimeout(r, 0));
		expect(saves).toHaveLength(1);
		first.b.collector.writeSpans([c, d]); // evicts a and b (saved: deleted later), c stays
		first.clock.fire(); // save 1 still writing: no second save yet
		expect(saves).toHaveLength(1);
		first.b.collector.writeSpans([e]); // evicts c, never saved
		release!();
		// once save 1 is written, the re-armed timer starts the second: d and e in, a and b out, nothing of c
		for (let i = 0; i < 100 && saves.length < 2; i++) {
			await new Promise((r) => setTimeout(r, 2));
			first.clock.fire();
		}
		expect(saves).toHaveLength(2);
		expect(saves[1].put.sort()).toEqual([d.traceID, e.traceID].sort());
		expect(saves[1].remove.sort()).toEqual([a.traceID, b.traceID].sort());
		release!();
		await first.b.flush();
		first.b.dispose();

		const second = backendOn(idb, { store: { maxTraces: 2 } });
		expect((await second.b.ready).traces).toBe(2);
		expect(second.b.store.traceIDs()).toEqual([d.traceID, e.traceID]);
		second.b.dispose();
	});

	it('steady traffic is still saved: a save waits for a quiet window at most eight windows', async () => {
		const idb = new IDBFactory();
		const first = backendOn(idb);
		await first.b.ready;
		first.b.collector.writeSpans([span()]); // the first unsaved change starts the window
		let windows = 0;
		for (; windows < 20; windows++) {
			first.b.collector.writeSpans([span()]); // …and every window sees more
			first.clock.fire();
			await new Promise((r) => setTimeout(r, 5));
			const saved = backendOn(idb);
			const n = (await saved.b.ready).traces;
			saved.b.dispose();
			if (n > 0) break;
		}
		expect(windows).toBe(8);
		first.b.dispose();
	});

	it('ignores corrupt saved data with a warning instead of failing', async () => {
		const idb = new IDBFactory();
		const first = backendOn(idb);
		await first.b.ready;
		const good = span();
		first.b.collector.writeSpans([good]);
		await first.b.flush();
		first.b.dispose();
		// something else (an old version, a bug, a user in devtools) wrote junk into the store
		const raw = createIndexedDbPersistence(idb);
		await raw.save({
			clear: false,
			remove: [],
			put: [
				{ traceID: 'junk1', order: 5, records: [{ traceID: 'zz' } as never, 'x' as never] },
				{ traceID: 'junk2', order: 'nope', records: null } as never
			]
		});
		raw.close();

		const second = backendOn(idb);
		expect(await second.b.ready).toEqual({ traces: 1, spans: 1, ignored: 3 });
		expect(second.warn).toHaveBeenCalledWith(expect.stringMatching(/ignored 3 corrupt/));
		expect(second.b.store.getTrace(good.traceID)).not.toBeNull();
		second.b.dispose();
	});

	it('starts empty with a warning when the database cannot be read', async () => {
		const broken = { open: () => { throw new Error('disk on fire'); } } as unknown as IDBFactory;
		const { b, warn } = backendOn(broken as never);
		expect(await b.ready).toEqual({ traces: 0, spans: 0, ignored: 0 });
		expect(warn).toHaveBeenCalledWith(expect.stringMatching(/disk on fire/));
		b.collector.writeSpans([span()]);
		await b.flush(); // saving fails too: warned once, no throw
		expect(b.store.stats().spans).toBe(1);
		b.dispose();
	});
});

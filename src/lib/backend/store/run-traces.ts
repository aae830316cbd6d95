// Which traces one run wrote. A run's traces are the ones it *sent*, whatever their start times say:
// a span replayed from last night's log (or an imported UI export) starts before the run did, and
// still belongs to it. Picking a run's traces by start time lost exactly those (chapter 9's daily
// index step in the browser); the store's write events do not.
import type { MemoryStore } from './memory-store';

export interface RunTraces {
	/** a new run: forget which traces the last one wrote */
	reset(): void;
	/** ids written since the last reset and still stored, in the order first written; the last `limit` */
	ids(limit?: number): string[];
	dispose(): void;
}

export function trackRunTraces(store: MemoryStore): RunTraces {
	// a Set keeps first-write order, and deleting an evicted trace is O(1)
	let written = new Set<string>();
	const unsubscribe = store.subscribe((e) => {
		if (e.type === 'write') written.add(e.traceID);
		else if (e.type === 'evict') written.delete(e.traceID);
		else written = new Set();
	});
	return {
		reset: () => void (written = new Set()),
		ids(limit = Infinity) {
			const all = [...written];
			return limit >= all.length ? all : all.slice(all.length - limit);
		},
		dispose: unsubscribe
	};
}

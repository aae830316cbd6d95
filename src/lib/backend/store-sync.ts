// Keeps a persistence in step with the store: reload on start, then save what changed once a
// `debounceMs` window passes without changes (or MAX_DEFERRALS windows after the first unsaved
// change, so steady traffic still gets saved). Saved data is untrusted on the way back in — an old format or a half-written record —
// so each record goes through the collector's validation and anything unusable is skipped with a
// warning rather than breaking the backend.
import type { SpanRecord } from '../model/index';
import type { PersistedTrace, TracePersistence } from './persistence';
import type { MemoryStore } from './store/memory-store';
import type { Timers } from './timers';

export interface RestoreResult {
	traces: number;
	spans: number;
	/** saved entries or records that could not be used */
	ignored: number;
}

export interface PersistenceSync {
	/** Settles once saved traces are back in the store (never rejects). */
	ready: Promise<RestoreResult>;
	/** Saves pending changes now. */
	flush(): Promise<void>;
	detach(): void;
}

/** debounce windows a save may wait for traffic to pause (8 × 500 ms: a 4.5 s burst saves once) */
const MAX_DEFERRALS = 8;

export function syncStoreWithPersistence(
	store: MemoryStore,
	persistence: TracePersistence,
	opts: { validate: (raw: unknown) => SpanRecord | null; debounceMs: number; timers: Timers; warn: (msg: string) => void }
): PersistenceSync {
	// true only while saved traces are written back: those need no saving
	let restoring = false;
	let nextOrder = 0;
	const order = new Map<string, number>();
	const dirty = new Set<string>();
	const removed = new Set<string>();
	let cleared = false;
	/** traces the persistence holds (saved or restored): only those need a delete when they leave */
	const persisted = new Set<string>();
	let timer: unknown = null;
	let saving: Promise<void> = Promise.resolve();
	let busy = false;
	let failedOnce = false;
	/** store events so far, and at the last arming of the timer: did the window see any? */
	let changes = 0;
	let changesAtArm = 0;
	let deferrals = 0;

	const unsubscribe = store.subscribe((e) => {
		if (e.type === 'clear') {
			order.clear();
			dirty.clear();
			removed.clear();
			persisted.clear();
			cleared = true;
		} else if (e.type === 'write') {
			if (restoring) return;
			if (!order.has(e.traceID)) order.set(e.traceID, nextOrder++);
			dirty.add(e.traceID);
			removed.delete(e.traceID);
		} else {
			order.delete(e.traceID);
			dirty.delete(e.traceID);
			// a trace written and evicted between two saves (a burst through a full store) never reaches the database
			if (persisted.delete(e.traceID)) removed.add(e.traceID);
		}
		changes++;
		schedule();
	});

	function schedule() {
		if (timer !== null) return;
		changesAtArm = changes;
		timer = opts.timers.setTimeout(() => {
			timer = null;
			// A save still writing, or traffic still coming (a burst): wait, and let the changes pile up
			// meanwhile — a trace evicted before its turn then costs the database nothing. Steady
			// traffic is still saved, every MAX_DEFERRALS windows at the latest.
			const active = changes !== changesAtArm;
			if (busy || (active && deferrals < MAX_DEFERRALS)) {
				deferrals++;
				schedule();
			} else {
				deferrals = 0;
				void flush();
			}
		}, opts.debounceMs);
	}

	function flush(): Promise<void> {
		if (timer !== null) opts.timers.clearTimeout(timer);
		timer = null;
		if (!cleared && dirty.size === 0 && removed.size === 0) return saving;
		const put: PersistedTrace[] = [];
		for (const traceID of dirty) {
			const records = store.getRecords(traceID);
			if (records) put.push({ traceID, order: order.get(traceID) ?? nextOrder++, records: [...records] });
		}
		const changes = { clear: cleared, put, remove: [...removed] };
		cleared = false;
		dirty.clear();
		removed.clear();
		for (const t of put) persisted.add(t.traceID);
		busy = true;
		saving = saving
			.then(() => persistence.save(changes))
			.catch((e) => {
				if (!failedOnce) opts.warn(`trace persistence: saving failed, traces will not survive a reload (${(e as Error)?.message ?? e})`);
				failedOnce = true;
			})
			.finally(() => (busy = false));
		return saving;
	}

	async function restore(): Promise<RestoreResult> {
		const result: RestoreResult = { traces: 0, spans: 0, ignored: 0 };
		let entries: unknown[];
		try {
			entries = await persistence.load();
		} catch (e) {
			opts.warn(`trace persistence: could not read saved traces, starting empty (${(e as Error)?.message ?? e})`);
			return result;
		}
		const usable: PersistedTrace[] = [];
		for (const entry of entries) {
			const t = entry as Partial<PersistedTrace> | null;
			if (t && typeof t.traceID === 'string' && typeof t.order === 'number' && Array.isArray(t.records)) usable.push(t as PersistedTrace);
			else result.ignored++;
		}
		usable.sort((a, b) => a.order - b.order);
		restoring = true;
		for (const t of usable) {
			let kept = 0;
			for (const raw of t.records) {
				const rec = opts.validate(raw);
				if (rec && store.write(rec) === 'stored') kept++;
				else result.ignored++;
			}
			if (kept > 0) result.traces++;
			result.spans += kept;
			if (store.getRecords(t.traceID)) order.set(t.traceID, t.order);
			// saved, even if not kept now: a delete removes it from the database later
			persisted.add(t.traceID);
			nextOrder = Math.max(nextOrder, t.order + 1);
		}
		restoring = false;
		if (result.ignored > 0) opts.warn(`trace persistence: ignored ${result.ignored} corrupt saved entries or spans`);
		return result;
	}

	const ready = restore();

	return {
		ready,
		flush,
		detach() {
			unsubscribe();
			if (timer !== null) opts.timers.clearTimeout(timer);
			timer = null;
		}
	};
}

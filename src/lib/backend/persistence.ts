// Optional IndexedDB persistence, so the traces of a lesson survive a reload. One IndexedDB record
// per trace (keyed by trace id) lets a debounced save write only the traces that changed and delete
// the evicted ones. The factory is injected: the browser passes `indexedDB`, tests `fake-indexeddb`.
import type { SpanRecord } from '../model/index';

export interface PersistedTrace {
	traceID: string;
	/** arrival order, so a reload refills the store (and its eviction order) oldest first */
	order: number;
	records: SpanRecord[];
}

export interface PersistenceChanges {
	clear: boolean;
	put: PersistedTrace[];
	remove: string[];
}

export interface TracePersistence {
	/** Everything saved, as stored: the caller checks it, since it may be old or corrupt. */
	load(): Promise<unknown[]>;
	save(changes: PersistenceChanges): Promise<void>;
	close(): void;
}

const STORE = 'traces';

function request<T>(r: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		r.onsuccess = () => resolve(r.result);
		r.onerror = () => reject(r.error);
	});
}

function done(tx: IDBTransaction): Promise<void> {
	return new Promise((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error);
		tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
	});
}

export function createIndexedDbPersistence(idb: IDBFactory, options: { dbName?: string } = {}): TracePersistence {
	const dbName = options.dbName ?? 'trace-tour-backend';
	let opened: Promise<IDBDatabase> | null = null;
	const open = () =>
		(opened ??= new Promise<IDBDatabase>((resolve, reject) => {
			const r = idb.open(dbName, 1);
			r.onupgradeneeded = () => {
				if (!r.result.objectStoreNames.contains(STORE)) r.result.createObjectStore(STORE, { keyPath: 'traceID' });
			};
			r.onsuccess = () => resolve(r.result);
			r.onerror = () => reject(r.error);
			r.onblocked = () => reject(new Error(`IndexedDB ${dbName} is blocked by another tab`));
		}));

	return {
		async load() {
			const db = await open();
			if (!db.objectStoreNames.contains(STORE)) return [];
			return request(db.transaction(STORE, 'readonly').objectStore(STORE).getAll());
		},
		async save({ clear, put, remove }) {
			const db = await open();
			const tx = db.transaction(STORE, 'readwrite');
			const os = tx.objectStore(STORE);
			if (clear) os.clear();
			for (const id of remove) os.delete(id);
			for (const t of put) os.put(t);
			await done(tx);
		},
		close() {
			void opened?.then((db) => db.close()).catch(() => {});
			opened = null;
		}
	};
}

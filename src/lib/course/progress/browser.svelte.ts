// The one progress store of the page, on localStorage, with its problems and the copies of
// unreadable progress as reactive state for a banner. Other tabs' writes arrive as `storage` events.
import { createProgressStore, STORAGE_KEY, type ProgressStore, type ProgressProblem, type KeyValueStorage, type ProgressBackup } from './index';
import { isBackupKey } from './backups';
import type { Progress } from './schema';

function localStorageOrNull(): KeyValueStorage | null {
	try {
		const s = window.localStorage;
		const probe = 'trace-tour:probe';
		s.setItem(probe, '1');
		s.removeItem(probe);
		return s;
	} catch {
		return null;
	}
}

class BrowserProgress {
	problems = $state<ProgressProblem[]>([]);
	progress = $state.raw<Progress | null>(null);
	backups = $state.raw<ProgressBackup[]>([]);
	#store: ProgressStore | null = null;

	get store(): ProgressStore {
		if (!this.#store) {
			const storage = localStorageOrNull();
			const store = createProgressStore(storage, (p) => {
				if (!this.problems.some((q) => q.kind === p.kind)) this.problems = [...this.problems, p];
				// a copy was just set aside (the store may still be in the making)
				if (p.kind === 'corrupt') queueMicrotask(() => this.refreshBackups());
			});
			this.#store = store;
			this.progress = store.read();
			store.subscribe((p) => (this.progress = p));
			this.refreshBackups();
			// another tab wrote: progress (read-modify-write there, re-read here) or a new backup
			window.addEventListener('storage', (e) => {
				if (e.storageArea !== storage) return;
				if (e.key === null || e.key === STORAGE_KEY) store.storageChanged();
				if (e.key === null || isBackupKey(e.key)) this.refreshBackups();
			});
		}
		return this.#store;
	}

	refreshBackups() {
		if (this.#store) this.backups = this.#store.backups();
	}

	dismiss(problem: ProgressProblem) {
		this.problems = this.problems.filter((p) => p !== problem);
	}
}

export const browserProgress = new BrowserProgress();

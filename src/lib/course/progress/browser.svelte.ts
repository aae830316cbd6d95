// The one progress store of the page, on localStorage, with its problems as reactive state for a banner.
import { createProgressStore, type ProgressStore, type ProgressProblem, type KeyValueStorage } from './index';
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
	#store: ProgressStore | null = null;

	get store(): ProgressStore {
		if (!this.#store) {
			this.#store = createProgressStore(localStorageOrNull(), (p) => {
				if (!this.problems.some((q) => q.kind === p.kind)) this.problems = [...this.problems, p];
			});
			this.progress = this.#store.read();
			this.#store.subscribe((p) => (this.progress = p));
		}
		return this.#store;
	}

	dismiss(problem: ProgressProblem) {
		this.problems = this.problems.filter((p) => p !== problem);
	}
}

export const browserProgress = new BrowserProgress();

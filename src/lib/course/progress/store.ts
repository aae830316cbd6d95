// Progress kept in the browser's storage (injected, so Node tests use a Map). Every mutation is
// written at once; a failing write (quota, private mode) keeps the data in memory and reports it.
import { emptyProgress, ProgressFormatError, upgrade, VERSION, type Progress, type SavedFiles, type SavedConditionsData } from './schema';

export interface KeyValueStorage {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

export const STORAGE_KEY = 'trace-tour:progress';
/** where unreadable saved data is moved, so nothing is thrown away */
export const BACKUP_KEY = 'trace-tour:progress:unreadable';

export interface ProgressProblem {
	kind: 'corrupt' | 'quota' | 'unavailable' | 'import';
	message: string;
}

export interface ProgressStore {
	read(): Progress;
	saveWork(step: string, files: Record<string, string>, start: Record<string, string>): void;
	savePlayground(files: Record<string, string>): void;
	/** the playground's network conditions, kept beside its files */
	savePlaygroundConditions(conditions: SavedConditionsData): void;
	markPassed(step: string): void;
	visit(step: string): void;
	/** drops the step's edits; returns them so the caller can offer Undo */
	discardWork(step: string): SavedFiles | undefined;
	restoreWork(step: string, work: SavedFiles): void;
	exportText(): string;
	/** replaces progress with an exported file's; throws ProgressFormatError with a clear message */
	importText(text: string): void;
	subscribe(listener: (p: Progress) => void): () => void;
}

const sameFiles = (a: Record<string, string>, b: Record<string, string>) =>
	Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

export function createProgressStore(storage: KeyValueStorage | null, report: (p: ProgressProblem) => void = () => {}, now = () => Date.now()): ProgressStore {
	let progress = load();
	const listeners = new Set<(p: Progress) => void>();

	function load(): Progress {
		if (!storage) {
			report({ kind: 'unavailable', message: 'This browser does not let the site store data: your progress lasts until you close the tab. Export it to keep it.' });
			return emptyProgress();
		}
		let text: string | null = null;
		try {
			text = storage.getItem(STORAGE_KEY);
			if (text === null) return emptyProgress();
			return upgrade(JSON.parse(text));
		} catch (e) {
			// keep what was there under another key, so a later version (or a person) can still recover it
			try {
				if (text !== null) storage.setItem(BACKUP_KEY, text);
			} catch {
				/* nothing more we can do */
			}
			const why = e instanceof ProgressFormatError ? e.message : 'it is not valid JSON';
			report({ kind: 'corrupt', message: `Your saved progress could not be read (${why}). A copy was kept; starting fresh.` });
			return emptyProgress();
		}
	}

	function commit(next: Progress) {
		progress = next;
		if (storage) {
			try {
				storage.setItem(STORAGE_KEY, JSON.stringify(progress));
			} catch {
				report({ kind: 'quota', message: 'Your browser\'s storage is full: recent edits are kept in this tab only. Export your progress to keep it.' });
			}
		}
		for (const l of listeners) l(progress);
	}

	const withStep = (step: string, change: (s: Progress['steps'][string]) => Progress['steps'][string]) =>
		commit({ ...progress, steps: { ...progress.steps, [step]: change({ ...(progress.steps[step] ?? {}) }) } });

	return {
		read: () => progress,
		saveWork(step, files, start) {
			withStep(step, (s) => {
				if (sameFiles(files, start)) delete s.work;
				else s.work = { files: { ...files }, savedAt: now() };
				return s;
			});
		},
		savePlayground(files) {
			commit({ ...progress, playground: { ...progress.playground, files: { ...files }, savedAt: now() } });
		},
		savePlaygroundConditions(conditions) {
			const playground = progress.playground ?? { files: {}, savedAt: now() };
			commit({ ...progress, playground: { ...playground, conditions: { version: conditions.version, rules: [...conditions.rules] } } });
		},
		markPassed(step) {
			if (progress.steps[step]?.passedAt) return;
			withStep(step, (s) => ({ ...s, passedAt: now() }));
		},
		visit(step) {
			if (progress.lastVisited !== step) commit({ ...progress, lastVisited: step });
		},
		discardWork(step) {
			const before = progress.steps[step]?.work;
			if (before) withStep(step, (s) => (delete s.work, s));
			return before;
		},
		restoreWork(step, work) {
			withStep(step, (s) => ({ ...s, work }));
		},
		exportText() {
			return JSON.stringify({ ...progress, exportedAt: new Date(now()).toISOString(), app: 'trace-tour' }, null, 2);
		},
		importText(text) {
			let raw: unknown;
			try {
				raw = JSON.parse(text);
			} catch {
				throw new ProgressFormatError('the file is not a Trace Tour progress export (not JSON)');
			}
			const imported = upgrade(raw);
			commit(imported);
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		}
	};
}

export { VERSION };

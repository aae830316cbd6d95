// Progress kept in the browser's storage (injected, so Node tests use a Map). Other tabs of the site
// write the same storage, so every mutation re-reads what is stored, applies only its own change
// (one step's entry, the playground, lastVisited…) and writes the result back: another tab's newer
// edits to other entries survive. storageChanged() re-reads after another tab wrote. A failing write
// (quota, private mode) keeps the change in memory, replays it on the next write, and reports it.
import { sameFiles } from '../files';
import { emptyProgress, parseExport, ProgressFormatError, salvage, summarize, upgrade, VERSION, type Progress, type ProgressSummary, type SavedFiles, type SavedConditionsData, type StepProgress } from './schema';
import { listBackups, setAside, type KeyValueStorage, type ProgressBackup } from './backups';

export { BACKUP_KEY, BACKUP_PREFIX, type KeyValueStorage, type ProgressBackup } from './backups';
export const STORAGE_KEY = 'trace-tour:progress';

export interface ProgressProblem {
	kind: 'corrupt' | 'quota' | 'unavailable';
	/** in English, for logs and tests; pages say it in their language from `kind` and `detail` */
	message: string;
	/** why saved progress could not be read */
	detail?: string;
}

export interface RestoredBackup {
	/** the progress before, for Undo */
	previous: Progress;
	/** what the backup held */
	found: ProgressSummary;
	/** what in it could not be read */
	skipped: string[];
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
	/** replaces all progress (an import, or undoing one); returns what it replaced, for Undo */
	replace(next: Progress): Progress;
	/** replaces progress with an exported file's; throws ProgressFormatError with a clear message; returns what it replaced */
	importText(text: string): Progress;
	/** another tab wrote storage: re-read it, and tell subscribers when progress changed */
	storageChanged(): void;
	/** copies of unreadable saved progress, newest first */
	backups(): ProgressBackup[];
	/**
	 * Brings back what a backup holds where this progress has nothing (a step's edits or pass, the
	 * playground): what was done since is kept. Throws ProgressFormatError when nothing in it can be read.
	 */
	restoreBackup(key: string): RestoredBackup;
	subscribe(listener: (p: Progress) => void): () => void;
}

type Change = (p: Progress) => Progress;


const withStep = (step: string, change: (s: StepProgress) => StepProgress): Change => (p) => ({ ...p, steps: { ...p.steps, [step]: change({ ...(p.steps[step] ?? {}) }) } });

/** `base` with what `extra` has where `base` has nothing; `base` wins wherever both have something. */
function fillGaps(base: Progress, extra: Progress): Progress {
	const steps = { ...base.steps };
	for (const [key, s] of Object.entries(extra.steps)) {
		const mine = steps[key] ?? {};
		steps[key] = { ...mine, work: mine.work ?? s.work, passedAt: mine.passedAt ?? s.passedAt };
		if (!steps[key].work) delete steps[key].work;
		if (steps[key].passedAt === undefined) delete steps[key].passedAt;
	}
	const out: Progress = { ...base, steps };
	if (!base.playground && extra.playground) out.playground = extra.playground;
	if (!base.lastVisited && extra.lastVisited) out.lastVisited = extra.lastVisited;
	return out;
}

export function createProgressStore(storage: KeyValueStorage | null, report: (p: ProgressProblem) => void = () => {}, now = () => Date.now()): ProgressStore {
	const listeners = new Set<(p: Progress) => void>();
	/** changes not written yet (the last write failed), by what they change; replayed on every write */
	const pending = new Map<string, Change>();
	/** the last text read or written, and what it holds: most re-reads find it unchanged */
	let seen: { text: string; progress: Progress } | null = null;
	/** unreadable text already set aside and reported */
	let unreadable: string | null = null;
	let progress = emptyProgress();
	progress = storage ? stored(true) : (report({ kind: 'unavailable', message: 'This browser does not let the site store data: your progress lasts until you close the tab. Export it to keep it.' }), progress);

	/** What storage holds now; unreadable text is set aside (dated, never overwritten) and this tab carries on with its own. */
	function stored(first = false): Progress {
		let text: string | null;
		try {
			text = storage!.getItem(STORAGE_KEY);
		} catch {
			return progress;
		}
		if (text === null) return emptyProgress();
		if (text === seen?.text) return seen.progress;
		if (text === unreadable) return progress;
		try {
			seen = { text, progress: upgrade(JSON.parse(text)) };
			return seen.progress;
		} catch (e) {
			unreadable = text;
			const kept = setAside(storage!, text, now()) !== null;
			const why = e instanceof ProgressFormatError ? e.message : 'it is not valid JSON';
			const copy = kept ? 'A copy was kept' : 'No copy could be kept (storage is full)';
			const then = first ? 'starting fresh' : 'this tab carries on with its own progress';
			report({ kind: 'corrupt', message: `Your saved progress could not be read (${why}). ${copy}; ${then}.`, detail: why });
			return progress;
		}
	}

	const replay = (base: Progress) => [...pending.values()].reduce((p, change) => change(p), base);

	function show(next: Progress) {
		if (next === progress) return;
		progress = next;
		for (const l of listeners) l(progress);
	}

	/** Read-modify-write: `change` applied to what is stored now, under `key` so a newer change to the same thing replaces it. */
	function mutate(key: string, change: Change) {
		pending.delete(key);
		pending.set(key, change);
		const next = replay(storage ? stored() : progress);
		if (storage) {
			try {
				const text = JSON.stringify(next);
				storage.setItem(STORAGE_KEY, text);
				seen = { text, progress: next };
				pending.clear();
			} catch {
				report({ kind: 'quota', message: 'Your browser\'s storage is full: recent edits are kept in this tab only. Export your progress to keep it.' });
			}
		} else pending.clear();
		show(next);
	}

	function replace(next: Progress): Progress {
		const previous = storage ? replay(stored()) : progress;
		pending.clear();
		mutate('all', () => next);
		return previous;
	}

	return {
		read: () => progress,
		saveWork(step, files, start) {
			const work = sameFiles(files, start) ? undefined : { files: { ...files }, savedAt: now() };
			mutate(`work:${step}`, withStep(step, (s) => (work ? { ...s, work } : (delete s.work, s))));
		},
		savePlayground(files) {
			const saved = { files: { ...files }, savedAt: now() };
			mutate('playground', (p) => ({ ...p, playground: { ...p.playground, ...saved } }));
		},
		savePlaygroundConditions(conditions) {
			const saved = { version: conditions.version, rules: [...conditions.rules] };
			mutate('conditions', (p) => ({ ...p, playground: { ...(p.playground ?? { files: {}, savedAt: now() }), conditions: saved } }));
		},
		markPassed(step) {
			if (progress.steps[step]?.passedAt) return;
			const at = now();
			mutate(`passed:${step}`, (p) => (p.steps[step]?.passedAt ? p : withStep(step, (s) => ({ ...s, passedAt: at }))(p)));
		},
		visit(step) {
			mutate('lastVisited', (p) => (p.lastVisited === step ? p : { ...p, lastVisited: step }));
		},
		discardWork(step) {
			const before = (storage ? stored() : progress).steps[step]?.work ?? progress.steps[step]?.work;
			if (before) mutate(`work:${step}`, withStep(step, (s) => (delete s.work, s)));
			return before;
		},
		restoreWork(step, work) {
			mutate(`work:${step}`, withStep(step, (s) => ({ ...s, work })));
		},
		exportText() {
			const current = storage ? replay(stored()) : progress;
			return JSON.stringify({ ...current, exportedAt: new Date(now()).toISOString(), app: 'trace-tour' }, null, 2);
		},
		replace,
		importText: (text) => replace(parseExport(text)),
		storageChanged() {
			if (storage) show(replay(stored()));
		},
		backups: () => listBackups(storage),
		restoreBackup(key) {
			const text = storage?.getItem(key);
			if (text == null) throw new ProgressFormatError('the backup is no longer there');
			let raw: unknown;
			try {
				raw = JSON.parse(text);
			} catch {
				throw new ProgressFormatError('it is not valid JSON; download it to look at it');
			}
			const { progress: found, skipped } = salvage(raw);
			const previous = replay(stored());
			mutate(`restore:${key}`, (p) => fillGaps(p, found));
			return { previous, found: summarize(found), skipped };
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		}
	};
}

export { VERSION };

// The learner's working copy of a step (or of the playground): restored from a share link or saved
// progress, saved as they type (debounced), replaced by Solve or Reset with an Undo. Pages render
// it; the rules live here.
import { decodeShare, parseConditions, serializeConditions, type ConditionRule } from '$lib/runner';
import type { ProgressStore } from './progress';

/** Where a working copy is kept between visits. */
export interface WorkSaver {
	saved(): Record<string, string> | undefined;
	save(files: Record<string, string>): void;
}

/** A tutorial step's edits, under its "chapter/step" key; edits equal to the start files are forgotten. */
export function stepSaver(store: ProgressStore, key: string, start: Record<string, string>): WorkSaver {
	return {
		// saved edits over the start files: a file the step gained later still shows
		saved: () => {
			const files = store.read().steps[key]?.work?.files;
			return files && { ...start, ...files };
		},
		save: (files) => store.saveWork(key, files, start)
	};
}

export function playgroundSaver(store: ProgressStore): WorkSaver {
	return {
		// conditions may be saved before any file is: no files means nothing saved yet
		saved: () => {
			const files = store.read().playground?.files;
			return files && Object.keys(files).length ? files : undefined;
		},
		save: (files) => store.savePlayground(files)
	};
}

/** Where the playground keeps its network conditions: beside its files, in the runner's versioned shape. */
export interface ConditionsSaver {
	saved(): ConditionRule[];
	save(rules: readonly ConditionRule[]): void;
}

export function playgroundConditionsSaver(store: ProgressStore): ConditionsSaver {
	return {
		saved: () => parseConditions(store.read().playground?.conditions),
		save: (rules) => store.savePlaygroundConditions(serializeConditions(rules))
	};
}

export type Notice = { kind: 'shared' | 'share-error' | 'solved' | 'reset'; text: string };
const SAVE_DELAY_MS = 400;

const same = (a: Record<string, string>, b: Record<string, string>) =>
	Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

export class StepWork {
	files = $state<Record<string, string>>({});
	notice = $state<Notice | null>(null);
	confirmingReset = $state(false);
	#undo: Record<string, string> | null = null;
	#timer: ReturnType<typeof setTimeout> | null = null;

	constructor(
		readonly key: string,
		readonly start: Record<string, string>,
		readonly solution: Record<string, string>,
		private readonly saver: WorkSaver | null
	) {
		this.files = { ...start };
	}

	/** Browser-only: a `#files/…` or `#code/…` hash wins (someone sent it), else saved work, else start. */
	restore(hash: string) {
		const shared = decodeShare(hash);
		if (shared?.ok) {
			const only = Object.keys(this.start);
			// a TypeScript-Playground style #code/ link carries one nameless file: it is this step's file
			this.files = shared.kind === 'code' && only.length === 1 ? { [only[0]]: Object.values(shared.files)[0] } : { ...shared.files };
			this.notice = { kind: 'shared', text: 'You opened a shared attempt; your own saved edits are untouched until you edit or run it.' };
			return;
		}
		const saved = this.saver?.saved();
		if (shared && !shared.ok) {
			// say what is shown instead: the learner's own work, or the starting files when there is none
			this.notice = { kind: 'share-error', text: `${shared.error} ${saved ? 'Showing your own work instead.' : 'Showing the starting files instead.'}` };
			if (!saved) this.files = { ...this.start };
		}
		if (saved) this.files = { ...saved };
	}

	/**
	 * Browser-only: loads a share link opened while this work is showing (only the hash changed).
	 * Returns the function that stops listening, for an $effect's cleanup.
	 */
	followShareLinks(after: () => void = () => {}): () => void {
		const onHash = () => {
			if (decodeShare(location.hash) === null) return; // an ordinary #anchor
			this.restore(location.hash);
			after();
		};
		addEventListener('hashchange', onHash);
		return () => removeEventListener('hashchange', onHash);
	}

	get edited(): boolean {
		return !same(this.files, this.start);
	}

	/** Called on every edit; writes after a pause in typing, and at once on flush(). */
	changed() {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
	}

	flush() {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		this.saver?.save($state.snapshot(this.files));
	}

	solve() {
		this.#replace(this.solution, { kind: 'solved', text: 'Showing the solution.' });
	}

	/** First press asks when there are edits to lose; confirm() does it. */
	reset() {
		if (this.edited && !same(this.files, this.solution)) this.confirmingReset = true;
		else this.#replace(this.start, null);
	}

	confirmReset() {
		this.confirmingReset = false;
		this.#replace(this.start, { kind: 'reset', text: 'Your edits were discarded.' });
	}

	cancelReset() {
		this.confirmingReset = false;
	}

	get canUndo(): boolean {
		return this.#undo !== null && (this.notice?.kind === 'solved' || this.notice?.kind === 'reset');
	}

	undo() {
		if (!this.#undo) return;
		this.files = this.#undo;
		this.#undo = null;
		this.notice = null;
		this.flush();
	}

	#replace(next: Record<string, string>, notice: Notice | null) {
		this.#undo = this.edited ? $state.snapshot(this.files) : null;
		this.files = { ...next };
		this.notice = this.#undo ? notice : null;
		this.flush();
	}
}

// The learner's working copy of a step (or of the playground): restored from a share link or saved
// progress, saved as they type (debounced), replaced by Solve or Reset with an Undo, kept in step
// with other tabs. When two versions meet (a share link's and the learner's own; this tab's and
// another tab's) neither is dropped: one shows, the other is one click away. Pages render it; the
// rules live here (and in the course README, "Whose version is saved").
import { sameFiles } from './files';
import { decodeShare } from './share';
import type { WorkSaver } from './savers';

export { stepSaver, playgroundSaver, playgroundConditionsSaver, type WorkSaver, type ConditionsSaver } from './savers';

export type Notice = { kind: 'shared' | 'share-error' | 'solved' | 'reset' | 'example'; text: string };
const SAVE_DELAY_MS = 400;


/** Two versions of the work, one shown and the other one click away. */
export interface Versions {
	/** 'shared': a share link's files and the learner's own saved work; 'tab': this tab's and another tab's */
	kind: 'shared' | 'tab';
	showing: 'own' | 'other';
}

export class StepWork {
	files = $state<Record<string, string>>({});
	notice = $state<Notice | null>(null);
	versions = $state<Versions | null>(null);
	confirmingReset = $state(false);
	#undo: Record<string, string> | null = null;
	#timer: ReturnType<typeof setTimeout> | null = null;
	/** the version not shown, while `versions` is set */
	#hidden: Record<string, string> = {};
	/** what is saved, as far as this page knows: what it last read or wrote */
	#base: Record<string, string>;
	/** edits not written yet */
	#dirty = false;
	/** a share link's files, not edited yet: not the learner's, so never written */
	#sharedUnedited = false;
	/** ...unless nothing of theirs would be replaced: then a Run makes them theirs too */
	#adoptOnRun = false;
	#saving = false;

	constructor(
		readonly key: string,
		/** what Reset goes back to: the step's start files, or the playground example opened last */
		public start: Record<string, string>,
		readonly solution: Record<string, string>,
		private readonly saver: WorkSaver | null
	) {
		this.files = { ...start };
		this.#base = { ...start };
	}

	#stored(): Record<string, string> {
		return this.saver?.saved() ?? { ...this.start };
	}

	/** Browser-only: a `#files/…` or `#code/…` hash wins (someone sent it), else saved work, else start. */
	restore(hash: string) {
		this.flush();
		const shared = decodeShare(hash);
		const saved = this.saver?.saved();
		this.#base = this.#stored();
		this.versions = null;
		this.notice = null;
		this.#undo = null;
		this.#sharedUnedited = this.#adoptOnRun = false;
		if (shared?.ok) {
			const only = Object.keys(this.start);
			// a TypeScript-Playground style #code/ link carries one nameless file: it is this step's file
			this.files = shared.kind === 'code' && only.length === 1 ? { [only[0]]: Object.values(shared.files)[0] } : { ...shared.files };
			this.#sharedUnedited = true;
			if (saved && !sameFiles(saved, this.files)) {
				// the learner's own work stays saved, one click away, until they edit the shared version
				this.#hidden = { ...saved };
				this.versions = { kind: 'shared', showing: 'other' };
			} else {
				this.notice = { kind: 'shared', text: 'You opened a shared attempt; it becomes your saved work for this step when you edit or run it.' };
				this.#adoptOnRun = true;
			}
			return;
		}
		if (shared && !shared.ok) {
			// say what is shown instead: the learner's own work, or the starting files when there is none
			this.notice = { kind: 'share-error', text: `${shared.error} ${saved ? 'Showing your own work instead.' : 'Showing the starting files instead.'}` };
		}
		this.files = { ...(saved ?? this.start) };
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

	/** Follows saved progress (another tab saving this work); returns the unsubscribe, for an $effect's cleanup. */
	watch(): () => void {
		return this.saver?.subscribe?.(() => this.#savedElsewhere()) ?? (() => {});
	}

	/**
	 * Another tab saved this work. With no unsaved edits here, its newer version shows; with unsaved
	 * edits here, they stay (and are saved). Either way the version not shown is one click away.
	 */
	#savedElsewhere() {
		if (this.#saving) return;
		const stored = this.#stored();
		if (sameFiles(stored, this.#base)) return;
		this.#base = stored;
		const shown = $state.snapshot(this.files);
		if (sameFiles(stored, shown)) return;
		if (this.versions?.kind === 'shared' && this.versions.showing === 'other' && this.#sharedUnedited) {
			this.#hidden = { ...stored }; // the learner's own version, newer, behind the shared one
			return;
		}
		this.#sharedUnedited = this.#adoptOnRun = false;
		this.#hidden = this.#dirty ? { ...stored } : shown;
		if (!this.#dirty) this.files = { ...stored };
		this.versions = { kind: 'tab', showing: this.#dirty ? 'own' : 'other' };
	}

	/** The shared version was edited (or run, or chosen) and is the learner's saved work now. */
	get sharedIsTheirs(): boolean {
		return !this.#sharedUnedited;
	}

	/** Shows the other version. Writes it, unless it is a share link's files nobody edited yet. */
	switchTo(side: Versions['showing']) {
		if (!this.versions || this.versions.showing === side) return;
		this.flush();
		const leaving = $state.snapshot(this.files);
		this.files = this.#hidden;
		this.#hidden = leaving;
		this.versions = { ...this.versions, showing: side };
		this.#undo = null;
		if (this.notice?.kind === 'solved' || this.notice?.kind === 'reset' || this.notice?.kind === 'example') this.notice = null;
		const unedited = this.versions.kind === 'shared' && side === 'other' && this.#sharedUnedited;
		if (!unedited && !sameFiles(this.files, this.#base)) {
			this.#dirty = true;
			this.flush();
		}
	}

	get edited(): boolean {
		return !sameFiles(this.files, this.start);
	}

	/** Called on every edit; writes after a pause in typing, and at once on flush(). */
	changed() {
		this.#dirty = true;
		if (this.versions?.showing !== 'own') this.#sharedUnedited = false;
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
	}

	/** Writes unsaved edits now (before a Run, on leaving). */
	flush() {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		if (!this.#dirty || !this.saver) return;
		// another tab may have saved this work and its news not arrived yet: hear it first (it keeps both)
		this.saver.refresh?.();
		this.#dirty = false;
		const files = $state.snapshot(this.files);
		this.#saving = true;
		try {
			this.saver.save(files);
		} finally {
			this.#saving = false;
		}
		this.#base = this.#stored();
	}

	/** Before a Run: a shared version that replaces nothing of the learner's becomes theirs. */
	running() {
		if (this.#adoptOnRun && this.#sharedUnedited) {
			this.#sharedUnedited = false;
			this.#dirty = true;
		}
		this.flush();
	}

	solve() {
		this.#replace(this.solution, { kind: 'solved', text: 'Showing the solution.' });
	}

	/** The playground opens an example: it replaces the files (Undo brings them back) and becomes what Reset returns to. */
	open(files: Record<string, string>, text: string) {
		this.#replace(files, { kind: 'example', text });
		this.start = { ...files };
	}

	/** First press asks when there are edits to lose; confirm() does it. */
	reset() {
		if (this.edited && !sameFiles(this.files, this.solution)) this.confirmingReset = true;
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
		return this.#undo !== null && (this.notice?.kind === 'solved' || this.notice?.kind === 'reset' || this.notice?.kind === 'example');
	}

	undo() {
		if (!this.#undo) return;
		this.files = this.#undo;
		this.#undo = null;
		this.notice = null;
		this.#dirty = true;
		this.flush();
	}

	#replace(next: Record<string, string>, notice: Notice | null) {
		this.#undo = this.edited ? $state.snapshot(this.files) : null;
		this.files = { ...next };
		this.notice = this.#undo ? notice : null;
		if (this.versions?.showing !== 'own') this.#sharedUnedited = false;
		this.#dirty = true;
		this.flush();
	}
}

// Where working copies are kept between visits: a step's edits or the playground's files (and its
// network conditions) in the progress store. Pure: StepWork and the pages use them, Node tests too.
import { parseConditions, serializeConditions, type ConditionRule } from '$lib/runner';
import type { ProgressStore } from './progress';

/** Where a working copy is kept between visits. */
export interface WorkSaver {
	saved(): Record<string, string> | undefined;
	save(files: Record<string, string>): void;
	/** calls back whenever saved progress changed (here or in another tab); returns the unsubscribe */
	subscribe?(changed: () => void): () => void;
	/** re-reads what other tabs saved (subscribers hear of changes) */
	refresh?(): void;
}

/** A tutorial step's edits, under its "chapter/step" key; edits equal to the start files are forgotten. */
export function stepSaver(store: ProgressStore, key: string, start: Record<string, string>): WorkSaver {
	return {
		// saved edits over the start files: a file the step gained later still shows
		saved: () => {
			const files = store.read().steps[key]?.work?.files;
			return files && { ...start, ...files };
		},
		save: (files) => store.saveWork(key, files, start),
		subscribe: (changed) => store.subscribe(changed),
		refresh: () => store.storageChanged()
	};
}

export function playgroundSaver(store: ProgressStore): WorkSaver {
	return {
		// conditions may be saved before any file is: no files means nothing saved yet
		saved: () => {
			const files = store.read().playground?.files;
			return files && Object.keys(files).length ? files : undefined;
		},
		save: (files) => store.savePlayground(files),
		subscribe: (changed) => store.subscribe(changed),
		refresh: () => store.storageChanged()
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

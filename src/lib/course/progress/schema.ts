// The shape of saved progress, and how older shapes are brought up to date. Bump VERSION and add a
// migration whenever the shape changes; never change what an old version meant.

export const VERSION = 1;

export interface SavedFiles {
	files: Record<string, string>;
	/** ms since the epoch */
	savedAt: number;
}

/**
 * The playground's network conditions, in the runner's own versioned shape (`$lib/runner`'s
 * `parseConditions` reads and migrates it). Added without bumping VERSION: it is optional, older
 * data simply has none, and an older site that meets it drops it instead of refusing the progress.
 */
export interface SavedConditionsData {
	version: number;
	rules: unknown[];
}

export interface PlaygroundProgress extends SavedFiles {
	conditions?: SavedConditionsData;
}

export interface StepProgress {
	/** the learner's edits; absent when they match the start files */
	work?: SavedFiles;
	passedAt?: number;
}

export interface Progress {
	version: typeof VERSION;
	/** "chapter/step" → progress */
	steps: Record<string, StepProgress>;
	playground?: PlaygroundProgress;
	/** "chapter/step" of the last step opened */
	lastVisited?: string;
}

export function emptyProgress(): Progress {
	return { version: VERSION, steps: {} };
}

/** A migration takes the data of version `from` and returns the data of version `from + 1`. */
export type Migration = { from: number; migrate(data: Record<string, unknown>): Record<string, unknown> };

export const MIGRATIONS: Migration[] = [];

export class ProgressFormatError extends Error {
	name = 'ProgressFormatError';
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiles = (v: unknown): v is Record<string, string> => isRecord(v) && Object.values(v).every((x) => typeof x === 'string');
const isSaved = (v: unknown): v is SavedFiles => isRecord(v) && isFiles(v.files) && typeof v.savedAt === 'number';

/** Brings any saved version up to VERSION and checks the result; throws ProgressFormatError saying what is wrong. */
export function upgrade(raw: unknown, migrations: Migration[] = MIGRATIONS, version = VERSION): Progress {
	if (!isRecord(raw)) throw new ProgressFormatError('saved progress is not an object');
	let data = raw;
	if (typeof data.version !== 'number' || !Number.isInteger(data.version) || data.version < 1) {
		throw new ProgressFormatError('saved progress has no valid "version"');
	}
	if (data.version > version) {
		throw new ProgressFormatError(`saved progress is version ${data.version}, newer than this site understands (${version}); reload to get the new site`);
	}
	while ((data.version as number) < version) {
		const m = migrations.find((x) => x.from === data.version);
		if (!m) throw new ProgressFormatError(`no migration from version ${data.version}`);
		data = { ...m.migrate(data), version: (data.version as number) + 1 };
	}
	if (!isRecord(data.steps)) throw new ProgressFormatError('saved progress has no "steps"');
	const steps: Record<string, StepProgress> = {};
	for (const [key, value] of Object.entries(data.steps)) {
		if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(key) || !isRecord(value)) throw new ProgressFormatError(`step "${key}" is malformed`);
		const step: StepProgress = {};
		if (value.work !== undefined) {
			if (!isSaved(value.work)) throw new ProgressFormatError(`step "${key}" has malformed saved files`);
			step.work = value.work;
		}
		if (value.passedAt !== undefined) {
			if (typeof value.passedAt !== 'number') throw new ProgressFormatError(`step "${key}" has a malformed passedAt`);
			step.passedAt = value.passedAt;
		}
		steps[key] = step;
	}
	const out: Progress = { version: VERSION, steps };
	if (data.playground !== undefined) {
		if (!isSaved(data.playground)) throw new ProgressFormatError('the playground\'s saved files are malformed');
		const { conditions, ...saved } = data.playground as SavedFiles & { conditions?: unknown };
		out.playground = saved;
		// damaged conditions are dropped, never the learner's files with them
		if (isRecord(conditions) && typeof conditions.version === 'number' && Array.isArray(conditions.rules)) {
			out.playground.conditions = { version: conditions.version, rules: conditions.rules };
		}
	}
	if (typeof data.lastVisited === 'string' && data.lastVisited in steps) out.lastVisited = data.lastVisited;
	else if (typeof data.lastVisited === 'string' && /^[a-z0-9-]+\/[a-z0-9-]+$/.test(data.lastVisited)) out.lastVisited = data.lastVisited;
	return out;
}

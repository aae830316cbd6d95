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
	return checked(migrated(raw, migrations, version), (problem) => {
		throw new ProgressFormatError(problem);
	});
}

/**
 * Like upgrade, but keeps every step (and the playground) that is well formed and skips the rest,
 * for recovering a damaged backup. Still throws when there is no progress to speak of (not an
 * object, no version, a newer version, no "steps").
 */
export function salvage(raw: unknown, migrations: Migration[] = MIGRATIONS, version = VERSION): { progress: Progress; skipped: string[] } {
	const skipped: string[] = [];
	const progress = checked(migrated(raw, migrations, version), (problem) => skipped.push(problem));
	return { progress, skipped };
}

/** The data brought up to `version` by the migrations, not yet checked. */
function migrated(raw: unknown, migrations: Migration[], version: number): Record<string, unknown> {
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
	return data;
}

/** Validates data of the current version; `bad` throws (upgrade) or notes the problem and the entry is skipped (salvage). */
function checked(data: Record<string, unknown>, bad: (problem: string) => void): Progress {
	if (!isRecord(data.steps)) throw new ProgressFormatError('saved progress has no "steps"');
	const steps: Record<string, StepProgress> = {};
	for (const [key, value] of Object.entries(data.steps)) {
		const step = checkedStep(key, value);
		if (typeof step === 'string') bad(step);
		else steps[key] = step;
	}
	const out: Progress = { version: VERSION, steps };
	if (data.playground !== undefined && !isSaved(data.playground)) bad('the playground\'s saved files are malformed');
	else if (data.playground !== undefined) {
		const { conditions, ...saved } = data.playground as SavedFiles & { conditions?: unknown };
		out.playground = saved;
		// damaged conditions are dropped, never the learner's files with them
		if (isRecord(conditions) && typeof conditions.version === 'number' && Array.isArray(conditions.rules)) {
			out.playground.conditions = { version: conditions.version, rules: conditions.rules };
		}
	}
	if (typeof data.lastVisited === 'string' && /^[a-z0-9-]+\/[a-z0-9-]+$/.test(data.lastVisited)) out.lastVisited = data.lastVisited;
	return out;
}

/** A step's entry, or what is wrong with it. */
function checkedStep(key: string, value: unknown): StepProgress | string {
	if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(key) || !isRecord(value)) return `step "${key}" is malformed`;
	const step: StepProgress = {};
	if (value.work !== undefined) {
		if (!isSaved(value.work)) return `step "${key}" has malformed saved files`;
		step.work = value.work;
	}
	if (value.passedAt !== undefined) {
		if (typeof value.passedAt !== 'number') return `step "${key}" has a malformed passedAt`;
		step.passedAt = value.passedAt;
	}
	return step;
}

/** What a progress holds, in the words an "are you sure?" needs. */
export interface ProgressSummary {
	/** steps with saved edits */
	edited: number;
	passed: number;
	/** the playground has saved files */
	playground: boolean;
}

export function summarize(p: Progress): ProgressSummary {
	const steps = Object.values(p.steps);
	return {
		edited: steps.filter((s) => s.work).length,
		passed: steps.filter((s) => s.passedAt !== undefined).length,
		playground: Object.keys(p.playground?.files ?? {}).length > 0
	};
}

/** Reads an exported file; throws ProgressFormatError saying what is wrong with it. */
export function parseExport(text: string): Progress {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		throw new ProgressFormatError('the file is not a Trace Tour progress export (not JSON)');
	}
	return upgrade(raw);
}

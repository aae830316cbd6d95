// A run's strategies file applied to the agent, as a collector started with
// `--sampling.strategies-file` reloads it: a good file replaces every strategy, a bad one is refused
// and what was served before stays; no file at all means the course default again.
import type { SamplingManager } from '../sampling';
import { parseStrategiesFile, type StrategiesFileProblem } from './strategies-file';

/** The file the agent reads among a run's files. */
export const STRATEGIES_FILE_NAME = 'sampling.json';

/** What happened to a run's strategies file (plain data: it crosses the backend worker's boundary). */
export type StrategiesFileReport =
	| { status: 'none' }
	| { status: 'loaded'; services: string[]; warnings: StrategiesFileProblem[] }
	| { status: 'refused'; errors: StrategiesFileProblem[]; warnings: StrategiesFileProblem[] };

/** Applies `text` (null: the run has no strategies file) to `sampling`. */
export function loadStrategiesFile(sampling: SamplingManager, text: string | null): StrategiesFileReport {
	if (text === null) {
		sampling.replaceAll({});
		return { status: 'none' };
	}
	const r = parseStrategiesFile(text);
	if (!r.ok) return { status: 'refused', errors: r.errors, warnings: r.warnings };
	sampling.replaceAll(r.config);
	return { status: 'loaded', services: Object.keys(r.config.services ?? {}), warnings: r.warnings };
}

/** The report as Console lines: [stream, text], each problem with its file:line. */
export function describeStrategiesFileReport(report: StrategiesFileReport): ['out' | 'err', string][] {
	const where = (p: StrategiesFileProblem) => `${STRATEGIES_FILE_NAME}${p.line !== null ? `:${p.line}` : ''} (${p.path})`;
	const warnings = report.status === 'none' ? [] : report.warnings.map((w): ['out' | 'err', string] => ['err', `warning: ${where(w)}: ${w.message}`]);
	if (report.status === 'none') return [];
	if (report.status === 'loaded') {
		const who = report.services.length ? `strategies for ${report.services.join(', ')} and the default` : 'the default strategy';
		return [['out', `${STRATEGIES_FILE_NAME} loaded: /sampling serves ${who}`], ...warnings];
	}
	return [
		['err', `${STRATEGIES_FILE_NAME} refused — the agent keeps serving the previous strategies:`],
		...report.errors.map((e): ['out' | 'err', string] => ['err', `  ${where(e)}: ${e.message}`]),
		...warnings
	];
}

// Judging a run for a step: what the Checks panel shows after Run. Pure apart from running the
// step's check, which comes in as a function, so it is tested in Node with any check.
import { runOutput, type CheckItem, type RunOutput } from '$lib/checks';
import type { Trace } from '$lib/model';
import type { RunResult } from '$lib/runner';
import { translator } from './i18n';
import type { Locale } from './types';

export interface RunToJudge {
	result: RunResult;
	traces: Trace[];
	/** the Arguments field as typed */
	args: string;
}

/**
 * A compile error is the only item (nothing ran); otherwise the step's check judges the run's
 * output, and a service that crashed or was stopped comes first, since it explains what follows.
 */
export async function judgeRun(run: RunToJudge, check: (output: RunOutput) => Promise<CheckItem[]>, locale: Locale): Promise<CheckItem[]> {
	const { result } = run;
	const t = translator(locale);
	if (result.compilerFailed !== undefined) return [{ label: t('checks.compiles'), ok: false, hint: result.compilerFailed }];
	const compileError = result.diagnostics.find((d) => d.severity === 'error');
	if (compileError) {
		return [{ label: t('checks.compiles'), ok: false, hint: `${compileError.file}:${compileError.line}:${compileError.column} ${compileError.message}` }];
	}
	// the field as typed: runOutput reads it as the runner did (`hello Bryan` is `Bryan`)
	const judged = await check(runOutput(result, run.traces, run.args));
	const crash = result.errors[0];
	if (!crash) return judged;
	const where = crash.file ? ` — ${crash.file}:${crash.line}` : '';
	return [{ label: t('checks.noErrors'), ok: false, hint: `${crash.service} (${crash.where}): ${crash.message}${where}` }, ...judged];
}

/** Every item passed: the step is passed. */
export const allPassed = (items: CheckItem[]) => items.every((i) => i.ok);

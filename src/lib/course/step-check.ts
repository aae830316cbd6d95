// Each step's check.ts, bundled as its own lazy chunk: a step page loads only its own check, on Run.
import type { StepCheck, RunOutput, CheckItem } from '$lib/checks';

const modules = import.meta.glob<{ default: StepCheck }>('/lessons/*/*/check.ts');

/**
 * Starts loading a step's check (its chunk and what it imports) without running it: called as a Run
 * starts, so the chunks arrive while the run goes instead of after it (a round trip or two on a
 * room's Wi-Fi, between the run's end and the checks showing).
 */
export function preloadStepCheck(checkPath: string): void {
	void modules[`/${checkPath}`]?.().catch(() => {});
}

/** Runs a step's check; a check that throws becomes a failing item instead of a broken page. */
export async function runStepCheck(checkPath: string, output: RunOutput): Promise<CheckItem[]> {
	const load = modules[`/${checkPath}`];
	if (!load) return [{ label: 'the step has a check', ok: false, hint: `No check module at ${checkPath}.` }];
	try {
		const check = (await load()).default;
		return await check(output);
	} catch (e) {
		return [{ label: 'the check ran', ok: false, hint: `The check itself failed: ${(e as Error).message}` }];
	}
}

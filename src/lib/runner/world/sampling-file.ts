import { describeStrategiesFileReport, STRATEGIES_FILE_NAME, type StrategiesFileReport } from '$lib/backend';
import type { HostContext } from '$lib/sim';

/**
 * Hands the run's sampling.json (or its absence) to the backend and says in the Console what became
 * of it, under jaeger-collector: the process that reads `--sampling.strategies-file` in Jaeger.
 */
export async function applyStrategiesFile(load: (text: string | null) => StrategiesFileReport | Promise<StrategiesFileReport>, ctx: HostContext): Promise<void> {
	const text = Object.hasOwn(ctx.files, STRATEGIES_FILE_NAME) ? ctx.files[STRATEGIES_FILE_NAME] : null;
	const report = await load(text);
	for (const [stream, line] of describeStrategiesFileReport(report)) ctx.print('jaeger-collector', stream, line);
}

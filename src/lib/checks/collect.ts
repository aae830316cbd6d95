// Assembles what a check judges from a finished run: its traces (read back through jaeger-query by
// the runner), console lines, learner network traffic and errors.
import type { Trace } from '$lib/model';
import { programArgs, splitArgs, type NetworkRecord } from '$lib/sim';
import type { PrintedLine, RunOutput } from './types';

export interface FinishedRun {
	console: { service: string; stream: string; text: string }[];
	/** learner traffic only: backend traffic (span batches) is not the learner's wire */
	network: (NetworkRecord & { kind?: string })[];
	errors: { service: string; message: string; where?: string }[];
	diagnostics?: { severity: string; message: string; file?: string; line?: number }[];
	/** the services the run started; the client is the program the Arguments field was given to */
	services?: { name: string; client: boolean }[];
}

/**
 * `args` is the Arguments field (its text, or its words): the check gets what the client program got
 * — read by `programArgs`, as the runner reads it, so `hello Bryan` and `Bryan` judge alike.
 */
export function runOutput(run: FinishedRun, traces: Trace[], args: string | readonly string[]): RunOutput {
	const client = run.services?.find((s) => s.client)?.name;
	const errors = [
		...(run.diagnostics ?? []).filter((d) => d.severity === 'error').map((d) => `${d.file ?? ''}${d.line ? `:${d.line}` : ''} ${d.message}`.trim()),
		...run.errors.map((e) => `${e.service}: ${e.message}`)
	];
	return {
		traces,
		console: run.console
			.filter((l): l is PrintedLine & { stream: 'out' | 'err' } => l.stream === 'out' || l.stream === 'err')
			.map((l) => ({ service: l.service, stream: l.stream, text: l.text })),
		network: run.network.filter((r) => r.kind === undefined || r.kind === 'service'),
		args: client === undefined ? (typeof args === 'string' ? splitArgs(args) : [...args]) : programArgs(args, client),
		errors
	};
}

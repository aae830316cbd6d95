// Gathers what a check judges from a finished run: every trace jaeger-query holds for the run's
// services (read through the query API, as the trace view does), plus console, network and errors.
import type { Trace } from '../model/types';
import type { NetworkRecord } from '../sim/types';
import type { ConsoleLine, RunOutput } from './types';

/** The part of jaeger-query's client a collector needs. */
export interface TraceSource {
	getServices(): Promise<string[]>;
	findTraces(params: { service: string; limit?: number; start?: number }): Promise<Trace[]>;
}

export interface FinishedRun {
	console: { service: string; stream: string; text: string }[];
	/** learner traffic only: backend traffic (span batches) is not the learner's wire */
	network: (NetworkRecord & { kind?: string })[];
	errors: { service: string; message: string; where?: string }[];
	diagnostics?: { severity: string; message: string; file?: string; line?: number }[];
}

/** Traces of every service, each once, oldest first (so "the first trace" reads naturally in checks). */
export async function collectTraces(source: TraceSource, opts: { limit?: number; since?: number } = {}): Promise<Trace[]> {
	const services = await source.getServices();
	const byId = new Map<string, Trace>();
	for (const service of services) {
		for (const t of await source.findTraces({ service, limit: opts.limit ?? 200, start: opts.since })) byId.set(t.traceID, t);
	}
	const start = (t: Trace) => Math.min(...t.spans.map((s) => s.startTime));
	return [...byId.values()].sort((a, b) => start(a) - start(b));
}

export function runOutput(run: FinishedRun, traces: Trace[], args: string[]): RunOutput {
	const errors = [
		...(run.diagnostics ?? []).filter((d) => d.severity === 'error').map((d) => `${d.file ?? ''}${d.line ? `:${d.line}` : ''} ${d.message}`.trim()),
		...run.errors.map((e) => `${e.service}: ${e.message}`)
	];
	return {
		traces,
		console: run.console
			.filter((l): l is ConsoleLine & { stream: 'out' | 'err' } => l.stream === 'out' || l.stream === 'err')
			.map((l) => ({ service: l.service, stream: l.stream, text: l.text })),
		network: run.network.filter((r) => r.kind === undefined || r.kind === 'service'),
		args,
		errors
	};
}

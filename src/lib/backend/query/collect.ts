// Every trace jaeger-query holds for every service, each once, oldest first: what a lesson check
// and a run's trace list read. Goes through the query API like the UI does.
import type { Trace } from '../../model/index';
import type { FindTracesParams } from './client';

export interface TraceSource {
	getServices(): Promise<string[]>;
	findTraces(params: FindTracesParams): Promise<Trace[]>;
}

export async function collectTraces(source: TraceSource, opts: { limit?: number; since?: number } = {}): Promise<Trace[]> {
	const byId = new Map<string, Trace>();
	for (const service of await source.getServices()) {
		for (const t of await source.findTraces({ service, limit: opts.limit ?? 200, start: opts.since })) byId.set(t.traceID, t);
	}
	const startOf = (t: Trace) => t.spans.reduce((m, s) => Math.min(m, s.startTime), Infinity);
	return [...byId.values()].sort((a, b) => startOf(a) - startOf(b));
}

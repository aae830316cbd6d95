import type { Process, Span, SpanRecord, Trace } from './types';

function sameProcess(a: Process, b: Process): boolean {
	if (a.serviceName !== b.serviceName || a.tags.length !== b.tags.length) return false;
	return a.tags.every((t, i) => t.key === b.tags[i].key && t.value === b.tags[i].value);
}

/**
 * Folds tracer span records into Jaeger traces: grouped by trace id, each distinct process
 * stored once under p1, p2 … as jaeger-query does. Order of spans is kept.
 */
export function recordsToTraces(records: Iterable<SpanRecord>): Trace[] {
	const traces = new Map<string, Trace>();
	for (const rec of records) {
		let trace = traces.get(rec.traceID);
		if (!trace) {
			trace = { traceID: rec.traceID, spans: [], processes: {}, warnings: null };
			traces.set(rec.traceID, trace);
		}
		let processID = Object.keys(trace.processes).find((id) => sameProcess(trace!.processes[id], rec.process));
		if (!processID) {
			processID = `p${Object.keys(trace.processes).length + 1}`;
			trace.processes[processID] = rec.process;
		}
		const { process: _process, ...rest } = rec;
		const span: Span = { ...rest, processID, warnings: null };
		trace.spans.push(span);
	}
	return [...traces.values()];
}

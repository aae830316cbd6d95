import type { Process, Span, SpanRecord, Trace } from './types';

/** Same service and the same tags in the same order: one entry in a trace's process table. */
export function sameProcess(a: Process, b: Process): boolean {
	if (a === b) return true;
	if (a.serviceName !== b.serviceName || a.tags.length !== b.tags.length) return false;
	for (let i = 0; i < a.tags.length; i++) if (a.tags[i].key !== b.tags[i].key || a.tags[i].value !== b.tags[i].value) return false;
	return true;
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

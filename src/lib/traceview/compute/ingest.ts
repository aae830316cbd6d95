// Imported traces into an in-page backend: a trace becomes the span records a tracer would have
// reported (process inline), which the backend's store indexes for search and dependencies.
import type { SpanRecord, Trace } from '$lib/model';

export function traceToRecords(trace: Trace): SpanRecord[] {
	const out: SpanRecord[] = new Array(trace.spans.length);
	for (let k = 0; k < trace.spans.length; k++) {
		const s = trace.spans[k];
		const process = trace.processes[s.processID] ?? { serviceName: 'unknown-service', tags: [] };
		out[k] = {
			traceID: s.traceID || trace.traceID,
			spanID: s.spanID,
			flags: s.flags,
			operationName: s.operationName,
			references: s.references ?? [],
			startTime: s.startTime,
			duration: s.duration,
			tags: s.tags ?? [],
			logs: s.logs ?? [],
			process: { serviceName: process.serviceName, tags: process.tags ?? [] }
		};
	}
	return out;
}

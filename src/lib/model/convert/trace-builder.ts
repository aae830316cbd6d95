// Collects spans that carry their process inline (OTLP resources, Zipkin endpoints, Jaeger's domain
// model) into Jaeger traces: grouped by trace id in first-seen order, each distinct process stored
// once per trace under p1, p2 …, as jaeger-query does.
import type { Process, Span, Trace } from '../types';

function processKey(p: Process): string {
	return JSON.stringify([p.serviceName, p.tags.map((t) => [t.key, t.type, t.value])]);
}

export class TraceBuilder {
	private traces = new Map<string, { trace: Trace; processIDs: Map<string, string> }>();

	add(span: Omit<Span, 'processID'>, process: Process): Span {
		let entry = this.traces.get(span.traceID);
		if (!entry) {
			entry = { trace: { traceID: span.traceID, spans: [], processes: {}, warnings: null }, processIDs: new Map() };
			this.traces.set(span.traceID, entry);
		}
		const key = processKey(process);
		let processID = entry.processIDs.get(key);
		if (!processID) {
			processID = `p${entry.processIDs.size + 1}`;
			entry.processIDs.set(key, processID);
			entry.trace.processes[processID] = process;
		}
		const full: Span = { ...span, processID };
		entry.trace.spans.push(full);
		return full;
	}

	build(): Trace[] {
		return [...this.traces.values()].map((e) => e.trace);
	}
}

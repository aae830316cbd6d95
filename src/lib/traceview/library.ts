// Traces the user imported on /traces, and an in-page simulated Jaeger holding them, so search,
// compare and the dependency graph run through the same query client as on the playground.
// Plain TypeScript (no DOM): tested in Node.
import { parseTraceFile, summaryOf, type ParsedTraceFile, type Trace, type TraceFileFormat } from '$lib/model';
import { createBackend, type Backend, type DependenciesParams, type QueryClient } from '$lib/backend';
import { traceToRecords } from './compute/ingest';

export interface ImportedTrace {
	trace: Trace;
	spans: number;
	/** "service: operation" of the root (the trace id for a lone trace over 20k spans) */
	name: string;
	duration: number;
}

export interface ImportedFile {
	name: string;
	format: TraceFileFormat;
	warnings: string[];
	spanRecords: number;
	traces: ImportedTrace[];
}

const LABELS: Record<TraceFileFormat, string> = {
	'jaeger-json': 'Jaeger JSON',
	'jaeger-model-json': 'Jaeger model JSON',
	'otlp-json': 'OTLP JSON',
	'zipkin-v2': 'Zipkin v2'
};
export const formatLabel = (f: TraceFileFormat) => LABELS[f] ?? f;

const NAME_LIMIT = 20_000;

export class TraceLibrary {
	readonly files: ImportedFile[] = [];
	private readonly byID = new Map<string, Trace>();
	private backend: Backend | null = null;
	private pending: Promise<void> = Promise.resolve();
	private minStart = Infinity;
	private maxEnd = -Infinity;

	/** Parses one file (throws TraceImportError with a readable message). Not yet searchable: see ingest(). */
	importText(name: string, text: string): ImportedFile {
		const parsed: ParsedTraceFile = parseTraceFile(text);
		// names need the tree: skip it for one huge trace (it is shown at once, named by its header)
		const named = (t: Trace) => parsed.traces.length > 1 || t.spans.length <= NAME_LIMIT;
		const file: ImportedFile = {
			name,
			format: parsed.format,
			warnings: parsed.warnings,
			spanRecords: parsed.spanRecords,
			traces: parsed.traces.map((trace) => {
				const s = named(trace) ? summaryOf(trace) : null;
				return { trace, spans: trace.spans.length, name: s?.name || trace.traceID, duration: s?.duration ?? NaN };
			})
		};
		this.files.push(file);
		for (const t of parsed.traces) this.byID.set(t.traceID, t);
		return file;
	}

	/** The imported trace with this id (with its import warnings), if any. */
	get(traceID: string): Trace | undefined {
		return this.byID.get(traceID);
	}

	/** Every imported trace, newest file first. */
	all(): ImportedTrace[] {
		return [...this.files].reverse().flatMap((f) => f.traces);
	}

	private ensureBackend(): Backend {
		this.backend ??= createBackend({ store: { maxTraces: 10_000, maxSpansPerTrace: 1_000_000, maxSpans: 2_000_000 }, warn: () => {} });
		return this.backend;
	}

	get client(): QueryClient {
		return this.ensureBackend().client;
	}

	/**
	 * Writes the file's traces into the in-page store in slices of `chunk` spans, yielding between
	 * slices (`yieldFn`) so a 100k-span import does not freeze the page. Resolves when searchable.
	 */
	ingest(file: ImportedFile, chunk = 5000, yieldFn: () => Promise<void> = () => new Promise((r) => setTimeout(r, 0))): Promise<void> {
		const store = this.ensureBackend().store;
		const run = async () => {
			for (const { trace } of file.traces) {
				const records = traceToRecords(trace);
				for (let k = 0; k < records.length; k++) {
					const r = records[k];
					store.write(r);
					if (r.startTime < this.minStart) this.minStart = r.startTime;
					if (r.startTime + r.duration > this.maxEnd) this.maxEnd = r.startTime + r.duration;
					if ((k + 1) % chunk === 0) await yieldFn();
				}
			}
		};
		this.pending = this.pending.then(run);
		return this.pending;
	}

	/** A dependency window covering every imported trace (they are usually far in the past). */
	dependencyWindow(): DependenciesParams {
		if (!Number.isFinite(this.minStart)) return {};
		const endMs = Math.ceil(this.maxEnd / 1000) + 1;
		return { endTs: endMs, lookback: endMs - Math.floor(this.minStart / 1000) + 1 };
	}
}

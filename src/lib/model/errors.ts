// The one error an importer throws: says which format was being read and where in the file the
// problem is, so a learner who drops a broken file sees "OTLP: resourceSpans[0]…traceId is not …"
// instead of a stack trace.
export class TraceImportError extends Error {
	override name = 'TraceImportError';
	constructor(
		message: string,
		/** The format being read ('Jaeger JSON', 'OTLP', 'Zipkin v2', …), '' when it was not known yet. */
		readonly format = '',
		/** Where in the input: 'resourceSpans[0].scopeSpans[2].spans[5].traceId', '' for the whole file. */
		readonly path = '',
		/** Set only when the safety net in parseTraceFile wrapped an unexpected error (a bug of ours). */
		readonly unexpected?: unknown
	) {
		super(message);
	}
}

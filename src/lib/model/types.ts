// The trace model: Jaeger-JSON-shaped (what jaeger-query returns), times in µs integers.
// Everything here is plain data so it can cross a worker boundary (structured clone) unchanged.

export type TagType = 'string' | 'bool' | 'int64' | 'float64' | 'binary';

export interface KeyValue {
	key: string;
	type: TagType;
	value: string | number | boolean;
}

export interface SpanLog {
	/** µs since the epoch */
	timestamp: number;
	fields: KeyValue[];
}

export type RefType = 'CHILD_OF' | 'FOLLOWS_FROM';

export interface SpanReference {
	refType: RefType;
	traceID: string;
	spanID: string;
}

export interface Process {
	serviceName: string;
	tags: KeyValue[];
}

/** A span as Jaeger JSON has it: ids are lower-case hex without leading zeros stripped (16 or 32 chars). */
export interface Span {
	traceID: string;
	spanID: string;
	/** Jaeger JSON's flags (1 = sampled, 2 = debug) */
	flags: number;
	operationName: string;
	references: SpanReference[];
	/** µs since the epoch */
	startTime: number;
	/** µs */
	duration: number;
	tags: KeyValue[];
	logs: SpanLog[];
	processID: string;
	/** Repairs and problems found on import or analysis, shown to the user (orphan, duplicate id, clock skew …). */
	warnings: string[] | null;
}

/** One trace in Jaeger JSON: spans plus a processID → Process table. */
export interface Trace {
	traceID: string;
	spans: Span[];
	processes: Record<string, Process>;
	/** Trace-level warnings (repairs that concern the whole trace). */
	warnings: string[] | null;
}

/** The envelope jaeger-query wraps every answer in. */
export interface QueryResponse<T> {
	data: T;
	total: number;
	limit: number;
	offset: number;
	errors: { code: number; msg: string; traceID?: string }[] | null;
}

/**
 * What a tracer hands to its reporter when a span finishes: a Jaeger span with its process inline,
 * because one reporter knows one process. The collector folds these into Traces.
 */
export interface SpanRecord extends Omit<Span, 'processID' | 'warnings'> {
	process: Process;
}

/** A service → service edge with how many calls went across it (jaeger-query /api/dependencies). */
export interface DependencyLink {
	parent: string;
	child: string;
	callCount: number;
}

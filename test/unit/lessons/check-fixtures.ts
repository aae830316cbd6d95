// Hand-built runs for testing a lesson's check on a case a real run makes only now and then
// (a loaded machine's timing): spans as the collector stores them, and a RunOutput around them.
import { recordsToTraces } from '../../../src/lib/model';
import type { SpanRecord } from '../../../src/lib/model/types';
import type { CheckText, RunOutput } from '../../../src/lib/checks';

let nextId = 1;
const T0 = 1_700_000_000_000_000;

export interface SpanSpec {
	service: string;
	op: string;
	traceID: string;
	startMs?: number;
	ms: number;
	parent?: SpanRecord;
	tags?: SpanRecord['tags'];
}

export function span(s: SpanSpec): SpanRecord {
	return {
		traceID: s.traceID,
		spanID: (nextId++).toString(16).padStart(16, '0'),
		flags: 1,
		operationName: s.op,
		references: s.parent ? [{ refType: 'CHILD_OF', traceID: s.traceID, spanID: s.parent.spanID }] : [],
		startTime: T0 + (s.startMs ?? 0) * 1000,
		duration: s.ms * 1000,
		tags: s.tags ?? [],
		logs: [],
		process: { serviceName: s.service, tags: [] }
	};
}

/** A run that wrote `records` and printed `lines` as service `load`. */
export function runOf(records: SpanRecord[], lines: string[] = []): RunOutput {
	return { traces: recordsToTraces(records), console: lines.map((text) => ({ service: 'load', stream: 'out', text })) as RunOutput['console'], network: [], args: [], errors: [] };
}

export const english = (t: CheckText | undefined) => (typeof t === 'string' ? t : (t?.en ?? ''));

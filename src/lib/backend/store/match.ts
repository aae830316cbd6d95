// Whether one span satisfies a trace search. As in Jaeger's memory store every condition must hold
// on the same span, and a tag matches a span tag, a process tag or a field of one of its logs.
import type { KeyValue, SpanRecord } from '../../model/index';
import { tagValueString } from './tag-value';

export interface TraceQuery {
	service: string;
	operation?: string;
	/** key → value, values compared as strings */
	tags?: Record<string, string>;
	/** µs, inclusive */
	minDuration?: number;
	maxDuration?: number;
	/** span start window, µs since the epoch, inclusive */
	startMin?: number;
	startMax?: number;
	/** most traces to return */
	limit: number;
}

function inList(list: KeyValue[], key: string, value: string): boolean {
	for (let i = 0; i < list.length; i++) {
		const kv = list[i];
		if (kv.key === key && tagValueString(kv) === value) return true;
	}
	return false;
}

export function spanHasTag(span: SpanRecord, key: string, value: string): boolean {
	if (inList(span.tags, key, value) || inList(span.process.tags, key, value)) return true;
	for (let i = 0; i < span.logs.length; i++) if (inList(span.logs[i].fields, key, value)) return true;
	return false;
}

export function spanMatches(span: SpanRecord, q: TraceQuery, tags: [string, string][]): boolean {
	if (span.process.serviceName !== q.service) return false;
	if (q.operation !== undefined && span.operationName !== q.operation) return false;
	if (q.minDuration !== undefined && span.duration < q.minDuration) return false;
	if (q.maxDuration !== undefined && span.duration > q.maxDuration) return false;
	if (q.startMin !== undefined && span.startTime < q.startMin) return false;
	if (q.startMax !== undefined && span.startTime > q.startMax) return false;
	for (let i = 0; i < tags.length; i++) if (!spanHasTag(span, tags[i][0], tags[i][1])) return false;
	return true;
}

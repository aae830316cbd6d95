// Span records built by hand, the way a tracer's remote reporter would send them.
import type { KeyValue, SpanRecord } from '../../../src/lib/model/types';

export const T0 = 1_700_000_000_000_000; // µs, Nov 2023

export const str = (key: string, value: string): KeyValue => ({ key, type: 'string', value });
export const bool = (key: string, value: boolean): KeyValue => ({ key, type: 'bool', value });
export const int = (key: string, value: number): KeyValue => ({ key, type: 'int64', value });

let counter = 0;
/** A fresh 16-digit hex id. */
export function hexId(): string {
	counter++;
	return (0x1000_0000 + counter).toString(16).padStart(16, 'a');
}

export function span(over: Partial<SpanRecord> & { service?: string } = {}): SpanRecord {
	const { service = 'hello-world', ...rest } = over;
	return {
		traceID: hexId(),
		spanID: hexId(),
		flags: 1,
		operationName: 'say-hello',
		references: [],
		startTime: T0,
		duration: 1000,
		tags: [],
		logs: [],
		process: { serviceName: service, tags: [str('hostname', 'host-1')] },
		...rest
	};
}

export function childOf(parent: SpanRecord, over: Partial<SpanRecord> & { service?: string } = {}): SpanRecord {
	return span({
		traceID: parent.traceID,
		references: [{ refType: 'CHILD_OF', traceID: parent.traceID, spanID: parent.spanID }],
		startTime: parent.startTime + 10,
		...over
	});
}

// What the span details panel lists for one span: values as text, log times relative to the trace
// start, references resolved to spans of this trace where they exist.
import type { KeyValue, RefType } from '$lib/model';
import type { PreparedTrace } from './prepare';
import { formatDuration, valueText } from './format';

export interface KVRow {
	key: string;
	value: string;
	type: string;
}

export interface LogRow {
	/** µs since the trace start */
	offset: number;
	label: string;
	fields: KVRow[];
}

export interface RefRow {
	refType: RefType;
	traceID: string;
	spanID: string;
	/** index of the referenced span in this trace, -1 when it is not here */
	target: number;
	/** "service: operation" when it is here, else why not */
	label: string;
	/** the reference that made the tree parent */
	isParent: boolean;
}

export interface SpanDetail {
	index: number;
	spanID: string;
	service: string;
	operation: string;
	duration: string;
	/** e.g. "1.2ms" after the trace start */
	startOffset: string;
	error: boolean;
	tags: KVRow[];
	processTags: KVRow[];
	logs: LogRow[];
	references: RefRow[];
	warnings: string[];
	childCount: number;
}

export const kvRows = (list: KeyValue[] | null | undefined): KVRow[] => (list ?? []).map((kv) => ({ key: String(kv.key), value: valueText(kv.value), type: String(kv.type) }));

export function spanDetail(p: PreparedTrace, i: number): SpanDetail {
	const s = p.trace.spans[i];
	const parent = p.tree.parent[i];
	const references: RefRow[] = (s.references ?? []).map((r) => {
		const sameTrace = r.traceID === undefined || r.traceID === s.traceID;
		const target = sameTrace ? (p.byID.get(r.spanID) ?? -1) : -1;
		const t = target >= 0 ? p.trace.spans[target] : null;
		return {
			refType: r.refType,
			traceID: r.traceID ?? s.traceID,
			spanID: r.spanID,
			target,
			label: t ? `${p.services[p.serviceOf[target]]}: ${t.operationName}` : sameTrace ? 'not in this trace' : `in trace ${r.traceID}`,
			isParent: target >= 0 && target === parent
		};
	});
	const logs = [...(s.logs ?? [])]
		.sort((a, b) => a.timestamp - b.timestamp)
		.map((l) => ({ offset: l.timestamp - p.start, label: formatDuration(l.timestamp - p.start), fields: kvRows(l.fields) }));
	return {
		index: i,
		spanID: s.spanID,
		service: p.services[p.serviceOf[i]],
		operation: s.operationName,
		duration: formatDuration(s.duration),
		startOffset: formatDuration(s.startTime - p.start),
		error: p.error[i] === 1,
		tags: kvRows(s.tags),
		processTags: kvRows(p.trace.processes[s.processID]?.tags),
		logs,
		references,
		warnings: [...(s.warnings ?? [])],
		childCount: p.tree.childStart[i + 1] - p.tree.childStart[i]
	};
}

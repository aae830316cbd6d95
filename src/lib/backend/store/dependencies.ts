// Service → service edges, computed as Jaeger's memory store does: for every span whose dependency
// parent (the model's dependencyParentID: first same-trace CHILD_OF, else FOLLOWS_FROM) belongs to
// another service, one call from the parent's service to the span's.
import { dependencyParentID, type DependencyLink, type SpanRecord } from '../../model/index';

const SEP = '\u0000';

/** One "parent\0child" entry per cross-service call in one trace. */
export function traceCalls(records: SpanRecord[]): string[] {
	// Small traces (the usual case) look parents up by a scan: cheaper than building a map.
	const serviceOf = records.length > 32 ? new Map(records.map((r) => [r.spanID, r.process.serviceName])) : null;
	const calls: string[] = [];
	for (const r of records) {
		const parentId = dependencyParentID(r);
		if (parentId === undefined) continue;
		let parent: string | undefined;
		if (serviceOf) parent = serviceOf.get(parentId);
		else
			for (const p of records)
				if (p.spanID === parentId) {
					parent = p.process.serviceName;
					break;
				}
		if (parent !== undefined && parent !== r.process.serviceName) calls.push(parent + SEP + r.process.serviceName);
	}
	return calls;
}

export class CallCounter {
	private readonly counts = new Map<string, number>();

	add(calls: string[]): void {
		for (const c of calls) this.counts.set(c, (this.counts.get(c) ?? 0) + 1);
	}

	links(): DependencyLink[] {
		const out: DependencyLink[] = [];
		for (const [k, callCount] of this.counts) {
			const i = k.indexOf(SEP);
			out.push({ parent: k.slice(0, i), child: k.slice(i + 1), callCount });
		}
		return out.sort((a, b) => (a.parent + SEP + a.child < b.parent + SEP + b.child ? -1 : 1));
	}
}

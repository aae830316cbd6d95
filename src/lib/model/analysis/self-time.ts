// Self time: how long a span ran with none of its children running, i.e. its duration minus the union
// of its children's intervals clipped to it (what Jaeger UI's trace statistics call "self time").
import type { Trace } from '../types';
import { buildTree, type SpanTree } from './tree';

export function selfTimes(trace: Trace, tree: SpanTree = buildTree(trace)): Float64Array {
	const spans = trace.spans;
	const out = new Float64Array(tree.size);
	for (let i = 0; i < tree.size; i++) {
		const s = spans[i].startTime;
		const e = s + spans[i].duration;
		let covered = 0;
		let runStart = 0;
		let runEnd = -Infinity;
		// Children come sorted by start, so one pass merges overlapping intervals.
		for (let c = tree.childStart[i]; c < tree.childStart[i + 1]; c++) {
			const ch = spans[tree.childIndex[c]];
			const cs = Math.max(s, ch.startTime);
			const ce = Math.min(e, ch.startTime + ch.duration);
			if (ce <= cs) continue;
			if (cs > runEnd) {
				if (runEnd > runStart) covered += runEnd - runStart;
				runStart = cs;
				runEnd = ce;
			} else if (ce > runEnd) runEnd = ce;
		}
		if (runEnd > runStart) covered += runEnd - runStart;
		out[i] = Math.max(0, spans[i].duration - covered);
	}
	return out;
}

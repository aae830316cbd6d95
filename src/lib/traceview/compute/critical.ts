// The critical-path overlay: the model's sections grouped per span, so a row finds its own in O(1).
import { criticalPath } from '$lib/model';
import type { PreparedTrace } from './prepare';

export function criticalSections(p: PreparedTrace): Map<number, [number, number][]> {
	const root = p.summary.rootSpan >= 0 ? p.summary.rootSpan : (p.tree.roots[0] ?? -1);
	const out = new Map<number, [number, number][]>();
	for (const s of criticalPath(p.trace, p.tree, root)) {
		let list = out.get(s.span);
		if (!list) out.set(s.span, (list = []));
		list.push([s.start, s.end]);
	}
	return out;
}

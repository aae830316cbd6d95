// Find in trace: which spans match what the user typed. Words are separated by spaces and every word
// must match (case-insensitive) the service, the operation, the span id, a tag/process tag/log field
// as `key`, `value` or `key=value` (the `=` form is exact on the key, substring on the value).
import type { PreparedTrace } from './prepare';
import { valueText } from './format';
import type { KeyValue } from '$lib/model';

interface Term {
	text: string;
	key?: string;
	value?: string;
}

export function parseFind(query: string): Term[] {
	return query
		.trim()
		.toLowerCase()
		.split(/\s+/)
		.filter(Boolean)
		.map((text) => {
			const eq = text.indexOf('=');
			return eq > 0 ? { text, key: text.slice(0, eq), value: text.slice(eq + 1) } : { text };
		});
}

function kvMatches(list: KeyValue[] | null | undefined, t: Term): boolean {
	if (!list) return false;
	for (const kv of list) {
		const k = kv.key.toLowerCase();
		const v = valueText(kv.value).toLowerCase();
		if (t.key !== undefined) {
			if (k === t.key && v.includes(t.value!)) return true;
		} else if (k.includes(t.text) || v.includes(t.text)) return true;
	}
	return false;
}

/** Matching span indices in display order. Empty query → none. */
export function findSpans(p: PreparedTrace, query: string): Int32Array {
	const terms = parseFind(query);
	if (terms.length === 0) return new Int32Array(0);
	const out: number[] = [];
	const lowerServices = p.services.map((s) => s.toLowerCase());
	for (let k = 0; k < p.tree.size; k++) {
		const i = p.tree.order[k];
		const s = p.trace.spans[i];
		const service = lowerServices[p.serviceOf[i]];
		const op = s.operationName.toLowerCase();
		const id = s.spanID.toLowerCase();
		const proc = p.trace.processes[s.processID]?.tags;
		let all = true;
		for (const t of terms) {
			const hit =
				(t.key === undefined && (service.includes(t.text) || op.includes(t.text) || id === t.text)) ||
				kvMatches(s.tags, t) ||
				kvMatches(proc, t) ||
				(s.logs?.some((l) => kvMatches(l.fields, t)) ?? false);
			if (!hit) {
				all = false;
				break;
			}
		}
		if (all) out.push(i);
	}
	return Int32Array.from(out);
}

/** Next (dir 1) or previous (dir -1) match after `current` (a match index, -1 for none), wrapping. */
export function stepMatch(count: number, current: number, dir: 1 | -1): number {
	if (count === 0) return -1;
	if (current < 0) return dir === 1 ? 0 : count - 1;
	return (current + dir + count) % count;
}

// When a span never reached Jaeger, every item about it fails at once: "was reported", "has tag …",
// "is a child of …". Stacked, their hints bury the one thing to fix. The Checks region shows the
// first item missing a span as the cause, and folds the later ones missing the same span under it.
import type { CheckItem } from './types';

export interface FailureGroup {
	item: CheckItem;
	/** later failing items that fail only because the same span is missing */
	consequences: CheckItem[];
	/** a failing item whose hint an earlier failing item already gave: the panel says "same cause as above" instead of repeating it */
	hintGiven?: true;
}

const hintKey = (hint: CheckItem['hint']) => (hint === undefined ? '' : typeof hint === 'string' ? hint : JSON.stringify(hint));

/** The items in their order, each failing one that shares a missing span folded under the first. */
export function foldFailures(items: CheckItem[]): FailureGroup[] {
	const out: FailureGroup[] = [];
	const causes = new Map<string, FailureGroup>();
	const hints = new Set<string>();
	for (const it of items) {
		const cause = !it.ok && it.missing ? causes.get(it.missing) : undefined;
		if (cause) {
			cause.consequences.push(it);
			continue;
		}
		const g: FailureGroup = { item: it, consequences: [] };
		if (!it.ok && it.missing) causes.set(it.missing, g);
		if (!it.ok && it.hint !== undefined) {
			const key = hintKey(it.hint);
			if (hints.has(key)) g.hintGiven = true;
			else hints.add(key);
		}
		out.push(g);
	}
	return out;
}

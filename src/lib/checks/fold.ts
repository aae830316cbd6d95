// When a span never reached Jaeger, every item about it fails at once: "was reported", "has tag …",
// "is a child of …". Stacked, their hints bury the one thing to fix. The Checks region shows the
// first item missing a span as the cause, and folds the later ones missing the same span under it.
import type { CheckItem } from './types';

export interface FailureGroup {
	item: CheckItem;
	/** later failing items that fail only because the same span is missing */
	consequences: CheckItem[];
}

/** The items in their order, each failing one that shares a missing span folded under the first. */
export function foldFailures(items: CheckItem[]): FailureGroup[] {
	const out: FailureGroup[] = [];
	const causes = new Map<string, FailureGroup>();
	for (const it of items) {
		const cause = !it.ok && it.missing ? causes.get(it.missing) : undefined;
		if (cause) {
			cause.consequences.push(it);
			continue;
		}
		const g: FailureGroup = { item: it, consequences: [] };
		if (!it.ok && it.missing) causes.set(it.missing, g);
		out.push(g);
	}
	return out;
}

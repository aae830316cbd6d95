// "did you mean …" for a misspelt key or value: the closest known word within a small edit distance.

/** Edit distance counting a swap of neighbours as one edit (optimal string alignment). */
function distance(a: string, b: string): number {
	if (Math.abs(a.length - b.length) > 3) return 99;
	let before: number[] = [];
	let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const cur = [i];
		for (let j = 1; j <= b.length; j++) {
			cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cur[j] = Math.min(cur[j], before[j - 2] + 1);
		}
		before = prev;
		prev = cur;
	}
	return prev[b.length];
}

/** The known word closest to `word` (case-insensitive), if it is close enough to be a typo. */
export function closest(word: string, known: Iterable<string>): string | null {
	const w = word.toLowerCase().slice(0, 64);
	let best: string | null = null;
	let bestD = Infinity;
	for (const k of known) {
		const d = distance(w, k.toLowerCase());
		if (d < bestD) {
			best = k;
			bestD = d;
		}
	}
	return best !== null && bestD <= Math.max(1, Math.min(3, Math.floor(best.length / 3))) ? best : null;
}

/** ' (did you mean x?)' or '' */
export function didYouMean(word: string, known: Iterable<string>): string {
	const c = closest(word, known);
	return c === null ? '' : ` (did you mean ${c}?)`;
}

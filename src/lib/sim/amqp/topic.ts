/**
 * Topic exchange matching: words split on '.', '*' matches exactly one word, '#' zero or more.
 * Simulated as a set of positions in the pattern (an NFA), so the cost is at most
 * pattern words × key words — no backtracking, whatever a learner binds.
 */
export function topicMatches(pattern: string, routingKey: string): boolean {
	const p = pattern === '' ? [] : pattern.split('.');
	const w = routingKey === '' ? [] : routingKey.split('.');
	let reach = new Uint8Array(p.length + 1);
	reach[0] = 1;
	closeOverHashes(p, reach);
	for (const word of w) {
		const next = new Uint8Array(p.length + 1);
		let any = false;
		for (let i = 0; i < p.length; i++) {
			if (!reach[i]) continue;
			if (p[i] === '#') next[i] = 1;
			else if (p[i] === '*' || p[i] === word) next[i + 1] = 1;
			else continue;
			any = true;
		}
		if (!any) return false;
		closeOverHashes(p, next);
		reach = next;
	}
	return reach[p.length] === 1;
}

/** '#' may match no words: reaching it also reaches what follows it. */
function closeOverHashes(p: string[], reach: Uint8Array): void {
	for (let i = 0; i < p.length; i++) if (reach[i] && p[i] === '#') reach[i + 1] = 1;
}

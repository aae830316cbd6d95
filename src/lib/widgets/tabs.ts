/**
 * The tab a key moves to in a tab list (WAI-ARIA tabs): arrows step and wrap, Home and End jump to
 * the ends; any other key moves nowhere (null).
 */
export function tabAfterKey<T>(ids: readonly T[], current: T, key: string): T | null {
	if (ids.length === 0) return null;
	const i = Math.max(0, ids.indexOf(current));
	switch (key) {
		case 'ArrowRight':
			return ids[(i + 1) % ids.length];
		case 'ArrowLeft':
			return ids[(i - 1 + ids.length) % ids.length];
		case 'Home':
			return ids[0];
		case 'End':
			return ids[ids.length - 1];
		default:
			return null;
	}
}

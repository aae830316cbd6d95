// Keyboard in the treegrid (WAI-ARIA treegrid pattern, row focus): what a key does to the focused row.
export type RowAction =
	| { kind: 'focus'; row: number }
	| { kind: 'toggle'; row: number; expand: boolean }
	| { kind: 'open'; row: number }
	| { kind: 'none' };

export interface RowInfo {
	hasChildren: boolean;
	expanded: boolean;
	/** row position of the parent, -1 for a root or when the parent is not a row */
	parentRow: number;
}

export function rowKey(key: string, row: number, count: number, info: RowInfo, page = 10): RowAction {
	if (count === 0) return { kind: 'none' };
	const clamp = (r: number) => Math.max(0, Math.min(count - 1, r));
	switch (key) {
		case 'ArrowDown':
			return { kind: 'focus', row: clamp(row + 1) };
		case 'ArrowUp':
			return { kind: 'focus', row: clamp(row - 1) };
		case 'PageDown':
			return { kind: 'focus', row: clamp(row + page) };
		case 'PageUp':
			return { kind: 'focus', row: clamp(row - page) };
		case 'Home':
			return { kind: 'focus', row: 0 };
		case 'End':
			return { kind: 'focus', row: count - 1 };
		case 'ArrowRight':
			if (info.hasChildren && !info.expanded) return { kind: 'toggle', row, expand: true };
			if (info.hasChildren) return { kind: 'focus', row: clamp(row + 1) };
			return { kind: 'none' };
		case 'ArrowLeft':
			if (info.hasChildren && info.expanded) return { kind: 'toggle', row, expand: false };
			if (info.parentRow >= 0) return { kind: 'focus', row: info.parentRow };
			return { kind: 'none' };
		case 'Enter':
		case ' ':
			return { kind: 'open', row };
		default:
			return { kind: 'none' };
	}
}

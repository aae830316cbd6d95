// The virtual window: which rows of a fixed-height list are in (or near) the viewport.
export interface VirtualWindow {
	/** first rendered row (inclusive) */
	start: number;
	/** last rendered row (exclusive) */
	end: number;
	/** px from the top of the list to the first rendered row */
	offset: number;
	/** px height of the whole list (the spacer) */
	total: number;
}

export function virtualWindow(scrollTop: number, viewport: number, rowHeight: number, count: number, overscan = 6): VirtualWindow {
	const total = count * rowHeight;
	const top = Math.max(0, Math.min(scrollTop, Math.max(0, total - viewport)));
	const first = Math.floor(top / rowHeight);
	const last = Math.ceil((top + Math.max(0, viewport)) / rowHeight);
	const start = Math.max(0, first - overscan);
	const end = Math.min(count, last + overscan);
	return { start, end: Math.max(start, end), offset: start * rowHeight, total };
}

/** scrollTop that brings row r into view (unchanged when it already is). */
export function scrollToRow(scrollTop: number, viewport: number, rowHeight: number, r: number): number {
	const top = r * rowHeight;
	if (top < scrollTop) return top;
	if (top + rowHeight > scrollTop + viewport) return top + rowHeight - viewport;
	return scrollTop;
}

// The timeline's split between the name column and the time column, which the user can drag (as in
// Jaeger UI) or move with the arrow keys. Kept as a fraction of the timeline's width.
export const NAME_COLUMN = { min: 0.15, max: 0.75, default: 0.34, step: 0.02 } as const;

export function clampNameColumn(fraction: number): number {
	if (!Number.isFinite(fraction)) return NAME_COLUMN.default;
	return Math.min(NAME_COLUMN.max, Math.max(NAME_COLUMN.min, fraction));
}

/** The fraction for a pointer at clientX over a timeline spanning [left, left + width). */
export function nameColumnAt(clientX: number, left: number, width: number): number {
	return clampNameColumn(width > 0 ? (clientX - left) / width : NAME_COLUMN.default);
}

/** Arrow keys move the divider a step, Home/End to the limits; null for other keys. */
export function nameColumnKey(key: string, current: number): number | null {
	if (key === 'ArrowLeft') return clampNameColumn(current - NAME_COLUMN.step);
	if (key === 'ArrowRight') return clampNameColumn(current + NAME_COLUMN.step);
	if (key === 'Home') return NAME_COLUMN.min;
	if (key === 'End') return NAME_COLUMN.max;
	return null;
}

// Where a span's bar sits in the timeline's time column, for a zoom window given as fractions of the
// trace (0..1). Percentages so the row needs no measured width.
export interface Bar {
	/** % from the left of the time column */
	left: number;
	/** % width, at least `minWidth` so a 0 µs span stays visible */
	width: number;
	/** the bar lies wholly outside the window */
	outside: boolean;
}

export function barFor(start: number, duration: number, traceStart: number, traceDuration: number, view: readonly [number, number], minWidth = 0.15): Bar {
	const span = Math.max(1e-12, view[1] - view[0]);
	const a = ((start - traceStart) / traceDuration - view[0]) / span;
	const b = ((start + duration - traceStart) / traceDuration - view[0]) / span;
	const outside = b < 0 || a > 1;
	const left = Math.min(100, Math.max(0, a * 100));
	const right = Math.min(100, Math.max(0, b * 100));
	return { left: Math.min(left, 100 - minWidth), width: Math.max(minWidth, right - left), outside };
}

/** Position (% of the time column) of an instant, or null outside the window. */
export function markAt(t: number, traceStart: number, traceDuration: number, view: readonly [number, number]): number | null {
	const f = ((t - traceStart) / traceDuration - view[0]) / Math.max(1e-12, view[1] - view[0]);
	return f < 0 || f > 1 ? null : f * 100;
}

/** Where a bar's duration label goes: after the bar, before it, or inside it when the bar fills the row. */
export function labelPlacement(bar: Bar): 'after' | 'before' | 'inside' {
	return bar.left + bar.width < 85 ? 'after' : bar.left > 15 ? 'before' : 'inside';
}

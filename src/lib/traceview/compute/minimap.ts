// The minimap: every span as a thin bar, rows scaled to the canvas height, and the drag that selects
// a zoom window.
import type { PreparedTrace } from './prepare';

export interface MinimapBars {
	/** per bar in display order: x (0..1), width (0..1), y (0..1) */
	x: Float32Array;
	w: Float32Array;
	y: Float32Array;
	/** per bar: service index (colour) */
	service: Uint32Array;
	/** height of one row as a fraction of the canvas */
	rowHeight: number;
}

export function minimapBars(p: PreparedTrace): MinimapBars {
	const n = p.trace.spans.length;
	const x = new Float32Array(n);
	const w = new Float32Array(n);
	const y = new Float32Array(n);
	const service = new Uint32Array(n);
	for (let k = 0; k < n; k++) {
		const i = p.tree.order[k];
		const s = p.trace.spans[i];
		x[k] = (s.startTime - p.start) / p.duration;
		w[k] = s.duration / p.duration;
		y[k] = n ? k / n : 0;
		service[k] = p.serviceOf[i];
	}
	return { x, w, y, service, rowHeight: n ? 1 / n : 1 };
}

/** A drag from x0 to x1 (px) on a minimap `width` px wide as a zoom window; a click (tiny drag) resets. */
export function windowFromDrag(x0: number, x1: number, width: number, minFrac = 0.002): [number, number] {
	if (!(width > 0)) return [0, 1];
	const a = Math.min(1, Math.max(0, Math.min(x0, x1) / width));
	const b = Math.min(1, Math.max(0, Math.max(x0, x1) / width));
	if (b - a < minFrac || Math.abs(x1 - x0) < 3) return [0, 1];
	return [a, b];
}

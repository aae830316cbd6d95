// Flamegraph (icicle) layout: one rectangle per span, x by time within the trace, y by depth.
// Spans narrower than `minWidth` (fraction of the width) are left out: they would be sub-pixel.
import type { PreparedTrace } from './prepare';

export interface FlameRect {
	span: number;
	/** 0..1 */
	x: number;
	w: number;
	depth: number;
	service: number;
}

export function flameRects(p: PreparedTrace, view: readonly [number, number] = [0, 1], minWidth = 0.001, maxRects = 5000): { rects: FlameRect[]; hidden: number; levels: number } {
	const rects: FlameRect[] = [];
	const span = Math.max(1e-12, view[1] - view[0]);
	let hidden = 0;
	let levels = 0;
	for (let k = 0; k < p.tree.size; k++) {
		const i = p.tree.order[k];
		const s = p.trace.spans[i];
		let a = ((s.startTime - p.start) / p.duration - view[0]) / span;
		let b = ((s.startTime + s.duration - p.start) / p.duration - view[0]) / span;
		if (b < 0 || a > 1) continue;
		a = Math.max(0, a);
		b = Math.min(1, b);
		if (b - a < minWidth || rects.length >= maxRects) {
			hidden++;
			continue;
		}
		const depth = p.tree.depth[i];
		if (depth + 1 > levels) levels = depth + 1;
		rects.push({ span: i, x: a, w: b - a, depth, service: p.serviceOf[i] });
	}
	return { rects, hidden, levels };
}

// Everything one timeline row shows, computed in one call so the row component only renders: with a
// row per visible span, a dozen small reactive derivations per row made the first paint of a big
// trace measurably slower than one plain function.
import type { PreparedTrace } from './prepare';
import { barFor, markAt, labelPlacement, type Bar } from './bars';
import { formatDuration } from './format';
import { hasChildren } from './rows';

/** Rows indent 14 px per level up to this depth; deeper spans show their depth as a number instead. */
export const MAX_INDENT = 24;

export interface TimelineRowModel {
	span: number;
	service: string;
	color: string;
	operation: string;
	depth: number;
	/** px of left padding in the name column */
	indent: number;
	hasChildren: boolean;
	error: boolean;
	/** the span's warnings, one per line, or '' */
	warnings: string;
	duration: string;
	/** accessible name: service, operation, duration, error */
	label: string;
	bar: Bar;
	/** log markers, % of the time column (at most 32) */
	logs: number[];
	/** critical-path sections inside the window */
	critical: Bar[];
	labelAt: 'after' | 'before' | 'inside';
}

export function timelineRow(p: PreparedTrace, span: number, view: readonly [number, number], critical?: [number, number][]): TimelineRowModel {
	const s = p.trace.spans[span];
	const service = p.services[p.serviceOf[span]];
	const depth = p.tree.depth[span];
	const error = p.error[span] === 1;
	const duration = formatDuration(s.duration);
	const bar = barFor(s.startTime, s.duration, p.start, p.duration, view);
	const logs: number[] = [];
	const list = s.logs ?? [];
	for (let k = 0; k < list.length && k < 32; k++) {
		const at = markAt(list[k].timestamp, p.start, p.duration, view);
		if (at !== null) logs.push(at);
	}
	const sections: Bar[] = [];
	for (const [a, b] of critical ?? []) {
		const c = barFor(a, b - a, p.start, p.duration, view, 0.1);
		if (!c.outside) sections.push(c);
	}
	return {
		span,
		service,
		color: p.colors[p.serviceOf[span]],
		operation: s.operationName,
		depth,
		indent: Math.min(depth, MAX_INDENT) * 14 + 4,
		hasChildren: hasChildren(p.tree, span),
		error,
		warnings: s.warnings?.length ? s.warnings.join('\n') : '',
		duration,
		label: `${service} ${s.operationName}, ${duration}${error ? ', error' : ''}`,
		bar,
		logs,
		critical: sections,
		labelAt: labelPlacement(bar)
	};
}

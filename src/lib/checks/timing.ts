// Time between spans: a parent that outlives its children, a span that began only after an await.
import type { CheckItem, RunOutput } from './types';
import { describe, findSpan, type SpanSelector } from './spans';
import { item } from './item';

/** `parent` started before `child` and ended after it: in the timeline, the child's bar sits inside the parent's. */
export function encloses(run: RunOutput, parent: SpanSelector, child: SpanSelector, hint: string): CheckItem {
	const p = findSpan(run, parent);
	const c = findSpan(run, child);
	const ok = Boolean(
		p && c && c.span.startTime >= p.span.startTime && c.span.startTime + c.span.duration <= p.span.startTime + p.span.duration
	);
	return item(`${describe(parent)} lasts until ${describe(child)} has finished`, ok, hint);
}

/** `sel` started at least `ms` milliseconds after `after` started. */
export function startsLater(run: RunOutput, sel: SpanSelector, after: SpanSelector, ms: number, hint: string): CheckItem {
	const s = findSpan(run, sel);
	const a = findSpan(run, after);
	const ok = Boolean(s && a && s.span.startTime - a.span.startTime >= ms * 1000);
	return item(`${describe(sel)} starts at least ${ms} ms after ${describe(after)} starts`, ok, hint);
}

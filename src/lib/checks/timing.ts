// Time between spans: a parent that outlives its children, a span that began only after an await.
import type { CheckItem, CheckText, RunOutput } from './types';
import { describeSpan, findSpan, type SpanSelector } from './spans';
import { item, withMissing } from './item';
import { text } from './text';

/** `parent` started before `child` and ended after it: in the timeline, the child's bar sits inside the parent's. */
export function encloses(run: RunOutput, parent: SpanSelector, child: SpanSelector, hint: CheckText): CheckItem {
	const p = findSpan(run, parent);
	const c = findSpan(run, child);
	const ok = Boolean(
		p && c && c.span.startTime >= p.span.startTime && c.span.startTime + c.span.duration <= p.span.startTime + p.span.duration
	);
	const [p1, c1] = [describeSpan(parent), describeSpan(child)];
	return withMissing(item(text(`${p1.en} lasts until ${c1.en} has finished`, `${p1['zh-CN']} 一直持续到 ${c1['zh-CN']} 结束之后`), ok, hint), run, child, parent);
}

/** `sel` started at least `ms` milliseconds after `after` started. */
export function startsLater(run: RunOutput, sel: SpanSelector, after: SpanSelector, ms: number, hint: CheckText): CheckItem {
	const s = findSpan(run, sel);
	const a = findSpan(run, after);
	const ok = Boolean(s && a && s.span.startTime - a.span.startTime >= ms * 1000);
	const [s1, a1] = [describeSpan(sel), describeSpan(after)];
	return withMissing(item(text(`${s1.en} starts at least ${ms} ms after ${a1.en} starts`, `${s1['zh-CN']} 比 ${a1['zh-CN']} 晚至少 ${ms} ms 开始`), ok, hint), run, sel, after);
}

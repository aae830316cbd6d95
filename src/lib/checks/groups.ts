// Several spans of one operation judged together: retries that should be siblings under one parent
// and run one after another, queries that should run at the same time, a request that should take
// about as long as one of them.
import type { CheckItem, CheckText, Localized, RunOutput } from './types';
import { describeSpan, findSpans, matches, parentOf, type FoundSpan, type SpanSelector } from './spans';
import { item, withMissing } from './item';
import { text } from './text';

const end = (f: FoundSpan) => f.span.startTime + f.span.duration;

/** `shop's "get-price" spans`, in each language, for labels about a group. */
function describeSpans(sel: SpanSelector): Localized {
	return sel.service
		? text(`${sel.service}'s "${sel.operation}" spans`, `${sel.service} 的 "${sel.operation}" span`)
		: text(`the "${sel.operation}" spans`, `"${sel.operation}" span`);
}

/** The spans `sel` selects, earliest start first. */
export function spansInOrder(run: RunOutput, sel: SpanSelector): FoundSpan[] {
	return findSpans(run, sel).sort((a, b) => a.span.startTime - b.span.startTime);
}

/**
 * At least `min` spans match `sel`, and every one is a ChildOf one and the same span matching
 * `parent`: siblings side by side under it, not nested in one another.
 */
export function siblingsUnder(run: RunOutput, sel: SpanSelector, parent: SpanSelector, min: number, hint: CheckText): CheckItem {
	const found = findSpans(run, sel);
	const parents = found.map((f) => parentOf(run, f));
	const ok =
		found.length >= min &&
		parents.every((p) => p !== undefined && matches(p, parent)) &&
		new Set(parents.map((p) => p?.span.spanID)).size === 1;
	const [s, p] = [describeSpans(sel), describeSpan(parent)];
	return withMissing(
		item(text(`${min} or more of ${s.en} sit side by side under one ${p.en}`, `至少 ${min} 个 ${s['zh-CN']} 并排挂在同一个 ${p['zh-CN']} 之下`), ok, hint),
		run,
		sel,
		parent
	);
}

/** The spans `sel` selects (at least two) ran one after another: each began only after the one before it had ended. */
export function oneAfterAnother(run: RunOutput, sel: SpanSelector, hint: CheckText): CheckItem {
	const found = spansInOrder(run, sel);
	const ok = found.length >= 2 && found.every((f, i) => i === 0 || f.span.startTime >= end(found[i - 1]));
	const d = describeSpans(sel);
	return withMissing(item(text(`each of ${d.en} starts after the one before has ended`, `每个 ${d['zh-CN']} 都在前一个结束之后才开始`), ok, hint), run, sel);
}

/** The spans `sel` selects (at least two) ran at the same time: one instant lies inside every one of them. */
export function allOverlap(run: RunOutput, sel: SpanSelector, hint: CheckText): CheckItem {
	const found = findSpans(run, sel);
	const latestStart = Math.max(...found.map((f) => f.span.startTime));
	const earliestEnd = Math.min(...found.map(end));
	const ok = found.length >= 2 && latestStart < earliestEnd;
	const d = describeSpans(sel);
	return withMissing(item(text(`all of ${d.en} run at the same time`, `所有 ${d['zh-CN']} 在同一时间运行`), ok, hint), run, sel);
}

/**
 * `sel` lasted less than `factor` times the shortest span `unit` selects: a request that should take
 * about as long as one of its queries, not as long as all of them in a row.
 */
export function lastsUnder(run: RunOutput, sel: SpanSelector, unit: SpanSelector, factor: number, hint: CheckText): CheckItem {
	const [whole] = findSpans(run, sel);
	const units = findSpans(run, unit);
	const shortest = Math.min(...units.map((f) => f.span.duration));
	const ok = Boolean(whole) && units.length > 0 && whole.span.duration < factor * shortest;
	const [w, u] = [describeSpan(sel), describeSpans(unit)];
	return withMissing(
		item(text(`${w.en} lasts less than ${factor} × the shortest of ${u.en}`, `${w['zh-CN']} 的时长不到 ${u['zh-CN']} 中最短那个的 ${factor} 倍`), ok, hint),
		run,
		sel,
		unit
	);
}

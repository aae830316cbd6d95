// Messages through a broker or a queue: the context a published message carried, and whether each
// consumer span references the producer span of its own message (not, say, the first one's).
import type { CheckItem, CheckText, RunOutput } from './types';
import { describeSpan, findSpans, matches, referencedSpans, tagValue, type FoundSpan, type RefType, type SpanSelector } from './spans';
import { item, withMissing } from './item';
import { joinText, text } from './text';
import { carried, requestsTo } from './wire';

/**
 * A message sent to host `to` (a broker) carried the context of `sel`'s span in its headers. The step
 * says what to do in its own words: `none` (no message carried a context), `inBody` (the context went
 * into the message's body instead — checked only when given), `other` (another span's context; the
 * hint names that span first), `fallback` (no message reached `to`).
 */
export function messageCarriesSpan(
	run: RunOutput,
	to: string,
	sel: SpanSelector,
	hints: { none: CheckText; other: CheckText; fallback: CheckText; inBody?: CheckText }
): CheckItem {
	const d = describeSpan(sel);
	const label = text(`the message to ${to} carries the context of ${d.en}`, `发往 ${to} 的消息带着 ${d['zh-CN']} 的 context`);
	const c = carried(run, to, sel);
	if (c.kind === 'span') return item(label, true, '');
	if (c.kind === 'no-request') return withMissing(item(label, false, hints.fallback), run, sel);
	if (c.kind === 'none') {
		const inBody = hints.inBody && requestsTo(run, to).some((r) => r.requestBody.includes('uber-trace-id'));
		return withMissing(item(label, false, inBody ? hints.inBody! : hints.none), run, sel);
	}
	const o = c.span ? describeSpan({ service: c.span.service, operation: c.span.span.operationName }) : text(`another span (${c.spanId})`, `另一个 span（${c.spanId}）`);
	return withMissing(
		item(label, false, joinText(text(`The message carries the context of ${o.en}, not of ${d.en}.`, `这条消息带的是 ${o['zh-CN']} 的 context，而不是 ${d['zh-CN']} 的。`), hints.other)),
		run,
		sel
	);
}

/** What went wrong for one consumer span, in `eachReferencesOwn`. */
type Miss = 'none' | 'other' | 'type' | 'untagged';

/**
 * Every `from` span (a consumer) references, with `refType`, the `to` span (a producer) whose tag
 * `key` has the same value — its own message's producer. The hint is the step's words for the first
 * kind of miss found: `none` (no reference to any `to` span), `other` (a reference to another
 * message's producer: the first one's, a stale one), `type` (its own producer, with the other type);
 * a `from` span without the tag gets the helper's own words.
 * `missing` is the step's words when no `from` span arrived at all.
 */
export function eachReferencesOwn(
	run: RunOutput,
	from: SpanSelector,
	to: SpanSelector,
	key: string,
	refType: RefType,
	hints: Record<Exclude<Miss, 'untagged'>, CheckText> & { missing: CheckText }
): CheckItem {
	const f1 = describeSpan(from);
	const label =
		refType === 'FOLLOWS_FROM'
			? text(`each ${f1.en} follows from the "${to.operation}" span with the same ${key}`, `每个 ${f1['zh-CN']} 都以 FollowsFrom 引用 ${key} 相同的那个 "${to.operation}" span`)
			: text(`each ${f1.en} is a child of the "${to.operation}" span with the same ${key}`, `每个 ${f1['zh-CN']} 都是 ${key} 相同的那个 "${to.operation}" span 的子 span`);
	const spans = findSpans(run, from);
	if (spans.length === 0) return withMissing(item(label, false, hints.missing), run, from);
	const miss = (f: FoundSpan): Miss | null => {
		const refs = referencedSpans(run, f).filter((r) => matches(r.to, to));
		if (refs.length === 0) return 'none';
		const v = tagValue(f, key);
		if (v === undefined) return 'untagged';
		const own = refs.filter((r) => v !== undefined && String(tagValue(r.to, key)) === String(v));
		if (own.length === 0) return 'other';
		return own.some((r) => r.refType === refType) ? null : 'type';
	};
	const misses = spans.map(miss).filter((m): m is Miss => m !== null);
	if (misses.length === 0) return item(label, true, '');
	const first = misses[0];
	const why =
		first === 'untagged'
			? text(
					`${from.operation} has no tag ${key}, so it cannot be matched to its message: tag it with the value its message carries.`,
					`${from.operation} 没有 tag ${key}，所以无法和它的消息对上号：用它的消息带来的值给它打上这个 tag。`
				)
			: hints[first];
	return item(label, false, joinText(text(`${misses.length} of ${spans.length} ${from.operation} spans:`, `${spans.length} 个 ${from.operation} span 里有 ${misses.length} 个不对：`), why));
}

// Assertions that become lines in the Checks region. Each takes the hint to show when it fails:
// the hint names the likely mistake, in the lesson's words.
import type { CheckItem, CheckText, RunOutput } from './types';
import { afterFinish, item, tagItem, withMissing } from './item';
import { mapText, text } from './text';
import { describeSpan, findSpan, findSpans, logsOf, matches, referencedSpans, refName, tagValue, type FoundSpan, type RefType, type SpanSelector } from './spans';


export function spanReported(run: RunOutput, sel: SpanSelector, hint: CheckText): CheckItem {
	const d = describeSpan(sel);
	return withMissing(item(text(`${d.en} was reported`, `${d['zh-CN']} 已上报`), findSpans(run, sel).length > 0, hint), run, sel);
}

export function spanCount(run: RunOutput, sel: SpanSelector, count: number, hint: CheckText): CheckItem {
	const n = findSpans(run, sel).length;
	const d = describeSpan(sel);
	return withMissing(
		item(
			text(`${d.en} was reported ${count === 1 ? 'once' : `${count} times`}`, `${d['zh-CN']} 恰好上报了 ${count === 1 ? '一' : ` ${count} `}次`),
			n === count,
			hint
		),
		run,
		sel
	);
}

export function traceCount(run: RunOutput, count: number, hint: CheckText): CheckItem {
	return item(
		text(`the run produced ${count === 1 ? 'one trace' : `${count} traces`}`, `这次运行产生了${count === 1 ? '一' : ` ${count} `}条 trace`),
		run.traces.length === count,
		hint
	);
}

export function totalSpans(run: RunOutput, count: number, hint: CheckText): CheckItem {
	const n = run.traces.reduce((a, t) => a + t.spans.length, 0);
	return item(text(`${count} spans in all`, `一共 ${count} 个 span`), n === count, hint);
}

export function isRoot(run: RunOutput, sel: SpanSelector, hint: CheckText): CheckItem {
	const f = findSpan(run, sel);
	const d = describeSpan(sel);
	return withMissing(item(text(`${d.en} is the root of its trace`, `${d['zh-CN']} 是所在 trace 的根 span`), Boolean(f && f.span.references.length === 0), hint), run, sel);
}

/** `child` references `parent` with ChildOf: the parent waits for it. */
export function childOf(run: RunOutput, child: SpanSelector, parent: SpanSelector, hint: CheckText): CheckItem {
	return references(run, child, parent, 'CHILD_OF', hint);
}

/** `span` references `cause` with FollowsFrom: caused by it, not waited for. */
export function followsFrom(run: RunOutput, span: SpanSelector, cause: SpanSelector, hint: CheckText): CheckItem {
	return references(run, span, cause, 'FOLLOWS_FROM', hint);
}

/**
 * `from` references `to` with exactly `refType`. A reference of the other type to the same span
 * does not count, and the hint says which type was found and which the step asks for.
 */
export function references(run: RunOutput, from: SpanSelector, to: SpanSelector, refType: RefType, hint: CheckText): CheckItem {
	const f = findSpan(run, from);
	const refs = f ? referencedSpans(run, f).filter((r) => matches(r.to, to)) : [];
	const ok = refs.some((r) => r.refType === refType);
	const [c1, p1] = [describeSpan(from), describeSpan(to)];
	const label =
		refType === 'CHILD_OF'
			? text(`${c1.en} is a child of ${p1.en}`, `${c1['zh-CN']} 是 ${p1['zh-CN']} 的子 span`)
			: text(`${c1.en} follows from ${p1.en}`, `${c1['zh-CN']} 以 FollowsFrom 引用 ${p1['zh-CN']}`);
	const other = ok ? undefined : refs.find((r) => r.refType !== refType);
	if (!other) return withMissing(item(label, ok, hint), run, from, to);
	const [found, want] = [refName(other.refType), refName(refType)];
	const why =
		refType === 'CHILD_OF'
			? text(`${p1.en} waits for this work`, `${p1['zh-CN']} 要等这项工作完成`)
			: text(`${p1.en} does not wait for this work`, `${p1['zh-CN']} 并不等这项工作完成`);
	return item(
		label,
		false,
		mapText(hint, (h, l) =>
			l === 'en'
				? `${c1.en} references ${p1.en} with ${found}; this step asks for ${want} — ${why.en}. ${h}`
				: `${c1['zh-CN']} 以 ${found} 引用了 ${p1['zh-CN']}；这一步要求的是 ${want}——${why['zh-CN']}。${h}`
		)
	);
}

export function referenceType(run: RunOutput, sel: SpanSelector, refType: 'CHILD_OF' | 'FOLLOWS_FROM', hint: CheckText): CheckItem {
	const f = findSpan(run, sel);
	const ok = Boolean(f && f.span.references.some((r) => r.refType === refType));
	const d = describeSpan(sel);
	const name = refType === 'CHILD_OF' ? 'ChildOf' : 'FollowsFrom';
	return withMissing(item(text(`${d.en} has a ${name} reference`, `${d['zh-CN']} 带有 ${name} 引用`), ok, hint), run, sel);
}

export function sameTrace(run: RunOutput, sels: SpanSelector[], hint: CheckText): CheckItem {
	const found = sels.map((s) => findSpan(run, s));
	const ok = found.every(Boolean) && new Set(found.map((f) => f!.span.traceID)).size === 1;
	const names = sels.map((s) => `"${s.operation}"`);
	return withMissing(item(text(`${names.join(', ')} are in the same trace`, `${names.join('、')} 在同一条 trace 里`), ok, hint), run, ...sels);
}

export function hasTag(run: RunOutput, sel: SpanSelector, key: string, value: string | number | boolean | undefined, hint: CheckText): CheckItem {
	const f = findSpan(run, sel);
	const actual = f && tagValue(f, key);
	const ok = value === undefined ? actual !== undefined : actual !== undefined && String(actual) === String(value);
	const d = describeSpan(sel);
	const tag = `${key}${value === undefined ? '' : `=${value}`}`;
	return tagItem(run, sel, key, text(`${d.en} has tag ${tag}`, `${d['zh-CN']} 带有 tag ${tag}`), ok, hint);
}

export function lacksTag(run: RunOutput, sel: SpanSelector, key: string, hint: CheckText): CheckItem {
	const f = findSpan(run, sel);
	const d = describeSpan(sel);
	return withMissing(item(text(`${d.en} has no tag ${key}`, `${d['zh-CN']} 没有 tag ${key}`), Boolean(f && tagValue(f, key) === undefined), hint), run, sel);
}

/** A log on the span whose fields include all of `fields` (values compared as strings). */
export function hasLog(run: RunOutput, sel: SpanSelector, fields: Record<string, string | number | boolean>, hint: CheckText): CheckItem {
	const f = findSpan(run, sel);
	const ok = Boolean(f && logsOf(f).some((log) => Object.entries(fields).every(([k, v]) => k in log && String(log[k]) === String(v))));
	const shown = Object.entries(fields).map(([k, v]) => `${k}=${v}`).join(', ');
	const d = describeSpan(sel);
	return afterFinish(run, sel, withMissing(item(text(`${d.en} logs {${shown}}`, `${d['zh-CN']} 记下了 log {${shown}}`), ok, hint), run, sel));
}

/** Operation names are a small fixed set: none may contain a value that changes per request. */
export function operationExcludes(run: RunOutput, excluded: string, hint: CheckText): CheckItem {
	const bad = run.traces.flatMap((t) => t.spans).some((s) => excluded && s.operationName.includes(excluded));
	return item(text(`no operation name contains "${excluded}"`, `没有哪个操作名包含 "${excluded}"`), !bad, hint);
}


export function noErrors(run: RunOutput, hint: CheckText): CheckItem {
	return item(
		text('every service ran without an error', '每个服务都运行完毕，没有出错'),
		run.errors.length === 0,
		run.errors.length ? mapText(hint, (h) => `${run.errors[0]} — ${h}`) : hint
	);
}

/** The span has tag `key` whose value, as text, matches `pattern`. */
export function tagMatches(run: RunOutput, sel: SpanSelector, key: string, pattern: RegExp, hint: CheckText): CheckItem {
	const f = findSpan(run, sel);
	const t = f?.span.tags.find((kv) => kv.key === key);
	const d = describeSpan(sel);
	return tagItem(run, sel, key, text(`${d.en} has tag ${key}`, `${d['zh-CN']} 带有 tag ${key}`), Boolean(t && pattern.test(String(t.value))), hint);
}

/** How many distinct services reported spans into the trace that holds `sel`. */
export function servicesInTrace(run: RunOutput, sel: SpanSelector, count: number, hint: CheckText): CheckItem {
	const f = findSpan(run, sel);
	const n = f ? new Set(f.trace.spans.map((s) => f.trace.processes[s.processID]?.serviceName)).size : 0;
	const d = describeSpan(sel);
	return withMissing(item(text(`the trace of ${d.en} spans ${count} services`, `${d['zh-CN']} 所在的 trace 涵盖 ${count} 个服务`), Boolean(f) && n === count, hint), run, sel);
}

export type { FoundSpan };

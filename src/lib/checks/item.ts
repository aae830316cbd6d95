import type { CheckItem, CheckText, RunOutput } from './types';
import { describeSpan, findSpan, type SpanSelector } from './spans';
import { text } from './text';
import { parseAfterFinish } from '$lib/tracer';

/** A line for the Checks region; the hint only travels with a failure. */
export function item(label: CheckText, ok: boolean, hint: CheckText): CheckItem {
	return ok ? { label, ok } : { label, ok, hint };
}

/** How the Checks region names a span in `missing`: `hello-world "printHello"`. */
export const spanKey = (sel: SpanSelector): string => `${sel.service ? `${sel.service} ` : ''}"${sel.operation}"`;

/**
 * A failing item about spans the run never reported says which (the first of `sels` missing), so
 * the Checks region can show the first such item as the cause and fold the rest under it.
 */
export function withMissing(it: CheckItem, run: RunOutput, ...sels: SpanSelector[]): CheckItem {
	if (it.ok) return it;
	const gone = sels.find((s) => !findSpan(run, s));
	return gone ? { ...it, missing: spanKey(gone) } : it;
}

/**
 * A failing item about a span that was used after its finish(): the tracer warned in the Console
 * (once per span, `parseAfterFinish`), and whatever was tagged, logged or set then is lost. The hint
 * says so — "add the log" would repeat what the learner already wrote.
 */
export function afterFinish(run: RunOutput, sel: SpanSelector, it: CheckItem): CheckItem {
	if (it.ok || it.missing) return it;
	const late = lateCall(run, sel);
	if (!late) return it;
	const d = describeSpan(sel);
	return {
		...it,
		hint: text(
			`On ${d.en}, a call came after span.finish() — the Console warns about its ${late}(). A finished span has already been reported: whatever is tagged, logged or set on it afterwards is lost. Move the call before span.finish().`,
			`在 ${d['zh-CN']} 上，有调用出现在 span.finish() 之后——控制台对其中的 ${late}() 发出了警告。结束了的 span 已经上报：之后再打的 tag、记的 log、设的 baggage 都会丢失。把这个调用移到 span.finish() 之前。`
		)
	};
}

/** The late call the Console warns about on `sel`'s span (not a second finish(), which loses nothing). */
export function lateCall(run: RunOutput, sel: SpanSelector): string | undefined {
	for (const l of run.console) {
		const w = parseAfterFinish(l.text);
		if (w && w.operation === sel.operation && w.call !== 'finish') return w.call;
	}
	return undefined;
}

/**
 * The value a tag holds when an object was passed (a URL, an options object): the tracer stores it as
 * JSON text, so `"http://…"` with its quotes, or `{…}`. Undefined for a plain value.
 */
export function objectTagText(value: unknown): string | undefined {
	if (typeof value !== 'string' || !/^(".*"|\{.*\}|\[.*\])$/s.test(value)) return undefined;
	try {
		JSON.parse(value);
		return value;
	} catch {
		return undefined;
	}
}

/** A tag item: the span missing, the tag set too late, or its value an object, each get their hint. */
export function tagItem(run: RunOutput, sel: SpanSelector, key: string, label: CheckText, ok: boolean, hint: CheckText): CheckItem {
	const it = withMissing(item(label, ok, hint), run, sel);
	if (it.ok || it.missing) return it;
	const f = findSpan(run, sel);
	const json = objectTagText(f?.span.tags.find((t) => t.key === key)?.value);
	if (json !== undefined) {
		const shown = json.length > 80 ? `${json.slice(0, 77)}…` : json;
		return {
			...it,
			hint: text(
				`The ${key} tag holds an object, which the tracer stores as its JSON text (${shown}), quotes and all: pass a string — String(url) or url.href for a URL — or a number or a boolean.`,
				`${key} 这个 tag 的值是一个对象，tracer 会把它存成 JSON 文本（${shown}），连引号一起：请传入字符串——URL 用 String(url) 或 url.href——或者数字、布尔值。`
			)
		};
	}
	return afterFinish(run, sel, it);
}

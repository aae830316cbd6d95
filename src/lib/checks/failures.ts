// How a run shows that something failed: a call answered with an error status, and spans that say
// so the way OpenTracing's conventions ask — the tag error=true, and a log with event=error that
// tells what went wrong.
import { isErrorSpan } from '../model';
import type { CheckItem, CheckText, RunOutput } from './types';
import { text } from './text';
import { afterFinish, item, tagItem, withMissing } from './item';
import { allSpans, describeSpan, findSpan, logsOf, type FoundSpan, type SpanSelector } from './spans';
import { requestsTo } from './wire';

/** Log fields that say what went wrong, from OpenTracing's semantic conventions for error logs. */
const ERROR_DETAIL = ['error.object', 'message', 'error.kind', 'stack'];

/** The spans Jaeger paints as failed: tag `error` true (as a boolean or as the text "true"). */
export function errorSpans(run: RunOutput): FoundSpan[] {
	return allSpans(run).filter((f) => isErrorSpan(f.span));
}

/** The span is marked failed — `isErrorSpan`, the one rule the trace view and search use too. */
export function marksError(run: RunOutput, sel: SpanSelector, hint: CheckText): CheckItem {
	const f = findSpan(run, sel);
	const d = describeSpan(sel);
	return tagItem(run, sel, 'error', text(`${d.en} has tag error=true`, `${d['zh-CN']} 带有 tag error=true`), Boolean(f && isErrorSpan(f.span)), hint);
}

/** The span is not marked failed. `error=false` is fine: OpenTracing's error tag marks failure only when true. */
export function marksNoError(run: RunOutput, sel: SpanSelector, hint: CheckText): CheckItem {
	const f = findSpan(run, sel);
	const d = describeSpan(sel);
	return withMissing(item(text(`${d.en} is not marked as an error (no error=true)`, `${d['zh-CN']} 没有被标记为错误（没有 error=true）`), Boolean(f && !isErrorSpan(f.span)), hint), run, sel);
}

/** The span logged its failure: a log with event=error and at least one field saying what happened. */
export function logsError(run: RunOutput, sel: SpanSelector, hint: CheckText): CheckItem {
	const f = findSpan(run, sel);
	const ok = Boolean(f && logsOf(f).some((log) => log.event === 'error' && ERROR_DETAIL.some((k) => k in log)));
	const d = describeSpan(sel);
	return afterFinish(run, sel, withMissing(item(text(`${d.en} logs the error (event=error, with error.object or message)`, `${d['zh-CN']} 用 log 记下了错误（event=error，并带有 error.object 或 message）`), ok, hint), run, sel));
}

/** A request to host `to` (any port) was answered with `status`. */
export function answeredWith(run: RunOutput, to: string, status: number, hint: CheckText): CheckItem {
	return item(text(`a request to ${to} was answered ${status}`, `发往 ${to} 的请求收到了 ${status} 响应`), requestsTo(run, to).some((r) => r.status === status), hint);
}

// How a run shows that something failed: a call answered with an error status, and spans that say
// so the way OpenTracing's conventions ask — the tag error=true, and a log with event=error that
// tells what went wrong.
import { isErrorSpan } from '../model';
import type { CheckItem, RunOutput } from './types';
import { item } from './item';
import { allSpans, describe, findSpan, logsOf, type FoundSpan, type SpanSelector } from './spans';
import { requestsTo } from './wire';

/** Log fields that say what went wrong, from OpenTracing's semantic conventions for error logs. */
const ERROR_DETAIL = ['error.object', 'message', 'error.kind', 'stack'];

/** The spans Jaeger paints as failed: tag `error` true (as a boolean or as the text "true"). */
export function errorSpans(run: RunOutput): FoundSpan[] {
	return allSpans(run).filter((f) => isErrorSpan(f.span));
}

/** The span logged its failure: a log with event=error and at least one field saying what happened. */
export function logsError(run: RunOutput, sel: SpanSelector, hint: string): CheckItem {
	const f = findSpan(run, sel);
	const ok = Boolean(f && logsOf(f).some((log) => log.event === 'error' && ERROR_DETAIL.some((k) => k in log)));
	return item(`${describe(sel)} logs the error (event=error, with error.object or message)`, ok, hint);
}

/** A request to host `to` (any port) was answered with `status`. */
export function answeredWith(run: RunOutput, to: string, status: number, hint: string): CheckItem {
	return item(`a request to ${to} was answered ${status}`, requestsTo(run, to).some((r) => r.status === status), hint);
}

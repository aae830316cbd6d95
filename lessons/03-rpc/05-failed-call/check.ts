import {
	answeredWith,
	defineCheck,
	errorSpans,
	findSpan,
	hasTag,
	lacksTag,
	logsError,
	noErrors,
	spanReported,
	totalSpans,
	traceCount,
	type CheckItem,
	type RunOutput,
	type SpanSelector
} from '$lib/checks';
import { FORMAT_CLIENT, PRINT_CLIENT, PUBLISH_SERVER } from '../shape';

/** An item about a span that never reached Jaeger points back at that, not at the tag it lacks. */
function onSpan(run: RunOutput, sel: SpanSelector, it: CheckItem): CheckItem {
	if (it.ok || findSpan(run, sel)) return it;
	return { ...it, hint: `No ${sel.operation} span reached Jaeger to carry this: first make sure it is finished on the failing path too.` };
}

/** The failed call is marked on the span that made it — and if the tag went elsewhere, say where. */
function failedCallMarked(run: RunOutput): CheckItem {
	const it = hasTag(run, PRINT_CLIENT, 'error', true, '');
	if (it.ok) return it;
	const elsewhere = errorSpans(run).find((f) => f.service === PRINT_CLIENT.service && f.span.operationName !== PRINT_CLIENT.operation);
	const hint = elsewhere
		? `The error tag is on ${elsewhere.span.operationName}'s span, but the call that failed was made by printHello: tag the span that made the call — the one httpGet was given, not whichever span is active.`
		: "The call to the publisher failed, but printHello's span does not say so. fetch does not throw on a 500: check res.ok, and when it is false, span.setTag(Tags.ERROR, true).";
	return onSpan(run, PRINT_CLIENT, { ...it, hint });
}

export default defineCheck((run) => [
	answeredWith(
		run,
		'publisher',
		500,
		'The publisher answered without failing, so there was no failure to record. Run with the name this step sets in the Arguments field, Zoë: the printer behind the publisher has no "ë" and answers 500.'
	),
	spanReported(
		run,
		PRINT_CLIENT,
		"printHello's span never reached Jaeger. When the call fails, the function leaves through the throw and skips span.finish(): finish the span in a finally block, so it is reported however the call ends."
	),
	failedCallMarked(run),
	onSpan(
		run,
		PRINT_CLIENT,
		logsError(
			run,
			PRINT_CLIENT,
			"The error tag makes the span red; a log says why. On printHello's span: span.log({ event: 'error', 'error.object': err, message: err.message })."
		)
	),
	onSpan(
		run,
		PRINT_CLIENT,
		hasTag(run, PRINT_CLIENT, 'http.status_code', 500, "Tag the status the publisher answered on printHello's span: span.setTag(Tags.HTTP_STATUS_CODE, res.status) right after fetch — here it is 500.")
	),
	hasTag(
		run,
		FORMAT_CLIENT,
		'http.status_code',
		200,
		"Tag the status of every answer, not only the failed ones: formatString's span should carry http.status_code=200. Tagging it in httpGet covers both calls."
	),
	lacksTag(
		run,
		FORMAT_CLIENT,
		'error',
		"formatString's call succeeded, yet its span is tagged error. Set the tag only when the call failed: after res.ok turned out false, or in a catch."
	),
	spanReported(run, PUBLISH_SERVER, 'The publisher reports a "publish" span for each request, failed or not: keep the finally that finishes it.'),
	onSpan(
		run,
		PUBLISH_SERVER,
		hasTag(run, PUBLISH_SERVER, 'error', true, "The publisher knows best what went wrong. In its catch block, mark its own span as failed too: span.setTag(Tags.ERROR, true).")
	),
	onSpan(
		run,
		PUBLISH_SERVER,
		logsError(run, PUBLISH_SERVER, "Log the error on the publisher's span as well, in the same catch: span.log({ event: 'error', 'error.object': err, message: err.message }).")
	),
	traceCount(run, 1, 'A failed request is still one request: it should make one trace.'),
	totalSpans(
		run,
		5,
		'Expected five spans: say-hello, formatString, format, printHello, publish. A span that is never finished is never reported: does every span finish on the failing path too?'
	),
	noErrors(
		run,
		'Record the failure, then handle it: the publisher answers the 500 itself, and main already catches what reaches it — nothing needs to escape a service.'
	)
]);

import {
	answeredWith,
	defineCheck,
	errorSpans,
	findSpan,
	hasTag,
	logsError,
	marksError,
	marksNoError,
	noErrors,
	spanReported,
	totalSpans,
	traceCount,
	type CheckItem,
	type RunOutput,
	type SpanSelector,
	text
} from '$lib/checks';
import { FORMAT_CLIENT, PRINT_CLIENT, PUBLISH_SERVER } from '../shape';

/** An item about a span that never reached Jaeger points back at that, not at the tag it lacks. */
function onSpan(run: RunOutput, sel: SpanSelector, it: CheckItem): CheckItem {
	if (it.ok || findSpan(run, sel)) return it;
	return {
		...it,
		hint: text(
			`No ${sel.operation} span reached Jaeger to carry this: first make sure it is finished on the failing path too.`,
			`没有 ${sel.operation} span 到达 Jaeger 来承载这一项：先确保它在失败的路径上也会被 finish。`
		)
	};
}

/** The failed call is marked on the span that made it — and if the tag went elsewhere, say where. */
function failedCallMarked(run: RunOutput): CheckItem {
	const it = marksError(run, PRINT_CLIENT, '');
	if (it.ok) return it;
	const elsewhere = errorSpans(run).find((f) => f.service === PRINT_CLIENT.service && f.span.operationName !== PRINT_CLIENT.operation);
	const hint = elsewhere
		? text(
				`The error tag is on ${elsewhere.span.operationName}'s span, but the call that failed was made by printHello: tag the span that made the call — the one httpGet was given, not whichever span is active.`,
				`error tag 打在了 ${elsewhere.span.operationName} 的 span 上，可失败的调用是 printHello 发起的：要给发起调用的那个 span 打 tag——也就是传给 httpGet 的那个，而不是碰巧处于活跃状态的 span。`
			)
		: text(
				"The call to the publisher failed, but printHello's span does not say so. fetch does not throw on a 500: check res.ok, and when it is false, span.setTag(Tags.ERROR, true).",
				'对 publisher 的调用失败了，但 printHello 的 span 上看不出来。遇到 500 时 fetch 不会抛出异常：检查 res.ok，当它为 false 时调用 span.setTag(Tags.ERROR, true)。'
			);
	return onSpan(run, PRINT_CLIENT, { ...it, hint });
}

export default defineCheck((run) => [
	answeredWith(
		run,
		'publisher',
		500,
		text(
			'The publisher answered without failing, so there was no failure to record. Run with the name this step sets in the Arguments field, Zoë: the printer behind the publisher has no "ë" and answers 500.',
			'publisher 的响应没有失败，也就没有可记录的失败。用这一步在参数栏里填好的名字 Zoë 运行：publisher 背后的打印机没有 "ë" 这个字符，会回 500。'
		)
	),
	spanReported(
		run,
		PRINT_CLIENT,
		text(
			"printHello's span never reached Jaeger. When the call fails, the function leaves through the throw and skips span.finish(): finish the span in a finally block, so it is reported however the call ends.",
			'printHello 的 span 一直没有到达 Jaeger。调用失败时，函数随着抛出的异常离开，跳过了 span.finish()：在 finally 块里 finish 这个 span，这样无论调用如何结束，它都会上报。'
		)
	),
	failedCallMarked(run),
	onSpan(
		run,
		PRINT_CLIENT,
		logsError(
			run,
			PRINT_CLIENT,
			text(
				"The error tag makes the span red; a log says why. On printHello's span: span.log({ event: 'error', 'error.object': err, message: err.message }).",
				"error tag 让 span 变红；log 则说明原因。在 printHello 的 span 上：span.log({ event: 'error', 'error.object': err, message: err.message })。"
			)
		)
	),
	onSpan(
		run,
		PRINT_CLIENT,
		hasTag(
			run,
			PRINT_CLIENT,
			'http.status_code',
			500,
			text(
				"Tag the status the publisher answered on printHello's span: span.setTag(Tags.HTTP_STATUS_CODE, res.status) right after fetch — here it is 500.",
				'在 printHello 的 span 上用 tag 记下 publisher 回复的状态码：fetch 之后紧接着 span.setTag(Tags.HTTP_STATUS_CODE, res.status)——这里是 500。'
			)
		)
	),
	hasTag(
		run,
		FORMAT_CLIENT,
		'http.status_code',
		200,
		text(
			"Tag the status of every answer, not only the failed ones: formatString's span should carry http.status_code=200. Tagging it in httpGet covers both calls.",
			'每个响应的状态码都要打 tag，而不只是失败的那些：formatString 的 span 应该带有 http.status_code=200。在 httpGet 里打这个 tag，两次调用就都顾到了。'
		)
	),
	marksNoError(
		run,
		FORMAT_CLIENT,
		text(
			"formatString's call succeeded, yet its span is tagged error=true. Set the tag only when the call failed: after res.ok turned out false, or in a catch.",
			'formatString 的调用成功了，它的 span 却带着 error=true。只在调用失败时才把这个 tag 设为 true：在发现 res.ok 为 false 之后，或者在 catch 里。'
		)
	),
	spanReported(
		run,
		PUBLISH_SERVER,
		text(
			'The publisher reports a "publish" span for each request, failed or not: keep the finally that finishes it.',
			'publisher 会为每个请求上报一个 "publish" span，无论成败：保留 finish 它的那个 finally。'
		)
	),
	onSpan(
		run,
		PUBLISH_SERVER,
		marksError(
			run,
			PUBLISH_SERVER,
			text(
				'The publisher knows best what went wrong. In its catch block, mark its own span as failed too: span.setTag(Tags.ERROR, true).',
				'出了什么错，publisher 自己最清楚。在它的 catch 块里，把它自己的 span 也标记为失败：span.setTag(Tags.ERROR, true)。'
			)
		)
	),
	onSpan(
		run,
		PUBLISH_SERVER,
		logsError(
			run,
			PUBLISH_SERVER,
			text(
				"Log the error on the publisher's span as well, in the same catch: span.log({ event: 'error', 'error.object': err, message: err.message }).",
				"在同一个 catch 里，把这个错误也 log 到 publisher 的 span 上：span.log({ event: 'error', 'error.object': err, message: err.message })。"
			)
		)
	),
	traceCount(run, 1, text('A failed request is still one request: it should make one trace.', '失败的请求也还是一个请求：它应该只产生一条 trace。')),
	totalSpans(
		run,
		5,
		text(
			'Expected five spans: say-hello, formatString, format, printHello, publish. A span that is never finished is never reported: does every span finish on the failing path too?',
			'应该有五个 span：say-hello、formatString、format、printHello、publish。从未 finish 的 span 永远不会上报：在失败的路径上，每个 span 也都 finish 了吗？'
		)
	),
	noErrors(
		run,
		text(
			'Record the failure, then handle it: the publisher answers the 500 itself, and main already catches what reaches it — nothing needs to escape a service.',
			'先记录失败，再处理它：publisher 自己回复 500，main 也已经会捕获传到它那里的错误——没有什么需要逃出服务之外。'
		)
	)
]);

import { defineCheck, spanReported, hasTag, type RunOutput, requestCarriesSpan, tagMatches, text } from '$lib/checks';

// what the wire shows (no context, or another span's) comes from the shared helper; this adds the step's words
function injected(run: RunOutput, host: string, fn: string) {
	return requestCarriesSpan(run, host, { service: 'hello-world', operation: fn }, {
		none: text(
			'inject() only fills the object you give it: it does not reach fetch by itself.',
			'inject() 只会填写你交给它的对象：它自己不会传到 fetch 那里。'
		),
		other: text(`${fn}'s span made this call, so its context is the one to send.`, `这次调用是 ${fn} 的 span 发起的，所以要发送的正是它的 context。`),
		fallback: text(
			`No request reached ${host}: keep ${fn} calling it through httpGet.`,
			`没有请求到达 ${host}：让 ${fn} 继续通过 httpGet 调用它。`
		)
	});
}

export default defineCheck((run) => {
	const format = { service: 'hello-world', operation: 'formatString' };
	const print = { service: 'hello-world', operation: 'printHello' };
	return [
		spanReported(run, format, text('Keep the formatString span, and finish it after the call.', '保留 formatString span，并在调用之后结束它。')),
		spanReported(run, print, text('Keep the printHello span, and finish it after the call.', '保留 printHello span，并在调用之后结束它。')),
		injected(run, 'formatter', 'formatString'),
		injected(run, 'publisher', 'printHello'),
		hasTag(
			run,
			format,
			'span.kind',
			'client',
			text(
				"Tag formatString's span as the client side: span.setTag(Tags.SPAN_KIND, Tags.SPAN_KIND_RPC_CLIENT).",
				'用 tag 把 formatString 的 span 标记为客户端一侧：span.setTag(Tags.SPAN_KIND, Tags.SPAN_KIND_RPC_CLIENT)。'
			)
		),
		hasTag(
			run,
			print,
			'span.kind',
			'client',
			text("Tag printHello's span as the client side too: span.kind=client.", '把 printHello 的 span 也标记为客户端一侧：span.kind=client。')
		),
		hasTag(
			run,
			format,
			'http.method',
			'GET',
			text("Tag the method on formatString's span: span.setTag(Tags.HTTP_METHOD, 'GET').", "在 formatString 的 span 上用 tag 记下请求方法：span.setTag(Tags.HTTP_METHOD, 'GET')。")
		),
		tagMatches(
			run,
			format,
			'http.url',
			/^http:\/\/formatter:8081\/format\?helloTo=/,
			text('Tag the URL formatString called: span.setTag(Tags.HTTP_URL, url).', '用 tag 记下 formatString 调用的 URL：span.setTag(Tags.HTTP_URL, url)。')
		),
		tagMatches(
			run,
			print,
			'http.url',
			/^http:\/\/publisher:8082\/publish\?helloStr=/,
			text('Tag the URL printHello called: span.setTag(Tags.HTTP_URL, url).', '用 tag 记下 printHello 调用的 URL：span.setTag(Tags.HTTP_URL, url)。')
		)
	];
});

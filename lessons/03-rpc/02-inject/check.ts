import { defineCheck, spanReported, hasTag, type RunOutput, requestCarriesSpan, requestsTo, sentContext, tagMatches, text } from '$lib/checks';

function injected(run: RunOutput, host: string, fn: string) {
	const sent = requestsTo(run, host).some((r) => sentContext(r) !== null);
	return requestCarriesSpan(
		run,
		host,
		{ service: 'hello-world', operation: fn },
		sent
			? text(
					`The request to ${host} carries some other span's context: inject the context of ${fn}'s own span — it made the call — with tracer.inject(span.context(), FORMAT_HTTP_HEADERS, headers).`,
					`发往 ${host} 的请求带的是别的 span 的 context：用 tracer.inject(span.context(), FORMAT_HTTP_HEADERS, headers) 注入 ${fn} 自己的 span 的 context——这次调用是它发起的。`
				)
			: text(
					`The request to ${host} went out without an uber-trace-id header. inject() only fills the object you give it: pass that same headers object to fetch(url, { headers }).`,
					`发往 ${host} 的请求发出时没有 uber-trace-id 请求头。inject() 只会填写你交给它的对象：把同一个 headers 对象传给 fetch(url, { headers })。`
				)
	);
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

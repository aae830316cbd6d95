import { defineCheck, hasLog, type CheckItem, type RunOutput, requestsTo, sentContext, text } from '$lib/checks';
import { oneTraceAcrossServices, FORMAT_SERVER } from '../../03-rpc/shape';

/**
 * hello's last call to the formatter carries no context, so its "format" span starts a trace of its
 * own. The chapter's shape (one trace, five spans) is judged without it: without the latest
 * one-span format trace for each request that went out with no context.
 */
function withoutUntraced(run: RunOutput): RunOutput {
	const untraced = requestsTo(run, 'formatter').filter((r) => sentContext(r) === null).length;
	const lone = run.traces
		.filter((t) => t.spans.length === 1 && t.spans[0].operationName === 'format' && t.spans[0].references.length === 0)
		.sort((a, b) => b.spans[0].startTime - a.spans[0].startTime)
		.slice(0, untraced);
	return { ...run, traces: run.traces.filter((t) => !lone.includes(t)) };
}

export default defineCheck((run) => {
	const name = run.args[0] ?? 'Bryan';
	const greeting = run.args[1] ?? 'Hello';
	const expected = `${greeting}, ${name}!`;
	const urls = requestsTo(run, 'formatter').map((r) => decodeURIComponent(r.url));
	const noNewParameter: CheckItem = {
		label: text('the greeting reaches the formatter as baggage, not in its URL', '问候语作为 baggage 到达 formatter，而不是放在它的 URL 里'),
		ok: urls.length > 0 && urls.every((u) => !u.includes(greeting)),
		hint: text(
			`Leave the formatter's API alone — /format?helloTo=… — and let the greeting ride in the baggage: that no API has to change is the whole point.`,
			`别动 formatter 的 API——/format?helloTo=…——让问候语搭上 baggage 的便车：不必修改任何 API，正是这样做的意义所在。`
		)
	};
	// the fallback, exercised: hello's last request goes out with no context and no baggage
	const plain = requestsTo(run, 'formatter').find((r) => sentContext(r) === null && r.requestHeaders['uberctx-greeting'] === undefined);
	const fallback = `Hello, ${name}!`;
	const answered = plain?.status === 200 ? plain.responseBody : undefined;
	const fallbackItem: CheckItem = {
		label: text(`a request without baggage is answered "${fallback}"`, `不带 baggage 的请求得到的响应是 "${fallback}"`),
		ok: answered === fallback,
		hint: plain
			? text(
					`hello's last request carried no baggage, and the formatter answered ${answered === undefined ? `with status ${plain.status ?? 'none'}` : `"${answered}"`}. getBaggageItem returns undefined when nobody set the item: fall back to 'Hello' — span.getBaggageItem('greeting') ?? 'Hello'.`,
					`hello 的最后一个请求没有带 baggage，formatter 的响应是${answered === undefined ? `状态码 ${plain.status ?? '无'}` : ` "${answered}"`}。没有人设置这个项时，getBaggageItem 返回 undefined：请退回到 'Hello'——span.getBaggageItem('greeting') ?? 'Hello'。`
				)
			: text(
					"hello's last request — the one without tracing headers or baggage — did not reach the formatter: keep it, it is what tests your fallback to 'Hello'.",
					'hello 的最后一个请求——不带追踪请求头、也不带 baggage 的那个——没有到达 formatter：请保留它，它正是用来检验你退回到 \'Hello\' 的逻辑的。'
				)
	};
	const traced = withoutUntraced(run);
	return [
		hasLog(
			traced,
			FORMAT_SERVER,
			{ event: 'string-format', value: expected },
			text(
				`The formatter should build "${expected}": read the greeting with span.getBaggageItem('greeting') on its server span — a child of the extracted context, or it has no baggage — and fall back to 'Hello'.`,
				`formatter 应该构造出 "${expected}"：在它的服务端 span 上用 span.getBaggageItem('greeting') 读出问候语——这个 span 必须是提取出的 context 的子 span，否则它没有 baggage——读不到时退回到 'Hello'。`
			)
		),
		fallbackItem,
		noNewParameter,
		...oneTraceAcrossServices(
			traced,
			expected,
			text(
				`The publisher should print "${expected}": it prints whatever the formatter returned, so the formatter has to use the greeting from the baggage.`,
				`publisher 应该打印 "${expected}"：它打印的是 formatter 返回的内容，所以 formatter 必须使用 baggage 里的问候语。`
			)
		)
	];
});

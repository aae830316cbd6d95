import { defineCheck, hasLog, type CheckItem, requestsTo, text } from '$lib/checks';
import { oneTraceAcrossServices, FORMAT_SERVER } from '../../03-rpc/shape';

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
	return [
		hasLog(
			run,
			FORMAT_SERVER,
			{ event: 'string-format', value: expected },
			text(
				`The formatter should build "${expected}": read the greeting with span.getBaggageItem('greeting') on its server span — a child of the extracted context, or it has no baggage — and fall back to 'Hello'.`,
				`formatter 应该构造出 "${expected}"：在它的服务端 span 上用 span.getBaggageItem('greeting') 读出问候语——这个 span 必须是提取出的 context 的子 span，否则它没有 baggage——读不到时退回到 'Hello'。`
			)
		),
		noNewParameter,
		...oneTraceAcrossServices(
			run,
			expected,
			text(
				`The publisher should print "${expected}": it prints whatever the formatter returned, so the formatter has to use the greeting from the baggage.`,
				`publisher 应该打印 "${expected}"：它打印的是 formatter 返回的内容，所以 formatter 必须使用 baggage 里的问候语。`
			)
		)
	];
});

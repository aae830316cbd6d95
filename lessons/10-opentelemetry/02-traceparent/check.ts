import { allSpans, childOf, defineCheck, findSpan, requestsTo, sameTrace, sentTraceparent, spanReported, text, type CheckItem, type RunOutput } from '$lib/checks';

const CLIENT = { service: 'hello', operation: 'format-string' };
const SERVER = { service: 'formatter', operation: 'format' };

/** The request to the formatter carries a traceparent naming hello's client span, read from the wire. */
function wireCarriesClientSpan(run: RunOutput): CheckItem[] {
	const sent = requestsTo(run, 'formatter').map(sentTraceparent).filter((t) => t !== null);
	const client = findSpan(run, CLIENT);
	const present = {
		label: text('the request to formatter carries a traceparent header', '发往 formatter 的请求带着 traceparent 请求头'),
		ok: sent.length > 0
	};
	const label = text('that traceparent names hello\'s "format-string" span', '这个 traceparent 指向 hello 的 "format-string" span');
	if (sent.length === 0)
		return [
			{
				...present,
				hint: text(
					"No traceparent went out (open the Network panel, click the request to formatter:8081, look at its headers). The W3C propagator writes the context it is GIVEN, and context.active() holds no span unless you made one active: propagation.inject(trace.setSpan(context.active(), span), headers) — then pass that same object to fetch(url, { headers }).",
					'没有发出 traceparent（打开 Network 面板，点开发往 formatter:8081 的请求，看它的请求头）。W3C 传播器写入的是你“交给它”的 context，而除非你让某个 span 成为活跃 span，context.active() 里并没有 span：propagation.inject(trace.setSpan(context.active(), span), headers)——再把同一个对象传给 fetch(url, { headers })。'
				)
			},
			{ label, ok: false, hint: text('Nothing to read until a traceparent goes out (the item above).', '要先发出 traceparent，才有东西可读（见上一项）。') }
		];
	const ok = Boolean(client && sent.some((t) => t.spanId === client.span.spanID && t.traceId === client.span.traceID));
	if (ok) return [present, { label, ok }];
	const other = allSpans(run).find((f) => sent.some((t) => t.spanId === f.span.spanID));
	const hint = !client
		? text('hello\'s "format-string" span never reached Jaeger: keep it, and end it with span.end().', 'hello 的 "format-string" span 没有到达 Jaeger：保留它，并用 span.end() 结束它。')
		: other
			? text(
					`The traceparent's parent-id (its third field) is the id of ${other.service}'s "${other.span.operationName}" span, not of "format-string", which made the call: inject a context holding that span — trace.setSpan(context.active(), span).`,
					`traceparent 的 parent-id（第三段）是 ${other.service} 的 "${other.span.operationName}" span 的 id，而不是发起调用的 "format-string" 的：注入一个装着这个 span 的 context——trace.setSpan(context.active(), span)。`
				)
			: text(
					'The traceparent names a span that never reached Jaeger: inject a context holding the "format-string" span — trace.setSpan(context.active(), span) — and end that span.',
					'traceparent 指向一个从未到达 Jaeger 的 span：注入一个装着 "format-string" span 的 context——trace.setSpan(context.active(), span)——并结束这个 span。'
				);
	return [present, { label, ok, hint }];
}

export default defineCheck((run) => {
	const wire = wireCarriesClientSpan(run);
	const wireOk = wire.every((i) => i.ok);
	const serverHint = wireOk
		? text(
				"The request carried the right traceparent, yet formatter's span starts a trace of its own: a jaeger-style tracer reads uber-trace-id unless told otherwise — initTracer({ serviceName: 'formatter', …, propagation: 'w3c' }) — and the span must start with childOf: the extracted context.",
				"请求带着正确的 traceparent，formatter 的 span 却自己开了一条 trace：jaeger 风格的 tracer 默认读的是 uber-trace-id，除非另行指定——initTracer({ serviceName: 'formatter', …, propagation: 'w3c' })——而且 span 开始时要带上 childOf: 提取出来的 context。"
			)
		: text('First make hello send its span\'s traceparent (the items above); then formatter has something to continue.', '先让 hello 发出它的 span 的 traceparent（见上面几项）；这样 formatter 才有可以延续的东西。');
	return [
		spanReported(run, CLIENT, text('Keep hello\'s "format-string" span and end it with span.end().', '保留 hello 的 "format-string" span，并用 span.end() 结束它。')),
		spanReported(run, SERVER, text('Keep formatter\'s "format" span and finish it.', '保留 formatter 的 "format" span，并 finish 它。')),
		...wire,
		childOf(run, SERVER, CLIENT, serverHint),
		sameTrace(run, [CLIENT, SERVER], serverHint)
	];
});

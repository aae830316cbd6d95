// The finished shape of chapter 3, also judged in chapter 4: one trace, five spans, three services.
// Imported by the checks of the steps that end there.
import {
	childOf,
	clientPropagationHint,
	hasTag,
	isRoot,
	printed,
	spanReported,
	totalSpans,
	traceCount,
	type CheckItem,
	type CheckText,
	type RunOutput,
	servicesInTrace,
	text
} from '$lib/checks';

export const ROOT = { service: 'hello-world', operation: 'say-hello' };
export const FORMAT_CLIENT = { service: 'hello-world', operation: 'formatString' };
export const PRINT_CLIENT = { service: 'hello-world', operation: 'printHello' };
export const FORMAT_SERVER = { service: 'formatter', operation: 'format' };
export const PUBLISH_SERVER = { service: 'publisher', operation: 'publish' };

export function oneTraceAcrossServices(
	run: RunOutput,
	greeting: string,
	printHint: CheckText = text(`The publisher should print "${greeting}".`, `publisher 应该打印 "${greeting}"。`)
): CheckItem[] {
	// the wire says first whether the client sent the right context; only then is the server to blame
	const extractHint = (who: string, op: string, caller: { service: string; operation: string }) =>
		clientPropagationHint(run, who, caller) ??
		text(
			`${who}'s "${op}" span is not a child of the client's ${caller.operation} span, though the request carried its context: did the server extract the context from the request headers — tracer.extract(FORMAT_HTTP_HEADERS, req.headers) — and pass it as childOf?`,
			`${who} 的 "${op}" span 不是客户端 ${caller.operation} span 的子 span，可请求明明带着它的 context：服务端有没有从请求头里提取出 context——tracer.extract(FORMAT_HTTP_HEADERS, req.headers)——并把它作为 childOf 传入？`
		);
	return [
		printed(run, 'publisher', greeting, printHint),
		spanReported(
			run,
			FORMAT_SERVER,
			text('The formatter reports a "format" span for each request: start it, finish it.', 'formatter 会为每个请求上报一个 "format" span：启动它，并结束它。')
		),
		spanReported(
			run,
			PUBLISH_SERVER,
			text('The publisher reports a "publish" span for each request: start it, finish it.', 'publisher 会为每个请求上报一个 "publish" span：启动它，并结束它。')
		),
		isRoot(run, ROOT, text('say-hello is where the request starts: it has no parent.', 'say-hello 是请求的起点：它没有父 span。')),
		childOf(run, FORMAT_SERVER, FORMAT_CLIENT, extractHint('formatter', 'format', FORMAT_CLIENT)),
		childOf(run, PUBLISH_SERVER, PRINT_CLIENT, extractHint('publisher', 'publish', PRINT_CLIENT)),
		hasTag(
			run,
			FORMAT_SERVER,
			'span.kind',
			'server',
			text(
				"Mark the formatter's span as the server side: tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER }.",
				'把 formatter 的 span 标记为服务端一侧：tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER }。'
			)
		),
		hasTag(
			run,
			PUBLISH_SERVER,
			'span.kind',
			'server',
			text("Mark the publisher's span as the server side: span.kind=server.", '把 publisher 的 span 标记为服务端一侧：span.kind=server。')
		),
		traceCount(run, 1, text('One request through three services should make one trace.', '一个请求经过三个服务，应该只产生一条 trace。')),
		totalSpans(
			run,
			5,
			text('Expected five spans: say-hello, formatString, format, printHello, publish.', '应该有五个 span：say-hello、formatString、format、printHello、publish。')
		),
		servicesInTrace(
			run,
			ROOT,
			3,
			text('The trace should hold spans from hello-world, formatter and publisher.', '这条 trace 应该包含来自 hello-world、formatter 和 publisher 的 span。')
		)
	];
}

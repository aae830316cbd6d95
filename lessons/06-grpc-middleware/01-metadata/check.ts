import { childOf, defineCheck, isRoot, noErrors, printed, spanReported, text, totalSpans, traceCount } from '$lib/checks';
import { GET, clientSpan, metadataHint, serverSpan } from '../grpc';

const ROOT = { service: 'frontend', operation: 'show-customer' };

export default defineCheck((run) => [
	printed(
		run,
		'frontend',
		"Rachel's Floral Designs is at 115,277",
		text('The frontend should print the customer it got back: keep the call and the console.log.', 'frontend 应该打印它拿到的客户：保留这次调用和 console.log。')
	),
	spanReported(run, clientSpan(GET), text('Keep the client span of the call, and finish it.', '保留这次调用的客户端 span，并结束它。')),
	spanReported(run, serverSpan(GET), text('Keep the customer service\'s span for Get, and finish it.', '保留 customer 服务里 Get 的 span，并结束它。')),
	isRoot(run, ROOT, text('show-customer is where the request starts: it has no parent.', 'show-customer 是请求的起点：它没有父 span。')),
	childOf(run, clientSpan(GET), ROOT, text('Start the client span while show-customer is active, as the code does already.', '像代码里已经做的那样，在 show-customer 处于活跃状态时启动客户端 span。')),
	childOf(
		run,
		serverSpan(GET),
		clientSpan(GET),
		metadataHint(
			run,
			clientSpan(GET),
			text(
				"The call carried the client span's context, but the customer service's span does not continue it. On the server, call.metadata is a Metadata, not a plain object, so the tracer finds no keys in it: extract from call.metadata.getMap() — tracer.extract(FORMAT_TEXT_MAP, call.metadata.getMap()) — and pass the result as childOf.",
				'这次调用带着客户端 span 的 context，可 customer 服务的 span 没有延续它。在服务端，call.metadata 是一个 Metadata，而不是普通对象，tracer 在里面找不到任何键：从 call.metadata.getMap() 提取——tracer.extract(FORMAT_TEXT_MAP, call.metadata.getMap())——再把结果作为 childOf 传入。'
			)
		)
	),
	traceCount(run, 1, text('One call from the frontend to the customer service should make one trace.', '从 frontend 到 customer 服务的一次调用应该只产生一条 trace。')),
	totalSpans(run, 3, text('Expected three spans: show-customer, and the call\'s client and server spans.', '应该有三个 span：show-customer，以及这次调用的客户端 span 和服务端 span。')),
	noErrors(run, text('A service stopped with an error: read the Console.', '有服务因出错而停止：看看控制台。'))
]);

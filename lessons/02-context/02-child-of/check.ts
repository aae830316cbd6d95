import { defineCheck, printed, spanCount, isRoot, childOf, traceCount, text } from '$lib/checks';

export default defineCheck((run) => {
	const name = run.args[0] ?? 'Bryan';
	const root = { service: 'hello-world', operation: 'say-hello' };
	const format = { service: 'hello-world', operation: 'formatString' };
	const print = { service: 'hello-world', operation: 'printHello' };
	return [
		printed(run, 'hello', `Hello, ${name}!`, text('Keep printing the greeting from printHello.', '继续在 printHello 里打印问候语。')),
		spanCount(
			run,
			root,
			1,
			text(
				'Start say-hello once and pass that same span to both functions — a second say-hello means a function started a new root instead of using the one it was given.',
				'say-hello 只启动一次，并把同一个 span 传给两个函数——出现第二个 say-hello，说明有函数另起了一个新的根 span，而没有用传给它的那个。'
			)
		),
		isRoot(
			run,
			root,
			text('say-hello starts the trace, so it has no parent: start it without childOf.', 'say-hello 是 trace 的起点，所以它没有父 span：启动它时不要带 childOf。')
		),
		childOf(
			run,
			format,
			root,
			text(
				"formatString's span is not a child of say-hello: start it with tracer.startSpan('formatString', { childOf: rootSpan }), where rootSpan is the say-hello span.",
				"formatString 的 span 不是 say-hello 的子 span：用 tracer.startSpan('formatString', { childOf: rootSpan }) 启动它，其中 rootSpan 就是 say-hello span。"
			)
		),
		childOf(
			run,
			print,
			root,
			text(
				"printHello's span is not a child of say-hello: start it with { childOf: rootSpan } too.",
				'printHello 的 span 不是 say-hello 的子 span：同样用 { childOf: rootSpan } 启动它。'
			)
		),
		traceCount(
			run,
			1,
			text('Everything this program does is one request, so it should be one trace.', '这个程序做的所有事都属于同一个请求，所以应该只有一条 trace。')
		)
	];
});

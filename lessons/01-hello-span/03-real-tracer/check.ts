import { defineCheck, printed, spanCount, hasTag, findSpans, consoleMatches, text } from '$lib/checks';

export default defineCheck((run) => {
	const name = run.args[0] ?? 'Bryan';
	const elsewhere = findSpans(run, { operation: 'say-hello' }).find((f) => f.service !== 'hello-world');
	return [
		printed(
			run,
			'hello',
			`Hello, ${name}!`,
			text('Keep printing the greeting: the span wraps the work, it does not replace it.', '继续打印问候语：span 包住这段工作，而不是取代它。')
		),
		spanCount(
			run,
			{ service: 'hello-world', operation: 'say-hello' },
			1,
			elsewhere
				? text(
						`A "say-hello" span arrived from service "${elsewhere.service}": the service name is what you pass to initTracer — use 'hello-world'.`,
						`有一个 "say-hello" span 来自服务 "${elsewhere.service}"：服务名就是你传给 initTracer 的参数——请用 'hello-world'。`
					)
				: text(
						"No say-hello span reached Jaeger. Start it on the tracer initTracer('hello-world') returned (globalTracer() stays the no-op tracer unless you hand it a real one with initGlobalTracer), and call span.finish(): only finished spans are reported.",
						"没有 say-hello span 到达 Jaeger。请在 initTracer('hello-world') 返回的 tracer 上启动它（除非你用 initGlobalTracer 交给 globalTracer() 一个真正的 tracer，否则它始终是 no-op tracer），并调用 span.finish()：只有结束了的 span 才会上报。"
					)
		),
		consoleMatches(
			run,
			'hello',
			/^Reporting span [0-9a-f]+:[0-9a-f]+:0:[0-9a-f]+ hello-world\.say-hello$/,
			text('the Console shows "Reporting span … hello-world.say-hello"', '控制台里出现 "Reporting span … hello-world.say-hello"'),
			text(
				"Turn the logging reporter on: initTracer('hello-world') does, and the long form needs reporter: { logSpans: true }.",
				"打开 reporter 的日志输出：initTracer('hello-world') 会替你打开，完整的写法则需要 reporter: { logSpans: true }。"
			)
		),
		hasTag(
			run,
			{ service: 'hello-world', operation: 'say-hello' },
			'sampler.type',
			'const',
			text(
				"Use the const sampler (sampler: { type: 'const', param: 1 }) so that every trace is kept while you learn.",
				"使用 const 采样器（sampler: { type: 'const', param: 1 }），这样在学习期间每条 trace 都会被保留。"
			)
		)
	];
});

import { defineCheck, printed, spanReported, hasTag, hasLog, findSpans, tagValue, traceCount, text } from '$lib/checks';

export default defineCheck((run) => {
	const name = run.args[0] ?? 'Bryan';
	const greeting = `Hello, ${name}!`;
	const root = { service: 'hello-world', operation: 'say-hello' };
	const format = { service: 'hello-world', operation: 'formatString' };
	const print = { service: 'hello-world', operation: 'printHello' };
	const taggedElsewhere = [format, print].some((sel) => findSpans(run, sel).some((f) => tagValue(f, 'hello-to') !== undefined));
	return [
		printed(run, 'hello', greeting, text('printHello should print the greeting formatString built.', 'printHello 应该打印 formatString 构造出的问候语。')),
		spanReported(
			run,
			format,
			text(
				"Start a span named 'formatString' inside formatString and finish it before returning.",
				"在 formatString 内部启动一个名为 'formatString' 的 span，并在返回之前结束它。"
			)
		),
		spanReported(
			run,
			print,
			text("Start a span named 'printHello' inside printHello and finish it after printing.", "在 printHello 内部启动一个名为 'printHello' 的 span，并在打印之后结束它。")
		),
		spanReported(run, root, text('Keep the say-hello span around both calls, and finish it.', '保留包住这两次调用的 say-hello span，并结束它。')),
		traceCount(
			run,
			3,
			text(
				'This step ends with three traces: each function starts its span with no parent, so each span is a trace of its own. Connecting them is the next step — for now, start formatString and printHello without childOf and without an active span.',
				'这一步的结果应该是三条 trace：每个函数启动自己的 span 时都没有父 span，所以每个 span 各自成为一条 trace。把它们连起来是下一步的事——现在启动 formatString 和 printHello 时，既不要带 childOf，也不要有活动 span。'
			)
		),
		hasLog(
			run,
			format,
			{ event: 'string-format', value: greeting },
			text(
				"The string-format log moves with the work: log { event: 'string-format', value: helloStr } on formatString's span.",
				"string-format 这条 log 跟着工作一起搬走：在 formatString 的 span 上 log { event: 'string-format', value: helloStr }。"
			)
		),
		hasLog(
			run,
			print,
			{ event: 'println' },
			text("Log { event: 'println' } on printHello's span, after printing.", "打印之后，在 printHello 的 span 上 log { event: 'println' }。")
		),
		hasTag(
			run,
			root,
			'hello-to',
			name,
			taggedElsewhere
				? text(
						'The hello-to tag landed on a function’s span: it describes the whole request, so put it on say-hello.',
						'hello-to 这个 tag 落在了某个函数的 span 上：它描述的是整个请求，所以应该放在 say-hello 上。'
					)
				: text("Keep span.setTag('hello-to', helloTo) on say-hello.", "在 say-hello 上保留 span.setTag('hello-to', helloTo)。")
		)
	];
});

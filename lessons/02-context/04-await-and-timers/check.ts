import { defineCheck, printed, spanCount, childOf, traceCount, encloses, startsLater, text } from '$lib/checks';

export default defineCheck((run) => {
	const name = run.args[0] ?? 'Bryan';
	const root = { service: 'hello-world', operation: 'say-hello' };
	const format = { service: 'hello-world', operation: 'formatString' };
	const print = { service: 'hello-world', operation: 'printHello' };
	const lost = (fn: string) =>
		text(
			`${fn}'s span lost its parent. Activate say-hello before calling ${fn}, and keep that scope open while you await it — the active span follows awaits and timers on its own.`,
			`${fn} 的 span 丢了父 span。在调用 ${fn} 之前激活 say-hello，并在 await 它的期间让这个 scope 保持打开——活动 span 会自己跟着 await 和定时器走。`
		);
	return [
		printed(
			run,
			'hello',
			`Hello, ${name}!`,
			text('printHello should still print the greeting, now from its timer.', 'printHello 仍然应该打印问候语，只是现在改在它的定时器里打印。')
		),
		spanCount(run, root, 1, text('Start say-hello once in main, and finish it after both awaits.', '在 main 里只启动一次 say-hello，并在两次 await 之后结束它。')),
		startsLater(
			run,
			format,
			root,
			25,
			text(
				"formatString's span started right away: await sleep(30) inside formatString before it starts its span.",
				'formatString 的 span 一上来就启动了：在 formatString 里先 await sleep(30)，再启动它的 span。'
			)
		),
		childOf(run, format, root, lost('formatString')),
		childOf(run, print, root, lost('printHello')),
		encloses(
			run,
			root,
			format,
			text(
				'say-hello finished before formatString did: make main async and await formatString before span.finish().',
				'say-hello 在 formatString 之前就结束了：把 main 改成 async，并在 span.finish() 之前 await formatString。'
			)
		),
		encloses(
			run,
			root,
			print,
			text(
				'say-hello finished before printHello did: return a promise from printHello that resolves in the timer, and await it before span.finish().',
				'say-hello 在 printHello 之前就结束了：让 printHello 返回一个在定时器里 resolve 的 promise，并在 span.finish() 之前 await 它。'
			)
		),
		traceCount(run, 1, text('One request, one trace: every span should hang under say-hello.', '一个请求，一条 trace：每个 span 都应该挂在 say-hello 下面。'))
	];
});

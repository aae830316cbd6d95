import { defineCheck, printed, spanCount, isRoot, childOf, traceCount, text } from '$lib/checks';

export default defineCheck((run) => {
	const name = run.args[0] ?? 'Bryan';
	const root = { service: 'hello-world', operation: 'say-hello' };
	const format = { service: 'hello-world', operation: 'formatString' };
	const print = { service: 'hello-world', operation: 'printHello' };
	const hint = (fn: string) =>
		text(
			`${fn}'s span started a trace of its own: was say-hello active when ${fn} ran? Activate it first — using scope = tracer.activateSpan(span) — and keep the scope open until both calls have returned.`,
			`${fn} 的 span 自己开始了一条新的 trace：${fn} 运行时，say-hello 是活动 span 吗？先激活它——using scope = tracer.activateSpan(span)——并让这个 scope 一直保持打开，直到两次调用都已返回。`
		);
	return [
		printed(run, 'hello', `Hello, ${name}!`, text('Keep printing the greeting from printHello.', '继续在 printHello 里打印问候语。')),
		spanCount(run, root, 1, text('Start say-hello once, activate it, and finish it after both calls.', 'say-hello 只启动一次，激活它，并在两次调用之后结束它。')),
		isRoot(
			run,
			root,
			text(
				'say-hello starts the trace: start it before activating anything, so it has no parent.',
				'say-hello 是 trace 的起点：在激活任何 span 之前启动它，这样它就没有父 span。'
			)
		),
		childOf(run, format, root, hint('formatString')),
		childOf(run, print, root, hint('printHello')),
		traceCount(run, 1, text('One request, one trace: every span should hang under say-hello.', '一个请求，一条 trace：每个 span 都应该挂在 say-hello 下面。'))
	];
});

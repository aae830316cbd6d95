import { defineCheck, printed, spanCount, isRoot, childOf, traceCount } from '$lib/checks';

export default defineCheck((run) => {
	const name = run.args[0] ?? 'Bryan';
	const root = { service: 'hello-world', operation: 'say-hello' };
	const format = { service: 'hello-world', operation: 'formatString' };
	const print = { service: 'hello-world', operation: 'printHello' };
	const hint = (fn: string) =>
		`${fn}'s span started a trace of its own: was say-hello active when ${fn} ran? Activate it first — using scope = tracer.activateSpan(span) — and keep the scope open until both calls have returned.`;
	return [
		printed(run, 'hello', `Hello, ${name}!`, 'Keep printing the greeting from printHello.'),
		spanCount(run, root, 1, 'Start say-hello once, activate it, and finish it after both calls.'),
		isRoot(run, root, 'say-hello starts the trace: start it before activating anything, so it has no parent.'),
		childOf(run, format, root, hint('formatString')),
		childOf(run, print, root, hint('printHello')),
		traceCount(run, 1, 'One request, one trace: every span should hang under say-hello.')
	];
});

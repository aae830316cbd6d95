import { defineCheck, printed, spanCount, isRoot, childOf, traceCount } from '$lib/checks';

export default defineCheck((run) => {
	const name = run.args[0] ?? 'Bryan';
	const root = { service: 'hello-world', operation: 'say-hello' };
	const format = { service: 'hello-world', operation: 'formatString' };
	const print = { service: 'hello-world', operation: 'printHello' };
	return [
		printed(run, 'hello', `Hello, ${name}!`, 'Keep printing the greeting from printHello.'),
		spanCount(run, root, 1, 'Start say-hello once and pass that same span to both functions — a second say-hello means a function started a new root instead of using the one it was given.'),
		isRoot(run, root, 'say-hello starts the trace, so it has no parent: start it without childOf.'),
		childOf(run, format, root, "formatString's span is not a child of say-hello: start it with tracer.startSpan('formatString', { childOf: rootSpan }), where rootSpan is the say-hello span."),
		childOf(run, print, root, "printHello's span is not a child of say-hello: start it with { childOf: rootSpan } too."),
		traceCount(run, 1, 'Everything this program does is one request, so it should be one trace.')
	];
});

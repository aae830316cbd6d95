import { defineCheck, printed, spanCount, hasTag, findSpans, consoleMatches } from '$lib/checks';

export default defineCheck((run) => {
	const name = run.args[0] ?? 'Bryan';
	const elsewhere = findSpans(run, { operation: 'say-hello' }).find((f) => f.service !== 'hello-world');
	return [
		printed(run, 'hello', `Hello, ${name}!`, 'Keep printing the greeting: the span wraps the work, it does not replace it.'),
		spanCount(
			run,
			{ service: 'hello-world', operation: 'say-hello' },
			1,
			elsewhere
				? `A "say-hello" span arrived from service "${elsewhere.service}": the service name is what you pass to initTracer — use 'hello-world'.`
				: "No say-hello span reached Jaeger. Start it on the tracer initTracer('hello-world') returned (globalTracer() stays the no-op tracer unless you hand it a real one with initGlobalTracer), and call span.finish(): only finished spans are reported."
		),
		consoleMatches(
			run,
			'hello',
			/^Reporting span [0-9a-f]+:[0-9a-f]+:0:[0-9a-f]+ hello-world\.say-hello$/,
			'the Console shows "Reporting span … hello-world.say-hello"',
			"Turn the logging reporter on: initTracer('hello-world') does, and the long form needs reporter: { logSpans: true }."
		),
		hasTag(
			run,
			{ service: 'hello-world', operation: 'say-hello' },
			'sampler.type',
			'const',
			"Use the const sampler (sampler: { type: 'const', param: 1 }) so that every trace is kept while you learn."
		)
	];
});

import { defineCheck, printed, spanReported, hasTag, hasLog, findSpans, tagValue } from '$lib/checks';

export default defineCheck((run) => {
	const name = run.args[0] ?? 'Bryan';
	const greeting = `Hello, ${name}!`;
	const root = { service: 'hello-world', operation: 'say-hello' };
	const format = { service: 'hello-world', operation: 'formatString' };
	const print = { service: 'hello-world', operation: 'printHello' };
	const taggedElsewhere = [format, print].some((sel) => findSpans(run, sel).some((f) => tagValue(f, 'hello-to') !== undefined));
	return [
		printed(run, 'hello', greeting, 'printHello should print the greeting formatString built.'),
		spanReported(run, format, "Start a span named 'formatString' inside formatString and finish it before returning."),
		spanReported(run, print, "Start a span named 'printHello' inside printHello and finish it after printing."),
		spanReported(run, root, 'Keep the say-hello span around both calls, and finish it.'),
		hasLog(run, format, { event: 'string-format', value: greeting }, "The string-format log moves with the work: log { event: 'string-format', value: helloStr } on formatString's span."),
		hasLog(run, print, { event: 'println' }, "Log { event: 'println' } on printHello's span, after printing."),
		hasTag(
			run,
			root,
			'hello-to',
			name,
			taggedElsewhere
				? 'The hello-to tag landed on a function’s span: it describes the whole request, so put it on say-hello.'
				: "Keep span.setTag('hello-to', helloTo) on say-hello."
		)
	];
});

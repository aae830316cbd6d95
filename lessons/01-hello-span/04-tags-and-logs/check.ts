import { defineCheck, printed, spanReported, hasTag, hasLog } from '$lib/checks';

export default defineCheck((run) => {
	const name = run.args[0] ?? 'Bryan';
	const greeting = `Hello, ${name}!`;
	const span = { service: 'hello-world', operation: 'say-hello' };
	return [
		printed(run, 'hello', greeting, 'Keep printing the greeting.'),
		spanReported(run, span, 'The say-hello span did not arrive: is span.finish() still called, after the logs?'),
		hasTag(run, span, 'hello-to', name, `Tag the span with the name: span.setTag('hello-to', helloTo) — the key is hello-to and the value is "${name}".`),
		hasLog(
			run,
			span,
			{ event: 'string-format', value: greeting },
			"Log the formatted greeting with both fields: span.log({ event: 'string-format', value: helloStr }) — the event says what happened, value says with what."
		),
		hasLog(run, span, { event: 'println' }, "After printing, log span.log({ event: 'println' }) on the same span.")
	];
});

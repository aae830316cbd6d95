import { defineCheck, headerSent, hasLog } from '$lib/checks';

export default defineCheck((run) => {
	const greeting = run.args[1] ?? 'Hello';
	const wire = new RegExp(`^${encodeURIComponent(greeting).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
	return [
		headerSent(
			run,
			'formatter',
			'uberctx-greeting',
			wire,
			`The request to the formatter carries no greeting. Baggage travels only on requests made after it is set: call span.setBaggageItem('greeting', greeting) on say-hello before formatString runs.`
		),
		headerSent(run, 'publisher', 'uberctx-greeting', wire, 'The request to the publisher should carry the greeting too — set it on say-hello, the span both calls descend from.'),
		hasLog(
			run,
			{ service: 'hello-world', operation: 'say-hello' },
			{ event: 'baggage', key: 'greeting', value: greeting },
			`Set the baggage on the say-hello span itself, with the key 'greeting' and the value "${greeting}".`
		)
	];
});

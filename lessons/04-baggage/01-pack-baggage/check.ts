import { defineCheck, headerSent, hasLog, text } from '$lib/checks';

export default defineCheck((run) => {
	const greeting = run.args[1] ?? 'Hello';
	const wire = new RegExp(`^${encodeURIComponent(greeting).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
	return [
		headerSent(
			run,
			'formatter',
			'uberctx-greeting',
			wire,
			text(
				`The request to the formatter carries no greeting. Baggage travels only on requests made after it is set: call span.setBaggageItem('greeting', greeting) on say-hello before formatString runs.`,
				`发往 formatter 的请求没有带上问候语。baggage 只会随设置之后发出的请求传递：在 formatString 运行之前，在 say-hello 上调用 span.setBaggageItem('greeting', greeting)。`
			)
		),
		headerSent(
			run,
			'publisher',
			'uberctx-greeting',
			wire,
			text(
				'The request to the publisher should carry the greeting too — set it on say-hello, the span both calls descend from.',
				'发往 publisher 的请求也应该带上问候语——把它设置在 say-hello 上，两次调用都是这个 span 的后代。'
			)
		),
		hasLog(
			run,
			{ service: 'hello-world', operation: 'say-hello' },
			{ event: 'baggage', key: 'greeting', value: greeting },
			text(
				`Set the baggage on the say-hello span itself, with the key 'greeting' and the value "${greeting}".`,
				`把 baggage 设置在 say-hello span 本身上，键为 'greeting'，值为 "${greeting}"。`
			)
		)
	];
});

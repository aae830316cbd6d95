import { defineCheck, printed, spanReported, hasTag, hasLog, text } from '$lib/checks';

export default defineCheck((run) => {
	const name = run.args[0] ?? 'Bryan';
	const greeting = `Hello, ${name}!`;
	const span = { service: 'hello-world', operation: 'say-hello' };
	return [
		printed(run, 'hello', greeting, text('Keep printing the greeting.', '继续打印问候语。')),
		spanReported(
			run,
			span,
			text('The say-hello span did not arrive: is span.finish() still called, after the logs?', 'say-hello span 没有到达：在 log 之后还调用了 span.finish() 吗？')
		),
		hasTag(
			run,
			span,
			'hello-to',
			name,
			text(
				`Tag the span with the name: span.setTag('hello-to', helloTo) — the key is hello-to and the value is "${name}".`,
				`用名字给 span 打上 tag：span.setTag('hello-to', helloTo)——键是 hello-to，值是 "${name}"。`
			)
		),
		hasLog(
			run,
			span,
			{ event: 'string-format', value: greeting },
			text(
				"Log the formatted greeting with both fields: span.log({ event: 'string-format', value: helloStr }) — the event says what happened, value says with what.",
				"把构造好的问候语连同两个字段一起 log 下来：span.log({ event: 'string-format', value: helloStr })——event 说明发生了什么，value 说明涉及的值。"
			)
		),
		hasLog(
			run,
			span,
			{ event: 'println' },
			text("After printing, log span.log({ event: 'println' }) on the same span.", "打印之后，在同一个 span 上调用 span.log({ event: 'println' })。")
		)
	];
});

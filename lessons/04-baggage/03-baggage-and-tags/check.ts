import { defineCheck, hasTag, allSpans, tagValue, text } from '$lib/checks';
import { oneTraceAcrossServices, FORMAT_SERVER } from '../../03-rpc/shape';

export default defineCheck((run) => {
	const name = run.args[0] ?? 'Bryan';
	const greeting = run.args[1] ?? 'Hello';
	const elsewhere = allSpans(run).some((f) => f.span.operationName !== 'format' && tagValue(f, 'greeting') !== undefined);
	return [
		hasTag(
			run,
			FORMAT_SERVER,
			'greeting',
			greeting,
			elsewhere
				? text(
						"A greeting tag is there, but on another span: tags stay on the span they are set on, so put it on the formatter's format span, where the greeting is used.",
						'greeting tag 是有的，但在另一个 span 上：tag 只留在设置它的那个 span 上，所以要把它放在 formatter 的 format span 上——问候语正是在那里用到的。'
					)
				: text(
						`Tag the formatter's span with the greeting it used: span.setTag('greeting', greeting) — the value should be "${greeting}".`,
						`用 formatter 所用的问候语给它的 span 打上 tag：span.setTag('greeting', greeting)——值应该是 "${greeting}"。`
					)
		),
		...oneTraceAcrossServices(run, `${greeting}, ${name}!`)
	];
});

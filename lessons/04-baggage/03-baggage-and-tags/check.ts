import { defineCheck, hasTag, allSpans, tagValue } from '$lib/checks';
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
				? "A greeting tag is there, but on another span: tags stay on the span they are set on, so put it on the formatter's format span, where the greeting is used."
				: `Tag the formatter's span with the greeting it used: span.setTag('greeting', greeting) — the value should be "${greeting}".`
		),
		...oneTraceAcrossServices(run, `${greeting}, ${name}!`)
	];
});

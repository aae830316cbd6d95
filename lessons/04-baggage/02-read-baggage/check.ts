import { defineCheck, hasLog, type CheckItem, requestsTo } from '$lib/checks';
import { oneTraceAcrossServices, FORMAT_SERVER } from '../../03-rpc/shape';

export default defineCheck((run) => {
	const name = run.args[0] ?? 'Bryan';
	const greeting = run.args[1] ?? 'Hello';
	const expected = `${greeting}, ${name}!`;
	const urls = requestsTo(run, 'formatter').map((r) => decodeURIComponent(r.url));
	const noNewParameter: CheckItem = {
		label: 'the greeting reaches the formatter as baggage, not in its URL',
		ok: urls.length > 0 && urls.every((u) => !u.includes(greeting)),
		hint: `Leave the formatter's API alone — /format?helloTo=… — and let the greeting ride in the baggage: that no API has to change is the whole point.`
	};
	return [
		hasLog(
			run,
			FORMAT_SERVER,
			{ event: 'string-format', value: expected },
			`The formatter should build "${expected}": read the greeting with span.getBaggageItem('greeting') on its server span — a child of the extracted context, or it has no baggage — and fall back to 'Hello'.`
		),
		noNewParameter,
		...oneTraceAcrossServices(run, expected, `The publisher should print "${expected}": it prints whatever the formatter returned, so the formatter has to use the greeting from the baggage.`)
	];
});

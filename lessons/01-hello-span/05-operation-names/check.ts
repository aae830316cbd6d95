import { defineCheck, printed, spanCount, hasTag, operationExcludes } from '$lib/checks';

export default defineCheck((run) => {
	const name = run.args[0] ?? 'Bryan';
	const span = { service: 'hello-world', operation: 'say-hello' };
	return [
		printed(run, 'hello', `Hello, ${name}!`, 'Keep printing the greeting.'),
		operationExcludes(
			run,
			name,
			`An operation name still contains "${name}". Operation names are a fixed set: call the span exactly 'say-hello' and leave the name to the hello-to tag.`
		),
		spanCount(run, span, 1, "Name the span exactly 'say-hello' — nothing added to it — and finish it."),
		hasTag(run, span, 'hello-to', name, `Keep the name where it belongs: span.setTag('hello-to', helloTo).`)
	];
});

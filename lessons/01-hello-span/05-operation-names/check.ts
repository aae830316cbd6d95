import { defineCheck, printed, spanCount, hasTag, operationExcludes, text } from '$lib/checks';

export default defineCheck((run) => {
	const name = run.args[0] ?? 'Bryan';
	const span = { service: 'hello-world', operation: 'say-hello' };
	return [
		printed(run, 'hello', `Hello, ${name}!`, text('Keep printing the greeting.', '继续打印问候语。')),
		operationExcludes(
			run,
			name,
			text(
				`An operation name still contains "${name}". Operation names are a fixed set: call the span exactly 'say-hello' and leave the name to the hello-to tag.`,
				`仍有操作名包含 "${name}"。操作名是一个固定的小集合：span 就叫 'say-hello'，一字不差，名字交给 hello-to 这个 tag。`
			)
		),
		spanCount(
			run,
			span,
			1,
			text("Name the span exactly 'say-hello' — nothing added to it — and finish it.", "把 span 命名为 'say-hello'，一字不差——不附加任何东西——并结束它。")
		),
		hasTag(
			run,
			span,
			'hello-to',
			name,
			text(`Keep the name where it belongs: span.setTag('hello-to', helloTo).`, `把名字放在它该在的地方：span.setTag('hello-to', helloTo)。`)
		)
	];
});

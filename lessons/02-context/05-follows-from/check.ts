import { defineCheck, spanCount, spanReported, childOf, referenceType, sameTrace, findSpan } from '$lib/checks';

export default defineCheck((run) => {
	const root = { service: 'hello-world', operation: 'say-hello' };
	const cache = { service: 'hello-world', operation: 'cache-greeting' };
	const found = findSpan(run, cache);
	const isChild = Boolean(found?.span.references.some((r) => r.refType === 'CHILD_OF'));
	return [
		spanCount(run, root, 1, 'Keep one say-hello span as the root.'),
		spanReported(run, cache, 'The cache-greeting span never arrived: is it still started in the timer and finished?'),
		referenceType(
			run,
			cache,
			'FOLLOWS_FROM',
			isChild
				? "cache-greeting is still a ChildOf span. Start it with { references: [followsFrom(cause.context())] } — followsFrom comes from 'opentracing'."
				: "cache-greeting has no FollowsFrom reference: start it with { references: [followsFrom(cause.context())] }."
		),
		childOf(run, cache, root, 'cache-greeting should follow from say-hello: pass the say-hello span’s context to followsFrom.'),
		sameTrace(run, [root, cache], 'FollowsFrom keeps a span in the same trace: reference the say-hello span, do not start a new root.')
	];
});

import { defineCheck, spanCount, spanReported, followsFrom, referenceType, sameTrace, findSpan, text } from '$lib/checks';

export default defineCheck((run) => {
	const root = { service: 'hello-world', operation: 'say-hello' };
	const cache = { service: 'hello-world', operation: 'cache-greeting' };
	const found = findSpan(run, cache);
	const isChild = Boolean(found?.span.references.some((r) => r.refType === 'CHILD_OF'));
	return [
		spanCount(run, root, 1, text('Keep one say-hello span as the root.', '保留唯一的一个 say-hello span 作为根 span。')),
		spanReported(
			run,
			cache,
			text(
				'The cache-greeting span never arrived: is it still started in the timer and finished?',
				'cache-greeting span 一直没有到达：它还在定时器里启动、并且结束了吗？'
			)
		),
		referenceType(
			run,
			cache,
			'FOLLOWS_FROM',
			isChild
				? text(
						"cache-greeting is still a ChildOf span. Start it with { references: [followsFrom(cause.context())] } — followsFrom comes from 'opentracing'.",
						"cache-greeting 仍然是一个 ChildOf span。用 { references: [followsFrom(cause.context())] } 启动它——followsFrom 来自 'opentracing'。"
					)
				: text(
						'cache-greeting has no FollowsFrom reference: start it with { references: [followsFrom(cause.context())] }.',
						'cache-greeting 没有 FollowsFrom 引用：用 { references: [followsFrom(cause.context())] } 启动它。'
					)
		),
		followsFrom(
			run,
			cache,
			root,
			text(
				'cache-greeting should follow from say-hello: pass the say-hello span’s context to followsFrom.',
				'cache-greeting 的 FollowsFrom 引用应该指向 say-hello：把 say-hello span 的 context 传给 followsFrom。'
			)
		),
		sameTrace(
			run,
			[root, cache],
			text(
				'FollowsFrom keeps a span in the same trace: reference the say-hello span, do not start a new root.',
				'FollowsFrom 让 span 留在同一条 trace 里：引用 say-hello span，不要另起一个新的根 span。'
			)
		)
	];
});

import { defineCheck, findSpan, followsFrom, printed, sameTrace, spanReported, text } from '$lib/checks';
import { consumerKind, COOK, PLACE, PUBLISH, publishCarriesContext } from '../shape';

export default defineCheck((run) => {
	const cook = findSpan(run, COOK);
	const isRoot = Boolean(cook && cook.span.references.length === 0);
	return [
		printed(run, 'kitchen', `cooking ${run.args[0] ?? 'ramen'}`, text('The kitchen should still cook the order it takes off the queue.', '厨房应该照常烹制它从队列里取出的订单。')),
		spanReported(run, COOK, text('Keep the cook-order span for each message, and finish it.', '为每条消息保留 cook-order span，并结束它。')),
		publishCarriesContext(run),
		followsFrom(
			run,
			COOK,
			PUBLISH,
			isRoot
				? text(
						'cook-order has no reference at all, so it starts a trace of its own: extract the context from the message headers — tracer.extract(FORMAT_TEXT_MAP, msg.properties.headers) — and start cook-order with references: [followsFrom(parent)].',
						'cook-order 没有任何引用，于是自己另起了一条 trace：从消息头里提取 context——tracer.extract(FORMAT_TEXT_MAP, msg.properties.headers)——再用 references: [followsFrom(parent)] 启动 cook-order。'
					)
				: text(
						'The order was put on a queue and nobody waited for the kitchen: start cook-order with references: [followsFrom(parent)], parent being the context extracted from the message headers.',
						'订单被放进了队列，没有谁在等厨房：用 references: [followsFrom(parent)] 启动 cook-order，parent 就是从消息头里提取出的 context。'
					)
		),
		consumerKind(run),
		sameTrace(
			run,
			[PLACE, COOK],
			text('place-order and cook-order should end up in one trace: the message carried the context across the queue.', 'place-order 和 cook-order 应该落在同一条 trace 里：消息把 context 带过了队列。')
		)
	];
});

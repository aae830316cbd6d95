import { defineCheck, eachReferencesOwn, findSpans, printed, requestsTo, spanCount, tagValue, text, type CheckItem } from '$lib/checks';
import { COOK, PUBLISH } from '../shape';

export default defineCheck((run) => {
	const dishes = run.args.length ? run.args : ['ramen', 'udon', 'soba'];
	const cooks = findSpans(run, COOK);
	const kinds = cooks.map((f) => tagValue(f, 'span.kind'));
	const consumers: CheckItem = {
		label: text('every cook-order span has tag span.kind=consumer', '每个 cook-order span 都带有 tag span.kind=consumer'),
		ok: cooks.length > 0 && kinds.every((k) => k === 'consumer')
	};
	if (!consumers.ok)
		consumers.hint = text(
			`Found span.kind=${kinds.find((k) => k !== 'consumer') ?? '(none)'} on a cook-order span: start each one with tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_MESSAGING_CONSUMER }.`,
			`有个 cook-order span 的 span.kind=${kinds.find((k) => k !== 'consumer') ?? '（无）'}：启动每一个时都加上 tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_MESSAGING_CONSUMER }。`
		);
	// one stove: with prefetch(1) the broker hands over the next order only after the last was acked
	const byStart = cooks.map((f) => f.span).sort((a, b) => a.startTime - b.startTime);
	const overlap = byStart.some((s, i) => i > 0 && s.startTime < byStart[i - 1].startTime + byStart[i - 1].duration);
	const oneAtATime: CheckItem = {
		label: text('the kitchen cooks one order at a time', '厨房一次只烹制一份订单'),
		ok: cooks.length > 1 && !overlap
	};
	// basic.qos on the wire says whether prefetch was set; then the ack came too early
	const prefetched = requestsTo(run, 'rabbitmq').some((r) => r.from === 'kitchen' && r.method === 'basic.qos' && /"prefetchCount":1[,}]/.test(r.requestBody));
	if (!oneAtATime.ok && prefetched && cooks.length > 1)
		oneAtATime.hint = text(
			'The cook-order spans overlap although prefetch is 1: the kitchen acks a message as soon as it arrives, so the broker sends the next one at once. Ack each message only after it is cooked.',
			'虽然 prefetch 是 1，几个 cook-order span 在时间上还是重叠了：厨房一收到消息就 ack，于是 broker 立刻送来下一条。每条消息都等烹制完成之后再 ack。'
		);
	else if (!oneAtATime.ok)
		oneAtATime.hint = text(
			'The cook-order spans overlap: the broker delivered every order at once. Call await ch.prefetch(1) before consume, and ack each message only after it is cooked.',
			'几个 cook-order span 在时间上重叠了：broker 把所有订单一下子都投递了过来。在 consume 之前调用 await ch.prefetch(1)，并且每条消息都等烹制完成之后再 ack。'
		);
	return [
		...dishes.map((d, i) =>
			printed(run, 'kitchen', `A${i + 1}: ${d} is ready`, text('Keep cooking every order and printing when it is ready.', '继续烹制每一份订单，做好时打印出来。'))
		),
		spanCount(run, COOK, dishes.length, text('One cook-order span for each message: start one in the handler, every time, and finish it.', '每条消息对应一个 cook-order span：在处理函数里每次都启动一个，并结束它。')),
		eachReferencesOwn(run, COOK, PUBLISH, 'order.id', 'FOLLOWS_FROM', {
			missing: text('No cook-order span arrived: start one for each message and finish it.', '一个 cook-order span 也没有到达：为每条消息启动一个，并结束它。'),
			none: text(
				'a cook-order span references no publish-order: extract the context from that message’s headers and start cook-order with references: [followsFrom(parent)].',
				'有 cook-order span 没有引用任何 publish-order：从这条消息的消息头里提取 context，再用 references: [followsFrom(parent)] 启动 cook-order。'
			),
			other: text(
				'a cook-order span follows from another order’s publish-order. Each message carries its own context: extract it from msg.properties.headers inside the handler, for every message — never keep the first one.',
				'有 cook-order span 引用的是另一份订单的 publish-order。每条消息都带着自己的 context：在处理函数里、对每一条消息都从 msg.properties.headers 提取——绝不要留着第一条的。'
			),
			type: text(
				'a cook-order span is a ChildOf its publish-order; nobody waited for the kitchen, so make it FollowsFrom: references: [followsFrom(parent)].',
				'有 cook-order span 以 ChildOf 引用了它的 publish-order；没有谁在等厨房，所以改成 FollowsFrom：references: [followsFrom(parent)]。'
			)
		}),
		consumers,
		oneAtATime
	];
});

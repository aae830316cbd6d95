// Spans and hints chapter 5's RabbitMQ steps share: order publishes to the queue "orders", kitchen consumes.
import { findSpan, hasTag, messageCarriesSpan, tagValue, text, type CheckItem, type RunOutput, type SpanSelector } from '$lib/checks';

export const PLACE = { service: 'order', operation: 'place-order' };
export const PUBLISH = { service: 'order', operation: 'publish-order' };
export const COOK = { service: 'kitchen', operation: 'cook-order' };
export const QUEUE = 'orders';

/** span.kind=producer on the publishing span; when it says consumer, the hint says which side sends. */
export function producerKind(run: RunOutput, sel: SpanSelector = PUBLISH): CheckItem {
	const f = findSpan(run, sel);
	const kind = f && tagValue(f, 'span.kind');
	return hasTag(
		run,
		sel,
		'span.kind',
		'producer',
		kind === 'consumer'
			? text(
					`${sel.operation} is tagged span.kind=consumer, but it is the side that sends the message: the producer. Use Tags.SPAN_KIND_MESSAGING_PRODUCER.`,
					`${sel.operation} 被标成了 span.kind=consumer，可它是发送消息的一方：producer（生产者）。请用 Tags.SPAN_KIND_MESSAGING_PRODUCER。`
				)
			: text(
					`Mark ${sel.operation} as the producer, in the options you start it with: tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_MESSAGING_PRODUCER }.`,
					`在启动 ${sel.operation} 的选项里把它标记为 producer：tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_MESSAGING_PRODUCER }。`
				)
	);
}

/** span.kind=consumer on the consuming span. */
export function consumerKind(run: RunOutput, sel: SpanSelector = COOK): CheckItem {
	const f = findSpan(run, sel);
	const kind = f && tagValue(f, 'span.kind');
	return hasTag(
		run,
		sel,
		'span.kind',
		'consumer',
		kind === 'producer' || kind === 'server'
			? text(
					`${sel.operation} is tagged span.kind=${kind}: the side that receives a message from a queue is the consumer — Tags.SPAN_KIND_MESSAGING_CONSUMER.`,
					`${sel.operation} 被标成了 span.kind=${kind}：从队列里接收消息的一方是 consumer（消费者）——Tags.SPAN_KIND_MESSAGING_CONSUMER。`
				)
			: text(
					`Mark ${sel.operation} as the consumer when you start it: tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_MESSAGING_CONSUMER }.`,
					`启动 ${sel.operation} 时把它标记为 consumer：tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_MESSAGING_CONSUMER }。`
				)
	);
}

/** message_bus.destination names the queue, not the broker. */
export function destination(run: RunOutput, sel: SpanSelector, queue: string, broker: string): CheckItem {
	const f = findSpan(run, sel);
	const v = f && tagValue(f, 'message_bus.destination');
	return hasTag(
		run,
		sel,
		'message_bus.destination',
		queue,
		v !== undefined && String(v).includes(broker)
			? text(
					`message_bus.destination is "${v}", the broker's address; it names where the message goes inside it — the queue "${queue}".`,
					`message_bus.destination 是 "${v}"，这是 broker 的地址；它该写的是消息在 broker 里的去处——队列 "${queue}"。`
				)
			: text(
					`Tag ${sel.operation} with the queue it sends to: [Tags.MESSAGE_BUS_DESTINATION]: '${queue}'.`,
					`给 ${sel.operation} 打上它发往的队列：[Tags.MESSAGE_BUS_DESTINATION]: '${queue}'。`
				)
	);
}

/** The message on the queue carried publish-order's context in its headers. */
export function publishCarriesContext(run: RunOutput, sel: SpanSelector = PUBLISH): CheckItem {
	return messageCarriesSpan(run, 'rabbitmq', sel, {
		none: text(
			`No message reached rabbitmq with an uber-trace-id header: inject ${sel.operation}'s context into an object and pass that object as the headers of the message — ch.sendToQueue('orders', content, { headers }).`,
			`没有哪条到达 rabbitmq 的消息带着 uber-trace-id 头：把 ${sel.operation} 的 context 注入到一个对象里，再把这个对象作为消息的 headers 传入——ch.sendToQueue('orders', content, { headers })。`
		),
		inBody: text(
			'The context travels in the message body, where only code that parses your payload can find it: put it in the message headers — the options argument, { headers } — which every consumer and every tracing library reads.',
			'context 放在了消息体里，只有解析你的负载的代码才能找到它：把它放进消息头——选项参数里的 { headers }——每个消费者、每个追踪库读的都是那里。'
		),
		other: text(
			`${sel.operation}'s span sends the message, so its own context is the one to inject: tracer.inject(span.context(), …).`,
			`发送这条消息的是 ${sel.operation} 的 span，所以要注入的是它自己的 context：tracer.inject(span.context(), …)。`
		),
		fallback: text('No message reached rabbitmq: keep publishing the order to the queue.', '没有消息到达 rabbitmq：继续把订单发布到队列里。')
	});
}

// ── the Redis steps: order pushes receipt jobs onto the list "receipts", mailer pops them ──
export const ENQUEUE = { service: 'order', operation: 'enqueue-receipt' };
export const SEND = { service: 'mailer', operation: 'send-receipt' };
export const LIST = 'receipts';

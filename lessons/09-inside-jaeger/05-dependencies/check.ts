import { allSpans, callsBetween, defineCheck, dependencyEdges, messageCarriesSpan, text, type Localized, type RunOutput } from '$lib/checks';
import { item } from '../wire';

const MESSAGES = 3;
const PUBLISH = { service: 'order', operation: 'publish-order' };

/** Why the order → kitchen edge is missing or miscounted, read from kitchen's spans and their references. */
function whyNoEdge(run: RunOutput, calls: number): Localized {
	const spans = allSpans(run);
	const kitchen = spans.filter((f) => f.service === 'kitchen');
	const publishes = new Set(spans.filter((f) => f.service === 'order' && f.span.operationName === 'publish-order').map((f) => f.span.spanID));
	const cooks = spans.filter((f) => f.span.operationName === 'cook-order');
	if (kitchen.length === 0 && cooks.length > 0)
		return text(
			`cook-order is reported by service ${cooks[0].service}: the job counts a call only where parent and child spans belong to different services. The consumer's tracer is initTracer('kitchen').`,
			`cook-order 是由服务 ${cooks[0].service} 上报的：只有父 span 和子 span 属于不同服务时，job 才会记一次调用。消费端的 tracer 应该是 initTracer('kitchen')。`
		);
	if (calls > MESSAGES)
		return text(
			`${calls} calls order → kitchen for ${MESSAGES} messages: more than one kitchen span per message references order's span. Only the message's outermost span (handle-message) should; cook-order is its child inside kitchen.`,
			`${MESSAGES} 条消息却有 ${calls} 次 order → kitchen 调用：每条消息有不止一个 kitchen span 引用了 order 的 span。只有消息最外层的 span（handle-message）应该引用它；cook-order 是它在 kitchen 内部的子 span。`
		);
	const crossTrace = kitchen.some((f) => f.span.references.some((r) => r.traceID !== f.span.traceID && publishes.has(r.spanID)));
	if (crossTrace)
		return text(
			"cook-order references order's publish span, but it lives in handle-message's trace: a reference into another trace draws no edge (the job reads one trace at a time, and takes a CHILD_OF before a FOLLOWS_FROM). Make the first kitchen span, handle-message, continue the producer's trace: extract the context and start it followsFrom (or childOf) it.",
			'cook-order 引用了 order 的发布 span，但它属于 handle-message 的 trace：指向另一条 trace 的引用画不出边（job 一次只读一条 trace，而且先看 CHILD_OF，再看 FOLLOWS_FROM）。让 kitchen 的第一个 span——handle-message——延续生产者的 trace：extract 出 context，再以它为 followsFrom（或 childOf）开始这个 span。'
		);
	return text(
		"No kitchen span references a span of order: handle-message starts a trace of its own. Extract the producer's context from msg.properties.headers and start handle-message followsFrom it — then the job finds order → kitchen.",
		'没有任何 kitchen span 引用 order 的 span：handle-message 自己开始了一条新 trace。从 msg.properties.headers 里 extract 出生产者的 context，再以它为 followsFrom 开始 handle-message——这样 job 才能找到 order → kitchen。'
	);
}

export default defineCheck((run) => {
	const calls = callsBetween(run, 'order', 'kitchen');
	const edges = dependencyEdges(run)
		.map((l) => `${l.parent} → ${l.child} (${l.callCount})`)
		.join(', ');
	const cooked = allSpans(run).filter((f) => f.span.operationName === 'cook-order').length;
	return [
		messageCarriesSpan(run, 'rabbitmq', PUBLISH, {
			none: text(
				"order's messages carried no trace context: inject publish-order's context into the headers you send.",
				'order 的消息没有带 trace context：把 publish-order 的 context inject 到发送的 headers 里。'
			),
			other: text('Inject the context of the publish-order span itself.', '要 inject 的是 publish-order 这个 span 自己的 context。'),
			fallback: text("order published nothing to rabbitmq: keep the three sendToQueue calls.", 'order 没有向 rabbitmq 发布任何消息：保留那三次 sendToQueue。')
		}),
		item(
			text(`every order was cooked (${cooked} of ${MESSAGES} cook-order spans)`, `每个订单都做好了（${MESSAGES} 个 cook-order span 中的 ${cooked} 个）`),
			cooked === MESSAGES,
			text(`Keep one cook-order span per message (${cooked} arrived).`, `每条消息保留一个 cook-order span（到达了 ${cooked} 个）。`)
		),
		item(
			text(
				`the Dependencies show order → kitchen with one call per message (${calls} of ${MESSAGES}; edges: ${edges || 'none'})`,
				`Dependencies 显示 order → kitchen，每条消息一次调用（${MESSAGES} 次中的 ${calls} 次；边：${edges || '无'}）`
			),
			calls === MESSAGES,
			whyNoEdge(run, calls)
		)
	];
});

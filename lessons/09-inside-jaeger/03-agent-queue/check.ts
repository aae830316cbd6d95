import { allSpans, defineCheck, text, type Localized, type RunOutput } from '$lib/checks';
import { item, lostReports, refusedBatch } from '../wire';

const ORDERS = 800;
const SPANS = ORDERS * 5;

/** Spans of `orders` whose parent (or any referenced span) never reached Jaeger. */
function orphans(run: RunOutput): number {
	const spans = allSpans(run).filter((f) => f.service === 'orders');
	const ids = new Set(spans.map((f) => f.span.spanID));
	return spans.filter((f) => f.span.references.some((r) => !ids.has(r.spanID))).length;
}

/** Why spans went missing: the sender's own failures first, then the agent's full queue. */
function whyMissing(run: RunOutput, arrived: number): Localized {
	const lost = lostReports(run, 'orders')[0];
	if (lost)
		return text(
			`orders sent its spans to ${lost.to} (${lost.why}): the agent is jaeger-agent:6831, the collector's HTTP endpoint http://jaeger-collector:14268/api/traces.`,
			`orders 把 span 发到了 ${lost.to}（${lost.why}）：agent 是 jaeger-agent:6831，collector 的 HTTP 地址是 http://jaeger-collector:14268/api/traces。`
		);
	const refused = refusedBatch(run, 'orders');
	if (refused)
		return text(
			`The collector answered ${refused.status} at ${refused.url} (orders' console): its span endpoint is http://jaeger-collector:14268/api/traces.`,
			`collector 在 ${refused.url} 返回了 ${refused.status}（见 orders 的 Console）：它接收 span 的地址是 http://jaeger-collector:14268/api/traces。`
		);
	return text(
		`${arrived} of ${SPANS} spans arrived: the agent dropped whole packets. Its queue (agent.queueSize in jaeger.yml) counts packets, and the burst sends about forty at once — the Backend panel shows jaeger_agent_thrift_udp_server_packets_dropped_total climbing. Give the agent room (queueSize: 1000 is Jaeger's default) or skip it with the HTTP sender (collectorEndpoint). A bigger collector queue changes nothing: these packets die before they reach the collector.`,
		`${SPANS} 个 span 里只到了 ${arrived} 个：agent 把整个数据包丢掉了。它的队列（jaeger.yml 里的 agent.queueSize）按数据包计数，而这次突发一下子发出四十来个包——Backend 面板里 jaeger_agent_thrift_udp_server_packets_dropped_total 一路上涨。给 agent 足够的空间（Jaeger 的默认值是 queueSize: 1000），或者用 HTTP sender（collectorEndpoint）绕过它。调大 collector 的队列没有任何用：这些数据包还没到 collector 就已经丢了。`
	);
}

export default defineCheck((run) => {
	const spans = allSpans(run).filter((f) => f.service === 'orders');
	const roots = spans.filter((f) => f.span.operationName === 'process-order').length;
	const broken = orphans(run);
	const burst = run.console.some((l) => l.service === 'orders' && l.text === `${ORDERS} orders processed`);
	return [
		item(
			text(`the batch still processes all ${ORDERS} orders at once`, `这一批仍然同时处理全部 ${ORDERS} 个订单`),
			burst,
			text(
				`The burst is the point: keep the ${ORDERS} orders and their five spans each — fix the pipeline, not the load.`,
				`突发流量正是要点：保留 ${ORDERS} 个订单、每个五个 span——要修的是管道，不是负载。`
			)
		),
		item(text(`all ${SPANS} spans reached Jaeger (${spans.length})`, `全部 ${SPANS} 个 span 都到达了 Jaeger（${spans.length} 个）`), spans.length === SPANS, whyMissing(run, spans.length)),
		item(
			text(`every trace is whole: no span whose parent never arrived (${broken})`, `每条 trace 都完整：没有父 span 缺失的 span（${broken} 个）`),
			broken === 0,
			text(
				`${broken} spans point at a parent that never arrived — the Traces tab titles such traces <trace-without-root-span>. A packet carries spans of many traces, so one dropped packet breaks all of them. ${whyMissing(run, spans.length).en}`,
				`${broken} 个 span 指向一个从未到达的父 span——Traces 标签页会把这样的 trace 命名为 <trace-without-root-span>。一个数据包里装着许多条 trace 的 span，所以丢掉一个包就会把它们全都弄坏。${whyMissing(run, spans.length)['zh-CN']}`
			)
		),
		item(
			text(`one root "process-order" per order (${roots} of ${ORDERS})`, `每个订单一个根 span "process-order"（${ORDERS} 个中的 ${roots} 个）`),
			roots === ORDERS,
			text(
				`${roots} of ${ORDERS} process-order roots arrived: they finish last, so they travel in the burst's last packets — the ones a full agent queue drops first.`,
				`${ORDERS} 个 process-order 根 span 只到了 ${roots} 个：它们最后结束，所以装在这次突发的最后几个数据包里——正是 agent 队列满了时最先被丢掉的那些。`
			)
		)
	];
});

import { allSpans, defineCheck, requestsTo, sentContext, tagValue, text, type CheckItem, type CheckText } from '$lib/checks';
import { failedHint } from '../counts';

const line = (label: CheckText, ok: boolean, hint: () => CheckText): CheckItem => (ok ? { label, ok } : { label, ok, hint: hint() });
const orderOf = (url: string) => /[?&]order=(\d+)/.exec(url)?.[1] ?? '?';

export default defineCheck((run) => {
	const toFrontend = requestsTo(run, 'frontend');
	const asked = toFrontend.filter((r) => r.requestHeaders['jaeger-debug-id'] !== undefined);
	const otherName = toFrontend.map((r) => Object.keys(r.requestHeaders).find((k) => k !== 'jaeger-debug-id' && /debug/.test(k))).find((k) => k !== undefined);
	const crafted = toFrontend.find((r) => r.requestHeaders['uber-trace-id'] !== undefined);
	const roots = allSpans(run).filter((f) => f.service === 'frontend' && f.span.operationName === 'checkout');
	const root = roots[0];
	const debugId = root ? tagValue(root, 'jaeger-debug-id') : undefined;
	const toInventory = requestsTo(run, 'inventory').map(sentContext).filter((c) => c !== null);
	const debugCall = toInventory.find((c) => (parseInt(c.flags, 16) & 3) === 3);
	const reserve = allSpans(run).find((f) => f.service === 'inventory' && f.span.operationName === 'reserve');
	const sendIt = text(
		"Send order 7's request with the header jaeger-debug-id — fetch(url, { headers: { 'jaeger-debug-id': 'order-7' } }) — and no other request with it.",
		"给订单 7 的请求带上请求头 jaeger-debug-id——fetch(url, { headers: { 'jaeger-debug-id': 'order-7' } })——其他请求都不要带。"
	);
	return [
		line(text('only order 7 asked for a trace', '只有订单 7 请求了 trace'), asked.length === 1 && orderOf(asked[0].url) === '7', () => {
			if (asked.length > 1)
				return text(
					`The debug header went with ${asked.length} requests (orders ${asked.map((r) => orderOf(r.url)).join(', ')}): each one forces a trace past the sampler. Send it with order 7's request only.`,
					`debug 请求头随 ${asked.length} 个请求一起发了出去（订单 ${asked.map((r) => orderOf(r.url)).join('、')}）：每一个都会绕过采样器强制产生一条 trace。只给订单 7 的请求带上它。`
				);
			if (asked.length === 1)
				return text(`The debug id went with order ${orderOf(asked[0].url)}'s request, not order 7's.`, `debug id 跟着订单 ${orderOf(asked[0].url)} 的请求发了出去，而不是订单 7 的。`);
			if (otherName)
				return text(
					`A request carried "${otherName}", a header the tracer does not know: the name jaeger-client reads is exactly jaeger-debug-id. ${sendIt.en}`,
					`有个请求带着 "${otherName}"，tracer 并不认识这个请求头：jaeger-client 读取的名字正是 jaeger-debug-id。${sendIt['zh-CN']}`
				);
			if (crafted)
				return text(
					`A request carried a hand-made uber-trace-id: that continues a trace that does not exist, with nothing to say why it was kept. ${sendIt.en}`,
					`有个请求带着手工拼出来的 uber-trace-id：这会延续一条并不存在的 trace，也说明不了它为什么被保留。${sendIt['zh-CN']}`
				);
			return failedHint(run, 'curl') ?? sendIt;
		}),
		line(
			text(`one trace, rooted at frontend's checkout, tagged jaeger-debug-id (${roots.length} checkout span(s))`, `一条 trace，根 span 是 frontend 的 checkout，带有 tag jaeger-debug-id（${roots.length} 个 checkout span）`),
			run.traces.length === 1 && roots.length === 1 && root.span.references.length === 0 && debugId !== undefined && (root.span.flags & 2) === 2,
			() =>
				roots.length === 0
					? text(`No trace at all: the frontend samples nothing by itself (const 0). ${sendIt.en}`, `一条 trace 都没有：frontend 自己什么都不采样（const 0）。${sendIt['zh-CN']}`)
					: roots.length > 1
						? text(`${roots.length} checkout traces arrived: only the request with the debug id should be traced.`, `到达了 ${roots.length} 条 checkout trace：只有带 debug id 的请求应该被追踪。`)
						: text(
								'The checkout span is not a debug root: it should start the trace (no parent), with the tag jaeger-debug-id the tracer adds when it reads the header. Let the frontend extract the incoming headers as they are.',
								'这个 checkout span 不是 debug 根 span：它应该开启这条 trace（没有父 span），并带有 tracer 读到请求头时加上的 tag jaeger-debug-id。让 frontend 原样提取收到的请求头。'
							)
		),
		line(
			text("inventory's reserve is in the same trace: the debug flag (3) travelled on", 'inventory 的 reserve 在同一条 trace 里：debug 标志（3）继续传了下去'),
			Boolean(debugCall && reserve && root && reserve.span.traceID === root.span.traceID),
			() =>
				text(
					"The frontend's call to inventory should carry uber-trace-id ending in :3 (sampled + debug) and inventory report its reserve span under it: keep the frontend's inject and inventory's extract.",
					'frontend 对 inventory 的调用应该带着以 :3（已采样 + debug）结尾的 uber-trace-id，inventory 则在它下面上报 reserve span：保留 frontend 的 inject 和 inventory 的 extract。'
				)
		)
	];
});

import { allSpans, clientPropagationHint, defineCheck, parentOf, requestsTo, sentContext, text, type CheckItem, type CheckText } from '$lib/checks';
import { failedHint, rootsOf } from '../counts';

const line = (label: CheckText, ok: boolean, hint: () => CheckText): CheckItem => (ok ? { label, ok } : { label, ok, hint: hint() });

export default defineCheck((run) => {
	const contexts = requestsTo(run, 'inventory').map(sentContext);
	const sent = contexts.filter((c) => c !== null);
	const unsampled = sent.filter((c) => (parseInt(c.flags, 16) & 1) === 0);
	const sampled = sent.length - unsampled.length;
	const strip = (id: string) => id.replace(/^0+/, '');
	const unsampledIds = new Set(unsampled.map((c) => c.traceId));
	const leaked = allSpans(run).filter((f) => unsampledIds.has(strip(f.span.traceID)));
	const ownRoots = rootsOf(run, 'inventory');
	const reserves = allSpans(run).filter((f) => f.service === 'inventory' && f.span.operationName === 'reserve');
	const linked = reserves.filter((f) => parentOf(run, f)?.span.operationName === 'reserve-stock');
	return [
		line(
			text(`every request to inventory carried uber-trace-id (${sent.length} of ${contexts.length})`, `每个发往 inventory 的请求都带着 uber-trace-id（${contexts.length} 个中的 ${sent.length} 个）`),
			contexts.length === 16 && sent.length === 16,
			() =>
				failedHint(run, 'shop') ??
				clientPropagationHint(run, 'inventory', { service: 'shop', operation: 'reserve-stock' }) ??
				text('The shop sends 16 reserve requests, each with the context of its reserve-stock span: keep the inject.', 'shop 发出 16 个 reserve 请求，每个都带着它的 reserve-stock span 的 context：保留 inject。')
		),
		line(
			text(`the shop left some checkouts unsampled: flags 0 on the wire (${unsampled.length} of ${sent.length})`, `shop 有一些 checkout 没有采样：线上的 flags 为 0（${sent.length} 个中的 ${unsampled.length} 个）`),
			unsampled.length > 0,
			() =>
				text(
					"Every request carried flags 1: keep the shop's sampler at probabilistic 0.5 — this step is about what happens to the requests it does not sample. (Half of 16 are a coin toss each: if it happened by chance, run again.)",
					'每个请求的 flags 都是 1：让 shop 的采样器保持 probabilistic 0.5——这一步讲的正是它没有采样的请求会怎样。（16 个中的每一个都是单独抛硬币：如果只是碰巧，再运行一次。）'
				)
		),
		line(text(`inventory started no trace of its own (${ownRoots.length})`, `inventory 没有自己另起 trace（${ownRoots.length} 条）`), ownRoots.length === 0, () =>
			text(
				`inventory started ${ownRoots.length} trace(s) of its own, for requests whose uber-trace-id ended in :0 (open the Network panel). Those traces hold inventory's half of a request and nothing of the shop's: a partial trace no one can follow. Always continue the caller's context — childOf the extracted context, whatever its flag — and the sampled flag travels on: a child of an unsampled span is not sampled.`,
				`inventory 自己另起了 ${ownRoots.length} 条 trace，对应的请求的 uber-trace-id 以 :0 结尾（打开 Network 面板看看）。这些 trace 只有请求在 inventory 的那一半，没有 shop 的任何部分：一条谁也跟不下去的残缺 trace。始终延续调用方的 context——不管 flag 是什么，都用 childOf 指向提取出来的 context——采样标志就会继续传下去：未采样 span 的子 span 也不会被采样。`
			)
		),
		line(
			text(`nothing reported for the ${unsampled.length} unsampled checkouts`, `那 ${unsampled.length} 次未采样的 checkout 什么都没有上报`),
			leaked.length === 0,
			() =>
				text(
					`${leaked.length} span(s) arrived in traces the shop did not sample: each such trace shows inventory's reserve under a parent that never arrives. The decision was made at the root; downstream, leave it — no sampling.priority, no sampler of its own.`,
					`有 ${leaked.length} 个 span 出现在 shop 没有采样的 trace 里：每条这样的 trace 都显示 inventory 的 reserve 挂在一个永远不会到达的父 span 下面。决定已经在根 span 处做出了；下游就别去改它——不要设置 sampling.priority，也不要用自己的采样器。`
				)
		),
		line(
			text(`each sampled checkout has inventory's reserve under its reserve-stock (${linked.length} of ${sampled})`, `每次被采样的 checkout 里，inventory 的 reserve 都挂在它的 reserve-stock 下（${sampled} 个中的 ${linked.length} 个）`),
			sampled > 0 && linked.length === sampled && reserves.length === sampled,
			() =>
				failedHint(run, 'inventory') ??
				text(
					"inventory's reserve span should be a child of the shop's reserve-stock span in every sampled checkout: start it with childOf: tracer.extract(FORMAT_HTTP_HEADERS, req.headers).",
					'在每次被采样的 checkout 里，inventory 的 reserve span 都应该是 shop 的 reserve-stock span 的子 span：启动它时用 childOf: tracer.extract(FORMAT_HTTP_HEADERS, req.headers)。'
				)
		)
	];
});

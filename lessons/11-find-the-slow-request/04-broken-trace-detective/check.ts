import { defineCheck, findSpans, noErrors, parentOf, tagValue, text, type CheckItem, type CheckText, type FoundSpan, type RunOutput, type SpanSelector } from '$lib/checks';

/** each program handles three orders, reports or files */
const EACH = 3;
/** a child may start or end this much outside its parent before it counts as skew: the VM's clock is 2.5 s off */
const SKEW_TOLERANCE_US = 100_000;

const RESERVE = { service: 'stock', operation: 'reserve' };
const RESERVE_CALL = { service: 'shop', operation: 'reserve-stock' };
const CHARGE = { service: 'billing', operation: 'charge' };
const CHARGE_CALL = { service: 'shop', operation: 'charge-card' };
const RENDER = { service: 'mailer', operation: 'render-email' };
const RECEIPT = { service: 'mailer', operation: 'send-receipt' };
const QUERY = { service: 'reports', operation: 'query' };
const REPORT = { service: 'reports', operation: 'report' };
const FILE = { service: 'nightly', operation: 'import-file' };
const IMPORT = { service: 'nightly', operation: 'nightly-import' };
const EXPORT = { service: 'export', operation: 'export-tables' };
const TABLE = { service: 'export', operation: 'export-table' };
const MANIFEST = { service: 'export', operation: 'write-manifest' };
/** the export's spans: its root, one per table, the manifest */
const EXPORT_SPANS = 1 + EACH + 1;

const is = (f: FoundSpan | undefined, sel: SpanSelector) => f !== undefined && f.service === sel.service && f.span.operationName === sel.operation;
const orphan = (run: RunOutput, f: FoundSpan) => f.span.references.length > 0 && !parentOf(run, f);
const sameTag = (a: FoundSpan, b: FoundSpan, key: string) => String(tagValue(a, key)) === String(tagValue(b, key));

/** How the program's spans sit: under the right parent, with no parent, under one that never arrived, or elsewhere. */
function placement(run: RunOutput, child: SpanSelector, right: (f: FoundSpan, parent: FoundSpan | undefined) => boolean) {
	const spans = findSpans(run, child);
	const placed = spans.filter((f) => right(f, parentOf(run, f)));
	return {
		spans,
		placed,
		roots: spans.filter((f) => f.span.references.length === 0).length,
		orphans: spans.filter((f) => orphan(run, f)).length,
		ok: spans.length === EACH && placed.length === EACH
	};
}

function item(label: CheckText, ok: boolean, hint: CheckText): CheckItem {
	return ok ? { label, ok } : { label, ok, hint };
}

const missing = (what: string, whatZh: string, n: number) =>
	text(`${n} of ${EACH} ${what} spans arrived: keep the program doing all its work, and its spans.`, `${EACH} 个 ${whatZh} span 只到了 ${n} 个：让程序把活都干完，span 也都留着。`);

function missingInject(run: RunOutput): CheckItem {
	const p = placement(run, RESERVE, (_, parent) => is(parent, RESERVE_CALL));
	const label = text(`stock's reserve spans continue shop's traces, each under its reserve-stock call (${p.placed.length} of ${EACH})`, `stock 的 reserve span 延续了 shop 的 trace，各自挂在发起它的 reserve-stock 调用下（${EACH} 个中有 ${p.placed.length} 个）`);
	const hint =
		p.spans.length < EACH
			? missing('reserve', 'reserve', p.spans.length)
			: p.roots > 0
				? text(
						`${p.roots} of stock's reserve spans have no parent: each starts a trace of its own, cut off from the checkout. The request carried no trace context — in the Network panel the GET /reserve requests have no uber-trace-id header: shop's reserveStock starts a span but never injects it into the headers it sends. Do what chargeCard does.`,
						`stock 的 reserve span 有 ${p.roots} 个没有父 span：每个都自己开了一条 trace，和结账断开了。请求没有带上 trace context——在 Network 面板里，GET /reserve 请求没有 uber-trace-id 请求头：shop 的 reserveStock 开了 span，却从没把它注入到发出去的请求头里。照 chargeCard 的做法来。`
					)
				: text(
						"stock's reserve spans hang under another span than the reserve-stock call that sent them: inject that call's own span — tracer.inject(span, FORMAT_HTTP_HEADERS, headers) — and send those headers.",
						'stock 的 reserve span 挂在了别的 span 下面，而不是发出请求的 reserve-stock 调用：注入这次调用自己的 span——tracer.inject(span, FORMAT_HTTP_HEADERS, headers)——并把这些请求头发出去。'
					);
	return item(label, p.ok, hint);
}

function clockSkew(run: RunOutput): CheckItem {
	const spans = findSpans(run, CHARGE);
	const under = spans.map((f) => ({ f, parent: parentOf(run, f) })).filter((x) => is(x.parent, CHARGE_CALL));
	const early = under.map(({ f, parent }) => parent!.span.startTime - f.span.startTime).filter((us) => us > SKEW_TOLERANCE_US);
	const late = under
		.map(({ f, parent }) => f.span.startTime + f.span.duration - (parent!.span.startTime + parent!.span.duration))
		.filter((us) => us > SKEW_TOLERANCE_US);
	const ok = spans.length === EACH && under.length === EACH && early.length === 0 && late.length === 0;
	const label = text(
		`billing's charge spans sit inside the charge-card calls that caused them, in time as in the tree (${under.length - early.length - late.length} of ${EACH})`,
		`billing 的 charge span 落在引起它们的 charge-card 调用之内，时间上和树结构上都是（${EACH} 个中有 ${under.length - early.length - late.length} 个）`
	);
	const ms = (us: number[]) => Math.round(Math.max(...us) / 1000);
	const hint =
		spans.length < EACH
			? missing('charge', 'charge', spans.length)
			: under.length < EACH
				? text(
						"billing's charge spans are not under shop's charge-card calls: keep the injected headers on the request and billing's extract.",
						'billing 的 charge span 没有挂在 shop 的 charge-card 调用下：保留请求上注入的请求头，以及 billing 那边的 extract。'
					)
				: early.length > 0
					? text(
							`billing's charge spans start up to ${ms(early)} ms before the call that caused them — a span cannot start before its cause. That is clock skew: billing's host clock disagrees with shop's (in the trace view, each charge bar is drawn left of its parent's). The spans are stamped with lib/vm-clock.ts, which reads 2.5 s behind; fix the clock, not the spans — set the VM's time right (here: no drift).`,
							`billing 的 charge span 最多比引起它们的调用早 ${ms(early)} ms 开始——span 不可能在它的起因之前开始。这就是时钟偏差（clock skew）：billing 主机的时钟和 shop 的不一致（在 trace 视图里，每个 charge 条都画在它父 span 的左边）。这些 span 的时间戳来自 lib/vm-clock.ts，它慢了 2.5 秒；要修的是时钟，不是 span——把虚拟机的时间校准（在这里：不要漂移）。`
						)
					: text(
							`billing's charge spans end up to ${ms(late)} ms after the call that waited for them had returned: billing's clock is now ahead of shop's — clock skew the other way. The VM's clock should agree with the other hosts', not be pushed past them: no drift at all.`,
							`billing 的 charge span 最多在等待它们的调用返回之后 ${ms(late)} ms 才结束：billing 的时钟现在比 shop 的快了——方向相反的时钟偏差。虚拟机的时钟应当和其他主机一致，而不是被拨到它们前面：完全不要漂移。`
						);
	return item(label, ok, hint);
}

function lostContext(run: RunOutput): CheckItem {
	const p = placement(run, RENDER, (f, parent) => is(parent, RECEIPT) && sameTag(f, parent!, 'order'));
	const label = text(`mailer's render-email spans are each under the send-receipt of their order (${p.placed.length} of ${EACH})`, `mailer 的 render-email span 各自挂在同一订单的 send-receipt 下（${EACH} 个中有 ${p.placed.length} 个）`);
	const hint =
		p.spans.length < EACH
			? missing('render-email', 'render-email', p.spans.length)
			: p.roots + p.orphans > 0
				? text(
						`${p.roots + p.orphans} of mailer's render-email spans have no parent in their trace: the context was lost where the job crossed the queue. The worker loop in lib/queue.ts started with the service, before any request, and runs each job in its own context, where no span is active — so "the active span as parent" finds nothing. Hand the job its parent: childOf: span, or activate the span inside the job.`,
						`mailer 的 render-email span 有 ${p.roots + p.orphans} 个在自己的 trace 里没有父 span：context 在任务穿过队列的地方丢了。lib/queue.ts 里的 worker 循环在服务启动时、任何请求之前就开始了，它在自己的 context 里运行每个任务，那里没有活跃的 span——所以"以活跃 span 为父"什么也找不到。把父 span 交给任务：childOf: span，或者在任务里激活这个 span。`
					)
				: text(
						"mailer's render-email spans hang under another order's send-receipt: give each job the span of the receipt that queued it.",
						'mailer 的 render-email span 挂在了别的订单的 send-receipt 下：给每个任务传入把它放进队列的那个 receipt 的 span。'
					);
	return item(label, p.ok, hint);
}

function wrongParent(run: RunOutput): CheckItem {
	const p = placement(run, QUERY, (f, parent) => is(parent, REPORT) && sameTag(f, parent!, 'report.name'));
	const label = text(`reports' query spans are each under their own report (${p.placed.length} of ${EACH})`, `reports 的 query span 各自挂在自己的 report 下（${EACH} 个中有 ${p.placed.length} 个）`);
	const wrong = p.spans.filter((f) => is(parentOf(run, f), REPORT) && !p.placed.includes(f));
	const names = [...new Set(wrong.map((f) => String(tagValue(parentOf(run, f)!, 'report.name'))))].join(', ');
	const hint =
		p.spans.length < EACH
			? missing('query', 'query', p.spans.length)
			: wrong.length > 0
				? text(
						`${wrong.length} of reports' query spans hang under the wrong report (${names}): one module variable holds "the current report", and the three reports are built at once, so by the time a query starts it holds whichever report started last. A span's parent cannot live in a shared variable when work overlaps: pass each report's span to its query.`,
						`reports 的 query span 有 ${wrong.length} 个挂在了错误的 report 下（${names}）：一个模块级变量保存着"当前的 report"，而三个 report 是同时构建的，所以等 query 开始时，它里面放的是最后开始的那个 report。工作互相重叠时，span 的父 span 不能放在共享变量里：把每个 report 的 span 传给它的 query。`
					)
				: text(
						`${p.spans.length - p.placed.length} of reports' query spans are not under a report at all: pass each report's span to its query as childOf.`,
						`reports 的 query span 有 ${p.spans.length - p.placed.length} 个根本不在任何 report 下：把每个 report 的 span 作为 childOf 传给它的 query。`
					);
	return item(label, p.ok, hint);
}

function unfinishedRoot(run: RunOutput): CheckItem {
	const roots = findSpans(run, IMPORT);
	const p = placement(run, FILE, (_, parent) => is(parent, IMPORT));
	const ok = roots.length === 1 && p.ok;
	const label = text(`nightly's import-file spans are under a reported nightly-import (${p.placed.length} of ${EACH})`, `nightly 的 import-file span 都挂在已上报的 nightly-import 下（${EACH} 个中有 ${p.placed.length} 个）`);
	const hint =
		p.spans.length < EACH
			? missing('import-file', 'import-file', p.spans.length)
			: roots.length === 0
				? text(
						`nightly's import-file spans point at a parent that never arrived (${p.orphans} orphans: their parent is not in the trace, so the view shows them at the top level). nightly-import was never finished, so never reported: the return on the empty file leaves main before root.finish(). Finish the root on every way out — in a finally.`,
						`nightly 的 import-file span 指向一个从未到达的父 span（${p.orphans} 个孤儿 span：它们的父 span 不在 trace 里，所以视图把它们显示在最上层）。nightly-import 从没 finish，所以从没上报：遇到空文件时的 return 在 root.finish() 之前就离开了 main。在每一条退出路径上都结束根 span——放在 finally 里。`
					)
				: text(
						`${p.spans.length - p.placed.length} of nightly's import-file spans are not under nightly-import: start each with childOf the root, and finish the root once, last.`,
						`nightly 的 import-file span 有 ${p.spans.length - p.placed.length} 个不在 nightly-import 下：每个都以根 span 为 childOf 开始，根 span 最后只 finish 一次。`
					);
	return item(label, ok, hint);
}

function exitBeforeFlush(run: RunOutput): CheckItem {
	const roots = findSpans(run, EXPORT);
	const manifests = findSpans(run, MANIFEST);
	const tables = placement(run, TABLE, (_, parent) => is(parent, EXPORT));
	const arrived = roots.length + manifests.length + tables.spans.length;
	const placed = tables.ok && manifests.length === 1 && is(parentOf(run, manifests[0]), EXPORT);
	const ok = roots.length === 1 && placed;
	const ran = run.console.some((l) => l.service === 'export' && l.text.includes(`exported ${EACH} tables`));
	const label = text(
		`export's spans all arrived: export-tables with its export-table spans and write-manifest under it (${arrived} of ${EXPORT_SPANS})`,
		`export 的 span 全部到达：export-tables，以及它下面的 export-table span 和 write-manifest（${EXPORT_SPANS} 个中到了 ${arrived} 个）`
	);
	const hint = !ran
		? text(
				`export never printed "exported ${EACH} tables": keep the job doing all its work, and its spans.`,
				`export 没有打印 "exported ${EACH} tables"：让这个任务把活都干完，span 也都留着。`
			)
		: roots.length === 0 && manifests.length > 0
			? text(
					`export-tables never arrived, though the spans under it did (${tables.orphans + manifests.length} orphans): it was finished after the tracer was closed, or never — nothing after process.exit runs. Finish every span, then await tracer.close(), then exit.`,
					`export-tables 从没到达，可它下面的 span 都到了（${tables.orphans + manifests.length} 个孤儿 span）：它是在 tracer 关闭之后才 finish 的，或者根本没 finish——process.exit 之后的代码一行也不会运行。先 finish 每一个 span，再 await tracer.close()，最后才退出。`
				)
			: arrived < EXPORT_SPANS
				? text(
						`${arrived} of export's ${EXPORT_SPANS} spans arrived, and the last ones finished are missing: the job exited before the tracer flushed. The reporter keeps finished spans in a buffer and sends it every second (flushIntervalMs) and on close; process.exit ends the program at once, and whatever is still in the buffer is lost — the Console says export exited with code 0, yet Search has no whole export trace. A shorter flushIntervalMs only narrows the window. Wait for the flush: await tracer.close() before process.exit(0).`,
						`export 的 ${EXPORT_SPANS} 个 span 只到了 ${arrived} 个，最后 finish 的那几个不见了：这个任务在 tracer 刷新（flush）之前就退出了。reporter 把已结束的 span 放在缓冲区里，每秒（flushIntervalMs）发送一次，关闭时也会发送；process.exit 让程序立刻结束，缓冲区里剩下的 span 就丢了——控制台显示 export 以代码 0 退出，Search 里却找不到完整的 export trace。把 flushIntervalMs 调小只是让窗口变窄。等 flush 完成：在 process.exit(0) 之前 await tracer.close()。`
					)
				: text(
						"export's export-table and write-manifest spans are not all under export-tables: start each with childOf the root.",
						'export 的 export-table 和 write-manifest span 没有都挂在 export-tables 下：每个都以根 span 为 childOf 开始。'
					);
	return item(label, ok, hint);
}

export default defineCheck((run) => [
	missingInject(run),
	clockSkew(run),
	lostContext(run),
	wrongParent(run),
	unfinishedRoot(run),
	exitBeforeFlush(run),
	noErrors(run, text('A program stopped with an error: the Console says where.', '有程序因错误而停下了：控制台里写着出错的位置。'))
]);

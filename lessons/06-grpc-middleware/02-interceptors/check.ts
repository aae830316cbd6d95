import {
	allSpans,
	defineCheck,
	errorSpans,
	findSpans,
	logsOf,
	parentOf,
	printed,
	tagValue,
	text,
	totalSpans,
	traceCount,
	type CheckItem,
	type FoundSpan,
	type RunOutput
} from '$lib/checks';
import { GET, LIST, clientSpan, metadataHint, serverSpan } from '../grpc';

const ROOT = { service: 'frontend', operation: 'show-customers' };
const SIDES = {
	client: { service: 'frontend', kind: 'client', where: text('the client interceptor', '客户端拦截器'), name: 'method' },
	server: { service: 'customer', kind: 'server', where: text('the server interceptor', '服务端拦截器'), name: 'call.getPath()' }
} as const;
type Side = keyof typeof SIDES;

const rpcSpans = (run: RunOutput, side: Side): FoundSpan[] =>
	allSpans(run).filter((f) => f.service === SIDES[side].service && f.span.operationName !== ROOT.operation);

/** Each method traced exactly once per call, named by its full method, on one side of the call. */
function tracedOnce(run: RunOutput, side: Side, operation: string, calls: number): CheckItem {
	const s = SIDES[side];
	const n = findSpans(run, { service: s.service, operation }).length;
	const label = text(
		`${s.service} reports one "${operation}" span per call (${calls})`,
		`${s.service} 每次调用上报一个 "${operation}" span（共 ${calls} 个）`
	);
	if (n === calls) return { label, ok: true };
	const names = [...new Set(rpcSpans(run, side).map((f) => f.span.operationName))].filter((o) => o !== GET && o !== LIST);
	const hint =
		n > calls
			? text(
					`${n} "${operation}" spans for ${calls} call${calls > 1 ? 's' : ''}: the call is traced twice. Now that ${s.where.en} traces every call, take the span you started by hand out of the method's own code.`,
					`${calls} 次调用却有 ${n} 个 "${operation}" span：这个调用被追踪了两次。既然${s.where['zh-CN']}已经追踪每一次调用，就把方法自己代码里手动启动的 span 去掉。`
				)
			: names.length > 0
				? text(
						`${s.service} reported spans named ${names.map((o) => `"${o}"`).join(', ')}: name the span after the full method, /package.Service/Method — in ${s.where.en} that is ${s.name}.`,
						`${s.service} 上报的 span 名为 ${names.map((o) => `"${o}"`).join('、')}：要用完整的方法名 /package.Service/Method 给 span 命名——在${s.where['zh-CN']}里就是 ${s.name}。`
					)
				: text(
						`Start a span in ${s.where.en}, named ${s.name}, and finish it when the call is over, so every method is traced — not only the one you traced by hand.`,
						`在${s.where['zh-CN']}里启动一个 span，用 ${s.name} 命名，并在调用结束时结束它，这样每个方法都会被追踪——而不只是你手动追踪过的那一个。`
					);
	return { label, ok: false, hint };
}

/** Every span of one side carries span.kind and component=gRPC. */
function tagged(run: RunOutput, side: Side): CheckItem {
	const s = SIDES[side];
	const spans = rpcSpans(run, side);
	const label = text(`every ${s.service} call span has span.kind=${s.kind} and component=gRPC`, `${s.service} 的每个调用 span 都带有 span.kind=${s.kind} 和 component=gRPC`);
	const bad = spans.find((f) => tagValue(f, 'span.kind') !== s.kind || tagValue(f, 'component') !== 'gRPC');
	if (spans.length > 0 && !bad) return { label, ok: true };
	return {
		label,
		ok: false,
		hint: text(
			`Give every span ${s.where.en} starts the tags span.kind=${s.kind} (Tags.SPAN_KIND_RPC_${s.kind.toUpperCase()}) and component=gRPC${bad ? ` — "${bad.span.operationName}" lacks one` : ''}.`,
			`给${s.where['zh-CN']}启动的每个 span 都打上 tag span.kind=${s.kind}（Tags.SPAN_KIND_RPC_${s.kind.toUpperCase()}）和 component=gRPC${bad ? `——"${bad.span.operationName}" 缺了其中一个` : ''}。`
		)
	};
}

/** Every server span is a ChildOf child of a client span of the same method. */
function serverUnderClient(run: RunOutput): CheckItem {
	const label = text("every customer span is a child of the frontend's span for the same call", 'customer 的每个 span 都是 frontend 同一次调用的 span 的子 span');
	const servers = rpcSpans(run, 'server');
	const orphan = servers.find((f) => {
		const p = parentOf(run, f);
		return !p || p.service !== 'frontend' || p.span.operationName !== f.span.operationName;
	});
	if (servers.length > 0 && !orphan) return { label, ok: true };
	const op = orphan?.span.operationName ?? GET;
	return {
		label,
		ok: false,
		hint: metadataHint(
			run,
			clientSpan(op),
			text(
				`The calls carried the client's context, but "${op}" on the customer side does not continue it: in the server interceptor, extract from call.metadata.getMap() and start the span with childOf.`,
				`这些调用带着客户端的 context，可 customer 一侧的 "${op}" 没有延续它：在服务端拦截器里，从 call.metadata.getMap() 提取，再用 childOf 启动 span。`
			)
		)
	};
}

/** The client spans hang under show-customers, which was active when the calls were made. */
function clientsUnderRoot(run: RunOutput): CheckItem {
	const label = text('every frontend call span is a child of show-customers', 'frontend 的每个调用 span 都是 show-customers 的子 span');
	const clients = rpcSpans(run, 'client');
	const ok = clients.length > 0 && clients.every((f) => parentOf(run, f)?.span.operationName === ROOT.operation);
	return ok
		? { label, ok }
		: {
				label,
				ok,
				hint: text(
					'Start the client span without ignoring the active span: show-customers is active while main makes its calls, and the interceptor runs inside that call, so tracer.startSpan(method, { tags }) finds it as the parent.',
					'启动客户端 span 时不要忽略活跃的 span：main 发起调用时 show-customers 处于活跃状态，而拦截器就在这次调用里运行，所以 tracer.startSpan(method, { tags }) 会把它找来作为父 span。'
				)
			};
}

/** The NOT_FOUND call is marked on the client: error=true and a log that says what failed. */
function clientError(run: RunOutput): CheckItem {
	const label = text('the frontend marks the failed Get call: error=true and an error log', 'frontend 标出了失败的 Get 调用：error=true 和一条错误 log');
	const errs = errorSpans(run).filter((f) => f.service === 'frontend');
	let hint;
	if (errs.length === 0)
		hint = text(
			"Get for customer 999 failed with NOT_FOUND, yet no frontend span says so. next() rejects when the status is not OK: catch it in the client interceptor, span.setTag(Tags.ERROR, true), log { event: 'error', message: err.details }, and throw it again.",
			"对客户 999 的 Get 以 NOT_FOUND 失败了，可 frontend 的 span 都没有体现。状态不是 OK 时 next() 会 reject：在客户端拦截器里 catch 它，span.setTag(Tags.ERROR, true)，记一条 log { event: 'error', message: err.details }，再把它重新抛出。"
		);
	else if (errs.length > 1 || errs[0].span.operationName !== GET)
		hint = text(
			`${errs.length} frontend spans are marked error=true (${errs.map((f) => f.span.operationName).join(', ')}), but only one call failed: set the tag in the catch, where a call's rejection lands — not on every span.`,
			`frontend 有 ${errs.length} 个 span 被标记为 error=true（${errs.map((f) => f.span.operationName).join('、')}），可只有一次调用失败了：在 catch 里设置这个 tag，那里才是调用被 reject 时到达的地方——不要给每个 span 都打上。`
		);
	else if (!logsOf(errs[0]).some((l) => l.event === 'error' && ('message' in l || 'error.object' in l)))
		hint = text(
			"The failed call's span is red, but nothing says why: log the error on it — span.log({ event: 'error', message: err.details }).",
			"失败调用的 span 变红了，但看不出原因：在它上面记下错误——span.log({ event: 'error', message: err.details })。"
		);
	return hint ? { label, ok: false, hint } : { label, ok: true };
}

/** NOT_FOUND is the caller's problem: the server span is not an error. */
function serverNotError(run: RunOutput): CheckItem {
	const label = text('no customer span is marked error=true (NOT_FOUND is not a server failure)', 'customer 的 span 都没有被标记为 error=true（NOT_FOUND 不是服务端的失败）');
	const errs = errorSpans(run).filter((f) => f.service === 'customer');
	return errs.length === 0
		? { label, ok: true }
		: {
				label,
				ok: false,
				hint: text(
					'The customer service marked its span for NOT_FOUND as an error. The server did its job — the caller asked for a customer that does not exist — so gRPC tracing marks server spans only for server faults (UNKNOWN, DEADLINE_EXCEEDED, UNIMPLEMENTED, INTERNAL, UNAVAILABLE, DATA_LOSS): tag the code, and set error=true only for those.',
					'customer 服务把 NOT_FOUND 的 span 标记成了错误。服务端尽到了职责——是调用方要了一个不存在的客户——所以 gRPC 追踪只在服务端自身出错时标记服务端 span（UNKNOWN、DEADLINE_EXCEEDED、UNIMPLEMENTED、INTERNAL、UNAVAILABLE、DATA_LOSS）：把状态码打成 tag，只对这些状态码设置 error=true。'
				)
			};
}

export default defineCheck((run) => [
	printed(run, 'frontend', '2 customers in all', text('The frontend should print how many customers List returned: keep the calls in main.', 'frontend 应该打印 List 返回了多少个客户：保留 main 里的调用。')),
	tracedOnce(run, 'client', GET, 2),
	tracedOnce(run, 'client', LIST, 1),
	tracedOnce(run, 'server', GET, 2),
	tracedOnce(run, 'server', LIST, 1),
	tagged(run, 'client'),
	tagged(run, 'server'),
	clientsUnderRoot(run),
	serverUnderClient(run),
	clientError(run),
	serverNotError(run),
	traceCount(run, 1, text('All the calls main makes belong to one request: one trace.', 'main 发起的所有调用都属于同一个请求：一条 trace。')),
	totalSpans(run, 7, text('Expected seven spans: show-customers, and a client and a server span for each of the three calls.', '应该有七个 span：show-customers，以及三次调用各自的一个客户端 span 和一个服务端 span。'))
]);

import {
	byDuration,
	callsInTrace,
	consoleMatches,
	criticalTimeByOperation,
	defineCheck,
	answeredNumber,
	mostCommon,
	namesOperation,
	namesService,
	noErrors,
	recorded,
	servicesOf,
	text,
	tracesRootedAt,
	type CheckItem,
	type CheckText,
	type Localized,
	type RunOutput
} from '$lib/checks';

const DISPATCH = { service: 'frontend', operation: 'HTTP GET /dispatch' };
const REQUESTS = 50;
/** An operation within this share of the slowest trace's top critical time is as good an answer. */
const NEAR_TOP = 0.9;

type Answer = ReturnType<typeof recorded>;
const shown = (a: Answer) => (a === undefined ? 'nothing' : JSON.stringify(a));
const shownZh = (a: Answer) => (a === undefined ? '没有记录' : JSON.stringify(a));

function answerItem(key: string, what: Localized, answer: Answer, ok: boolean, hint: CheckText): CheckItem {
	return {
		label: text(`${key} — ${what.en} (recorded: ${shown(answer)})`, `${key}——${what['zh-CN']}（记录的是：${shownZh(answer)}）`),
		ok,
		hint: answer === undefined
			? text(
					`The dispatch spans carry no ${key}: put your answer in FINDINGS in frontend.ts (or tag the dispatch span with it yourself), and run again.`,
					`派单 span 上没有 ${key}：把你的答案填进 frontend.ts 的 FINDINGS（或者自己给派单 span 打上这个 tag），再运行一次。`
				)
			: hint
	};
}

function servicesItem(run: RunOutput, truth: number | undefined): CheckItem {
	const answer = recorded(run, DISPATCH, 'finding.services');
	const n = answeredNumber(answer);
	const ok = n !== undefined && n === truth;
	const hint =
		n !== undefined && truth !== undefined && n > truth
			? text(
					'Too many: only services that report spans are in a trace. load is not traced (it stands for the browsers), and MySQL and Redis show only as peer.service tags on the spans that call them. Count the services in the trace header\'s legend, or the boxes of the Graph view.',
					'多了：只有上报 span 的服务才在 trace 里。load 没有 trace（它代表浏览器），MySQL 和 Redis 只是以 peer.service tag 的形式出现在调用它们的 span 上。数一数 trace 头部图例里的服务，或者 Graph 视图里的方框。'
				)
			: text(
					'Too few (or not a number): open one dispatch trace and expand every span — some services are only deep in the tree. The trace header\'s legend lists each service that reported a span.',
					'少了（或者不是数字）：打开一条派单 trace，把每个 span 都展开——有的服务只出现在树的深处。trace 头部的图例列出了每个上报过 span 的服务。'
				);
	return answerItem('finding.services', text('how many services report spans in one dispatch trace', '一条派单 trace 里有几个服务上报了 span'), answer, ok, hint);
}

function routeCallsItem(run: RunOutput, truth: number | undefined): CheckItem {
	const answer = recorded(run, DISPATCH, 'finding.route_calls');
	const n = answeredNumber(answer);
	const ok = n !== undefined && n === truth;
	const hint =
		n !== undefined && truth !== undefined && n === 2 * truth
			? text(
					'Each call is counted twice: the caller\'s client span and route\'s server span are both named HTTP GET /route. The Statistics view lists them as two rows, one per service; one call is one pair.',
					'每次调用被数了两遍：调用方的客户端 span 和 route 的服务端 span 都叫 HTTP GET /route。Statistics 视图把它们列成两行，每个服务一行；一对才是一次调用。'
				)
			: n !== undefined && truth !== undefined && n > 2 * truth
				? text(
						'That counts the whole run: the Dependencies view adds up the calls of every trace. The question is about one dispatch — open one trace and read its Statistics view, or the number on the arrow into route in its Graph view.',
						'这数的是整个运行：Dependencies 视图把每条 trace 的调用都加在了一起。问题问的是一次派单——打开一条 trace，看它的 Statistics 视图，或者它 Graph 视图里指向 route 的箭头上的数字。'
					)
				: text(
						'Not what most dispatch traces show: open one (not one where a driver was given up on), and count route\'s HTTP GET /route spans — the Statistics view\'s Count column, grouped by operation.',
						'和大多数派单 trace 显示的不一样：打开一条（不要选有司机被放弃的那种），数一数 route 的 HTTP GET /route span——Statistics 视图按 operation 分组后的 Count 列。'
					);
	return answerItem('finding.route_calls', text('how many times one dispatch calls the route service', '一次派单调用 route 服务几次'), answer, ok, hint);
}

function routeCallerItem(run: RunOutput, callers: string[]): CheckItem {
	const answer = recorded(run, DISPATCH, 'finding.route_caller');
	const ok = callers.some((c) => namesService(answer, c));
	const hint = namesService(answer, 'route')
		? text(
				'That is the callee. The caller is the service of the span an HTTP GET /route server span hangs under: click one in the timeline and look at its parent, or follow the arrow into route in the Graph view back to where it starts.',
				'那是被调用的一方。调用方是 HTTP GET /route 服务端 span 所挂的父 span 所在的服务：在时间线里点开一个，看它的父 span，或者在 Graph 视图里顺着指向 route 的箭头找到它的起点。'
			)
		: text(
				'The order in which services run is not who calls whom. Click one of route\'s HTTP GET /route spans and look at the service of its parent, or follow the arrow into route in the Graph view to where it starts.',
				'服务运行的先后不等于谁调用谁。点开 route 的一个 HTTP GET /route span，看它父 span 所在的服务，或者在 Graph 视图里顺着指向 route 的箭头找到它的起点。'
			);
	return answerItem('finding.route_caller', text('which service calls route', '哪个服务调用了 route'), answer, ok, hint);
}

function criticalItem(run: RunOutput, slowestTop: { service: string; operation: string }[], parents: { service: string; operation: string }[]): CheckItem {
	const answer = recorded(run, DISPATCH, 'finding.critical_path');
	const ok = slowestTop.some((t) => namesOperation(answer, t.service, t.operation));
	const named = (ops: { service: string; operation: string }[]) => ops.some((t) => namesOperation(answer, t.service, t.operation));
	const hint = named([DISPATCH])
		? text(
				'The root lasts as long as the trace, but most of that time it waits for its children. Tick Critical path in the slowest trace: the dark line leaves the root and runs along the spans the request was waiting on — name the one it runs along longest.',
				'根 span 和整条 trace 一样长，但大部分时间它都在等子 span。在最慢的那条 trace 里勾上 Critical path：深色的线离开根 span，沿着请求在等待的那些 span 走——写出它走得最长的那个。'
			)
		: named(parents)
			? text(
					'That span is on the critical path, but it spends its time waiting for its own children: the path steps down into the child that ended last. Expand it and follow the dark line one level deeper.',
					'那个 span 在关键路径上，但它的时间都花在等自己的子 span 上：关键路径会往下走进最后结束的那个子 span。把它展开，顺着深色的线再往下走一层。'
				)
			: text(
					'Not the slowest trace\'s: in Search, sort by Longest First and open the top trace; tick Critical path and add up the dark stretches per operation (the Statistics view\'s Self total is a good guide). Name the operation, as the span shows it.',
					'不是最慢那条 trace 的答案：在 Search 里按 Longest First 排序，打开最上面那条；勾上 Critical path，按 operation 把深色的段加起来（Statistics 视图的 Self total 是个好参考）。写出 operation 的名字，和 span 上显示的一样。'
				);
	return answerItem('finding.critical_path', text('the operation with the most time on the slowest trace\'s critical path', '最慢那条 trace 的关键路径上耗时最多的 operation'), answer, ok, hint);
}

export default defineCheck((run) => {
	const dispatches = tracesRootedAt(run, DISPATCH);
	const services = mostCommon(dispatches.map((t) => servicesOf(t).length));
	const callers = [...new Set(dispatches.flatMap((t) => servicesOf(t).filter((s) => callsInTrace(t, s, 'route') > 0)))];
	const routeCalls = mostCommon(dispatches.map((t) => callers.reduce((sum, c) => sum + callsInTrace(t, c, 'route'), 0)));
	const slowest = byDuration(dispatches).at(-1);
	const critical = slowest ? criticalTimeByOperation(slowest) : [];
	const top = critical.filter((c) => c.value > 0 && c.value >= NEAR_TOP * critical[0].value);
	// the spans the top operations hang under: their names are the wrong answer "the parent"
	const parents = slowest
		? slowest.spans
				.filter((s) => top.some((t) => t.operation === s.operationName))
				.flatMap((s) => s.references.filter((r) => r.refType === 'CHILD_OF').map((r) => slowest.spans.findIndex((p) => p.spanID === r.spanID)))
				.filter((i) => i >= 0)
				.map((i) => ({ service: slowest.processes[slowest.spans[i].processID]?.serviceName ?? '', operation: slowest.spans[i].operationName }))
		: [];

	return [
		consoleMatches(
			run,
			'load',
			new RegExp(`^${REQUESTS} of ${REQUESTS} dispatches answered`),
			text(`load prints "${REQUESTS} of ${REQUESTS} dispatches answered"`, `load 打印出 "${REQUESTS} of ${REQUESTS} dispatches answered"`),
			text('Some dispatches failed: load prints the first failure. The app should work as step 3 left it; only frontend.ts\'s answers change.', '有些派单失败了：load 打印出了第一个失败。应用应该保持第 3 步结束时的样子；只改 frontend.ts 里的答案。')
		),
		servicesItem(run, services),
		routeCallsItem(run, routeCalls),
		routeCallerItem(run, callers),
		criticalItem(run, top, parents),
		noErrors(run, text('A service stopped with an error: the Console says where. Every service should keep serving.', '有服务因错误而停下了：控制台里写着出错的位置。每个服务都应该一直正常提供服务。'))
	];
});

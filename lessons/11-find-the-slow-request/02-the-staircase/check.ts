import { atOnce, consoleMatches, defineCheck, findSpans, intervalsOf, mostAtOnce, overlapWithinTraces, text, tracesAllOverlapping, type CheckItem } from '$lib/checks';

const ROUTE = { service: 'frontend', operation: 'HTTP GET /route' };
const REQUESTS = 50;
/** more than the three the pool lets out, and more than one dispatch's five: a pool sized for the load */
const AT_ONCE = 10;

export default defineCheck((run) => {
	const { overlapping, traces } = tracesAllOverlapping(run, ROUTE);
	// many calls at once across the run, yet each request's in waves: every request has a small pool
	// of its own (or awaits one call at a time). Judged by the whole run, not by "no trace at all":
	// a dispatch whose driver lookups failed has fewer calls, which even a pool of three lets out together.
	const ownPools = traces > 0 && overlapping < 0.5 * traces && mostAtOnce(intervalsOf(findSpans(run, ROUTE))) >= AT_ONCE;
	const tripped = run.errors.find((e) => e.includes('requests were in flight'));
	const fleet: CheckItem = {
		label: text('the run stays under the sandbox\'s limit of requests in flight', '运行始终低于沙盒对同时在途请求数的上限'),
		ok: !tripped,
		...(tripped
			? {
					hint: text(
						`The run was stopped: ${tripped} Without a bound, fifty dispatches send all their route calls at once. A pool is there for a reason — the route service, its sockets and your run all have limits. Keep the pool and size it: 10 to 32 workers serve this load.`,
						`运行被停止了：${tripped} 没有上限时，五十次派单会把所有路线调用一下子全发出去。连接池自有它的道理——route 服务、它的套接字以及你的这次运行都有上限。保留这个池子，给它定个合适的大小：10 到 32 个 worker 就够应付这个负载。`
					)
				}
			: {})
	};
	return [
		consoleMatches(
			run,
			'load',
			new RegExp(`^${REQUESTS} of ${REQUESTS} dispatches answered`),
			text(`load prints "${REQUESTS} of ${REQUESTS} dispatches answered"`, `load 打印出 "${REQUESTS} of ${REQUESTS} dispatches answered"`),
			text('Some dispatches failed: load prints the first failure. Every request should still get its answer.', '有些派单失败了：load 打印出了第一个失败。每个请求都应该得到应答。')
		),
		fleet,
		overlapWithinTraces(
			run,
			ROUTE,
			0.9,
			ownPools || (overlapping === 0 && traces > 0)
				? text(
						'In no trace do the five route calls run together: they go out in waves — a staircase — or one by one. Each wave is as many calls as a pool lets out. Look at how frontend.ts sends them: a pool made per request is as small as the shared one, and a loop that awaits each call sends one at a time.',
						'没有一条 trace 里的五次路线调用是一起运行的：它们一波一波地发出——一段楼梯——或者一个接一个。每一波的调用数，就是一个池子一次放行的数量。看看 frontend.ts 是怎么发出它们的：每个请求新建的池子和共享的那个一样小，而一个逐个 await 的循环一次只发一个调用。'
					)
				: text(
						`In ${traces - overlapping} of ${traces} traces the route calls still start in waves: the pool lets out fewer calls than the requests in line ask for. Give it more workers.`,
						`${traces} 条 trace 中有 ${traces - overlapping} 条的路线调用仍然一波一波地开始：池子放行的调用比排队的请求要的少。给它更多 worker。`
					)
		),
		atOnce(
			run,
			ROUTE,
			AT_ONCE,
			text(
				`Across all fifty requests, fewer than ${AT_ONCE} route calls ever ran at once: the pool is shared by every request, so its size caps the whole frontend. Fifty dispatches of five calls each wait in line for it — look at the gap before each trace's route calls. Raise ROUTE_WORKERS to at least ${AT_ONCE}.`,
				`在全部五十个请求里，同时运行的路线调用从未达到 ${AT_ONCE} 个：这个池子由所有请求共享，所以它的大小就是整个 frontend 的上限。五十次派单、每次五个调用，都在排队等它——看看每条 trace 里路线调用之前的那段空白。把 ROUTE_WORKERS 调到至少 ${AT_ONCE}。`
			)
		)
	];
});

import { defineCheck, errorSpans, text, type CheckItem } from '$lib/checks';
import { answer, baggageOn, EDGE, hop, LEDGER, ORDERS, tracePerOrder } from '../shape';

const NORMAL = [301, 305];
const EXPERIMENT = 302;
const ELSEWHERE = 303;
const OUTSIDER = 304;

export default defineCheck((run) => {
	const normal: CheckItem = {
		label: text('orders without chaos are answered 201', '不带 chaos 的订单得到 201'),
		ok: NORMAL.every((id) => answer(run, id) === 201)
	};
	if (!normal.ok)
		normal.hint = text(
			'An ordinary order was not answered 201: the fault belongs to the requests that ask for it only. Read the Console for errors.',
			'有份普通订单没有得到 201：故障只属于要求它的那些请求。看看控制台里有没有错误。'
		);

	// QA's experiment, hop by hop
	const reached = baggageOn(hop(run, ORDERS, LEDGER, EXPERIMENT), 'chaos') === 'ledger';
	const got = answer(run, EXPERIMENT);
	const experiment: CheckItem = {
		label: text(`QA's order ${EXPERIMENT} (chaos=ledger) fails with 503`, `QA 的订单 ${EXPERIMENT}（chaos=ledger）以 503 失败`),
		ok: got === 503
	};
	if (!experiment.ok)
		experiment.hint = !reached
			? text(
					"QA's chaos=ledger never reached the ledger: the QA tool uses a staff key, so the edge must continue its context — extract it for staff callers — and the baggage comes with it.",
					'QA 的 chaos=ledger 根本没有到达 ledger：QA 工具用的是员工的 key，所以 edge 必须延续它的 context——对员工调用方执行 extract——baggage 会随之而来。'
				)
			: got === 500
				? text(
						'The ledger answered 500: a thrown error says the code is broken. An injected fault should look like the outage it rehearses — answer { status: 503, body: … }, as Envoy\'s fault filter does.',
						'ledger 回答的是 500：抛出的错误说明代码坏了。注入的故障应该看起来就像它所演练的那种故障——回答 { status: 503, body: … }，就像 Envoy 的故障过滤器那样。'
					)
				: text(
						`chaos=ledger reached the ledger (uberctx-chaos on its request), but order ${EXPERIMENT} was answered ${got ?? 'nothing'}: when span.getBaggageItem('chaos') is 'ledger', answer 503 without booking the order.`,
						`chaos=ledger 已经到达 ledger（它的请求上带着 uberctx-chaos），可订单 ${EXPERIMENT} 的回答是 ${got ?? '（没有）'}：当 span.getBaggageItem('chaos') 是 'ledger' 时，不记账，直接回答 503。`
					);

	const elsewhere: CheckItem = {
		label: text(`order ${ELSEWHERE} (chaos=inventory) is not failed by the ledger`, `订单 ${ELSEWHERE}（chaos=inventory）没有被 ledger 弄失败`),
		ok: answer(run, ELSEWHERE) === 201
	};
	if (!elsewhere.ok)
		elsewhere.hint = text(
			`Order ${ELSEWHERE} asked for a fault in inventory, another team's service, and still failed: the ledger should fail only when the chaos item names it — compare the value with 'ledger', not just check it is there.`,
			`订单 ${ELSEWHERE} 要求的是 inventory（另一个团队的服务）出故障，结果它还是失败了：只有 chaos 项点名 ledger 时，ledger 才应该失败——要把值和 'ledger' 作比较，而不只是看它在不在。`
		);

	const forged = baggageOn(hop(run, EDGE, ORDERS, OUTSIDER), 'chaos');
	const boundary: CheckItem = {
		label: text(`a customer's forged chaos (order ${OUTSIDER}) stops at the edge`, `顾客伪造的 chaos（订单 ${OUTSIDER}）止步于 edge`),
		ok: answer(run, OUTSIDER) === 201 && !forged
	};
	if (!boundary.ok)
		boundary.hint = text(
			`Order ${OUTSIDER} came from a customer's key with jaeger-baggage: chaos=ledger, and the edge passed the chaos on. The edge is a trust boundary: anything a caller outside sends — trace id and baggage alike — is theirs to forge. Extract the incoming context only for staff callers (caller.staff), so everyone else starts a fresh trace with empty baggage.`,
			`订单 ${OUTSIDER} 来自一个顾客的 key，带着 jaeger-baggage: chaos=ledger，而 edge 把 chaos 传了下去。edge 是一道信任边界：外面的调用方发来的任何东西——trace id 也好、baggage 也好——都可以是伪造的。只对员工调用方（caller.staff）提取传入的 context，其他人一律以空 baggage 开启新的 trace。`
		);

	const errors = errorSpans(run);
	const ledgerErrors = errors.filter((f) => f.service === LEDGER);
	const marked: CheckItem = {
		label: text("the injected fault is marked error on the ledger's span, and nowhere else", '注入的故障在 ledger 的 span 上标记为 error，别处都没有'),
		ok: ledgerErrors.length === 1 && errors.length === 1
	};
	if (!marked.ok)
		marked.hint =
			errors.length === 0
				? text(
						"No span says it failed: when the ledger injects the fault, tag its span error=true and log what happened (event: 'error', message: 'chaos: injected fault'), so the experiment is plain to see in the trace.",
						"没有哪个 span 说自己失败了：ledger 注入故障时，给它的 span 打上 error=true，并用日志写下发生了什么（event: 'error', message: 'chaos: injected fault'），让这次实验在 trace 里一目了然。"
					)
				: text(
						`${errors.length} spans are marked error (${[...new Set(errors.map((f) => f.service))].join(', ')}): only the ledger's span for order ${EXPERIMENT} should be — the fault is injected there, once.`,
						`有 ${errors.length} 个 span 被标记为 error（${[...new Set(errors.map((f) => f.service))].join('、')}）：应该只有订单 ${EXPERIMENT} 在 ledger 上的那个 span——故障只在那里注入一次。`
					);
	return [normal, experiment, elsewhere, boundary, marked, tracePerOrder(run, 5)];
});

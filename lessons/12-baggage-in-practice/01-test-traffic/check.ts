import { allSpans, defineCheck, tagValue, text, type CheckItem } from '$lib/checks';
import { answer, baggageOn, baggageSetOn, EDGE, hop, keyOf, LEDGER, ORDERS, tracePerOrder } from '../shape';

const REAL = [101, 103];
const TEST = [102, 104];
const RUN_ID = 'smoke-7';

export default defineCheck((run) => {
	const all = [...REAL, ...TEST].sort();
	const answered: CheckItem = {
		label: text('the shop answers every order 201', '商店对每份订单都回答 201'),
		ok: all.every((id) => answer(run, id) === 201)
	};
	if (!answered.ok)
		answered.hint = text(
			`Order ${all.find((id) => answer(run, id) !== 201)} was not answered 201: keep the edge passing the order on and the ledger storing it, and read the Console for errors.`,
			`订单 ${all.find((id) => answer(run, id) !== 201)} 没有得到 201：让 edge 照常转发订单、ledger 照常存下它，再看看控制台里有没有错误。`
		);

	// the label on the wire, hop by hop
	const atEdge = TEST.every((id) => baggageOn(hop(run, EDGE, ORDERS, id), 'test-run') === RUN_ID);
	const atLedger = TEST.every((id) => baggageOn(hop(run, ORDERS, LEDGER, id), 'test-run') === RUN_ID);
	const travels: CheckItem = {
		label: text(`test orders carry uberctx-test-run: ${RUN_ID} to orders and on to the ledger`, `测试订单带着 uberctx-test-run: ${RUN_ID} 到达 orders，再到 ledger`),
		ok: atEdge && atLedger
	};
	if (!travels.ok) {
		const edgeSpans = allSpans(run).filter((f) => f.service === EDGE);
		const tagged = edgeSpans.some((f) => tagValue(f, 'test-run') !== undefined);
		const loggedAtEdge = baggageSetOn(run, 'test-run').some((f) => f.service === EDGE);
		const otherKey = allSpans(run).find((f) => f.service === EDGE && f.span.logs.some((l) => l.fields.some((x) => x.key === 'event' && x.value === 'baggage')));
		travels.hint = atEdge
			? text(
					'The label left the edge but did not reach the ledger: orders passes on whatever its span carries, so keep its middleware and its inject as they are.',
					'标签离开了 edge，却没有到达 ledger：orders 会把它的 span 带着的东西原样传下去，所以保持它的中间件和 inject 不变。'
				)
			: tagged
				? text(
						"The edge tagged its span with test-run: a tag stays on its span and goes to Jaeger, never to the next service. Put the label in the baggage — span.setBaggageItem('test-run', testRun).",
						"edge 给它的 span 打上了 tag test-run：tag 只留在自己的 span 上、发给 Jaeger，永远不会到达下一个服务。把标签放进 baggage——span.setBaggageItem('test-run', testRun)。"
					)
				: loggedAtEdge
					? text(
							'The edge set test-run in the baggage, but its request to orders went out without it: baggage set after inject is too late for that request. Set it first, then inject.',
							'edge 把 test-run 放进了 baggage，但它发往 orders 的请求出门时并没有带上：在 inject 之后才设置的 baggage，对这个请求来说太晚了。先设置，再 inject。'
						)
					: otherKey
						? text(
								`The edge set a baggage item, but not one called test-run with the value ${RUN_ID}: use the key test-run and the x-test-run header's value.`,
								`edge 设置了一个 baggage 项，但不是值为 ${RUN_ID}、名为 test-run 的那个：键用 test-run，值用请求头 x-test-run 的值。`
							)
						: text(
								"Test orders left the edge without a label. On the edge's span, when the request has an x-test-run header, put its value in the baggage — span.setBaggageItem('test-run', testRun) — before the context is injected.",
								"测试订单离开 edge 时没有带标签。在 edge 的 span 上，如果请求带有 x-test-run 请求头，就把它的值放进 baggage——span.setBaggageItem('test-run', testRun)——而且要在注入 context 之前。"
							);
	}

	const leaked = REAL.filter((id) => baggageOn(hop(run, EDGE, ORDERS, id), 'test-run') !== undefined);
	const realClean: CheckItem = {
		label: text('real orders carry no test-run label', '真实订单不带 test-run 标签'),
		ok: leaked.length === 0 && REAL.every((id) => hop(run, EDGE, ORDERS, id) !== undefined)
	};
	if (!realClean.ok)
		realClean.hint =
			leaked.length > 0
				? text(
						`Order ${leaked[0]} is a customer's, yet it carried uberctx-test-run: set the label only when the request has an x-test-run header.`,
						`订单 ${leaked[0]} 是顾客下的，却带着 uberctx-test-run：只有请求带有 x-test-run 请求头时才设置这个标签。`
					)
				: text('A real order never reached orders: keep the edge passing every order on.', '有份真实订单没有到达 orders：让 edge 照常转发每份订单。');

	const testKeys = TEST.map((id) => keyOf(run, id));
	const apart: CheckItem = {
		label: text('the ledger stores test orders under test: keys', 'ledger 把测试订单存在 test: 开头的键下'),
		ok: testKeys.every((k) => k !== undefined && k.startsWith('test:'))
	};
	if (!apart.ok) {
		const k = testKeys.find((x) => x === undefined || !x.startsWith('test:'));
		apart.hint = atLedger
			? text(
					`The label reached the ledger (uberctx-test-run on its request), yet a test order was stored as ${k ?? 'nothing'}. Read it from the baggage of the ledger's span — span.getBaggageItem('test-run'), the same key the edge set; the x-test-run header never gets past the edge — and prefix the key with test:.`,
					`标签已经到达 ledger（它的请求上带着 uberctx-test-run），可测试订单却存成了 ${k ?? '（没有存）'}。从 ledger 的 span 的 baggage 里读出它——span.getBaggageItem('test-run')，和 edge 设置时同一个键；x-test-run 请求头根本过不了 edge——然后给键加上 test: 前缀。`
				)
			: text(
					'Test orders are stored among the real ones: the ledger can only tell them apart once the label reaches it in the baggage (see the item above), then prefix their keys with test:.',
					'测试订单和真实订单存在了一起：只有标签随 baggage 到达 ledger，它才分得清（见上一项），然后给测试订单的键加上 test: 前缀。'
				);
	}

	const realKeys = REAL.map((id) => keyOf(run, id));
	const realStored: CheckItem = {
		label: text('real orders are stored under order:<id>', '真实订单存在 order:<id> 下'),
		ok: REAL.every((id, i) => realKeys[i] === `order:${id}`)
	};
	if (!realStored.ok)
		realStored.hint = text(
			`A customer's order was stored as ${realKeys.find((k, i) => k !== `order:${REAL[i]}`) ?? 'nothing'}: only orders whose baggage has test-run go under test:; every other order stays order:<id>.`,
			`有份顾客订单存成了 ${realKeys.find((k, i) => k !== `order:${REAL[i]}`) ?? '（没有存）'}：只有 baggage 里带 test-run 的订单才放到 test: 下；其他订单仍是 order:<id>。`
		);

	const setters = [...new Set(baggageSetOn(run, 'test-run').map((f) => f.service))];
	const once: CheckItem = {
		label: text('the label is set once, at the edge', '标签只设置一次，在 edge 上'),
		ok: setters.length === 1 && setters[0] === EDGE
	};
	if (!once.ok)
		once.hint =
			setters.length === 0
				? text("No span set test-run in its baggage: do it on the edge's span.", '没有哪个 span 在 baggage 里设置 test-run：在 edge 的 span 上设置。')
				: text(
						`${setters.filter((s) => s !== EDGE).join(', ')} set test-run again: baggage arrives by itself, so the services behind the edge only read it.`,
						`${setters.filter((s) => s !== EDGE).join('、')} 又设置了一次 test-run：baggage 会自己到达，edge 后面的服务只需要读。`
					);

	return [answered, travels, realClean, apart, realStored, once, tracePerOrder(run, all.length)];
});

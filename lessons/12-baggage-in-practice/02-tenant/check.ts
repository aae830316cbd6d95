import { allSpans, defineCheck, tagValue, text, type CheckItem } from '$lib/checks';
import { answer, baggageOn, EDGE, hop, LEDGER, ORDERS, tracePerOrder } from '../shape';

const TENANT_OF: Record<number, string> = { 201: 'acme', 202: 'globex', 203: 'acme' };
const KEYS = ['key-7d1c', 'key-93fa'];
const IDS = Object.keys(TENANT_OF).map(Number);
const COUNT: Record<string, number> = { acme: 2, globex: 1 };

export default defineCheck((run) => {
	const answered: CheckItem = {
		label: text('every order is answered 201', '每份订单都得到 201'),
		ok: IDS.every((id) => answer(run, id) === 201)
	};
	if (!answered.ok)
		answered.hint = text(
			`Order ${IDS.find((id) => answer(run, id) !== 201)} was not answered 201: keep the edge's API-key lookup and the ledger's booking as they are, and read the Console for errors.`,
			`订单 ${IDS.find((id) => answer(run, id) !== 201)} 没有得到 201：保持 edge 查 API key 和 ledger 记账的代码不变，再看看控制台里有没有错误。`
		);

	// a secret on the wire behind the edge is the first thing to catch
	const behind = run.network.filter((r) => [ORDERS, LEDGER].includes(r.to.split(':')[0]));
	const keyLeak = behind.find((r) => Object.entries(r.requestHeaders).some(([k, v]) => (k.startsWith('uberctx-') || k === 'baggage') && KEYS.some((key) => v.includes(key))));
	const noSecret: CheckItem = {
		label: text('no API key travels behind the edge', 'API key 不会被带到 edge 之后'),
		ok: keyLeak === undefined
	};
	if (keyLeak)
		noSecret.hint = text(
			`The request to ${keyLeak.to.split(':')[0]} carries the caller's API key in its baggage. Baggage goes to every service on every hop, and any of them may log it: never put a secret in it. Look the key up at the edge and pass on the tenant's name — span.setBaggageItem('tenant', tenant).`,
			`发往 ${keyLeak.to.split(':')[0]} 的请求在 baggage 里带着调用方的 API key。baggage 每一跳都会送到每个服务，其中任何一个都可能把它写进日志：千万别把机密放进去。在 edge 上查出这个 key 对应的租户，只把租户名传下去——span.setBaggageItem('tenant', tenant)。`
		);

	const wrong = IDS.filter((id) => baggageOn(hop(run, ORDERS, LEDGER, id), 'tenant') !== TENANT_OF[id]);
	const travels: CheckItem = {
		label: text("every order reaches the ledger with its tenant in uberctx-tenant", '每份订单到达 ledger 时都在 uberctx-tenant 里带着它的租户'),
		ok: wrong.length === 0
	};
	if (!travels.ok) {
		const got = baggageOn(hop(run, ORDERS, LEDGER, wrong[0]), 'tenant');
		const tagged = allSpans(run).some((f) => f.service === EDGE && tagValue(f, 'tenant') !== undefined);
		travels.hint =
			got !== undefined
				? text(
						`Order ${wrong[0]} reached the ledger as tenant "${got}", but it is ${TENANT_OF[wrong[0]]}'s: put the tenant the API key maps to in the baggage.`,
						`订单 ${wrong[0]} 到达 ledger 时租户是 "${got}"，可它属于 ${TENANT_OF[wrong[0]]}：把 API key 对应的租户放进 baggage。`
					)
				: tagged
					? text(
							"The edge tagged its span with the tenant, but a tag stays on its span: the ledger never hears of it. Put it in the baggage — span.setBaggageItem('tenant', tenant) — before inject.",
							"edge 给它的 span 打上了租户的 tag，可 tag 只留在自己的 span 上：ledger 永远不会知道。把它放进 baggage——span.setBaggageItem('tenant', tenant)——并且在 inject 之前。"
						)
					: text(
							"Order " + wrong[0] + " reached the ledger without a tenant: on the edge's span, once the API key is looked up, put the tenant in the baggage — span.setBaggageItem('tenant', tenant) — before the context is injected.",
							'订单 ' + wrong[0] + " 到达 ledger 时没有租户：在 edge 的 span 上，查出 API key 对应的租户之后，把它放进 baggage——span.setBaggageItem('tenant', tenant)——要在注入 context 之前。"
						);
	}

	const ledgerTenants = allSpans(run)
		.filter((f) => f.service === LEDGER)
		.map((f) => tagValue(f, 'tenant'));
	const tagOk = Object.entries(COUNT).every(([t, n]) => ledgerTenants.filter((v) => v === t).length === n);
	const tagItem: CheckItem = {
		label: text("the ledger's spans are tagged with their tenant", 'ledger 的 span 都带着各自租户的 tag'),
		ok: tagOk
	};
	if (!tagOk)
		tagItem.hint = ledgerTenants.every((v) => v === undefined)
			? text(
					"Tag the ledger's span with the tenant — span.setTag('tenant', tenant). Baggage is not shown or searchable in Jaeger; a tag is, so \"all of globex's slow orders\" becomes a search.",
					"给 ledger 的 span 打上租户 tag——span.setTag('tenant', tenant)。baggage 在 Jaeger 里既不显示也搜不到；tag 可以，这样“globex 所有的慢订单”就成了一次搜索。"
				)
			: text(
					`The ledger's spans say tenant ${ledgerTenants.map(String).join(', ')}: tag each with the tenant read from its own baggage (acme twice, globex once).`,
					`ledger 的 span 上的租户是 ${ledgerTenants.map(String).join('、')}：每个 span 都用从它自己的 baggage 里读到的租户打 tag（acme 两次，globex 一次）。`
				);

	const lines = run.console.filter((l) => l.service === LEDGER).map((l) => l.text);
	const logOk = Object.entries(COUNT).every(([t, n]) => lines.filter((l) => new RegExp(`tenant=${t}\\b`).test(l)).length === n);
	const logItem: CheckItem = {
		label: text('each of the ledger\'s log lines names its tenant (tenant=…)', 'ledger 的每一行日志都写明租户（tenant=…）'),
		ok: logOk
	};
	if (!logOk)
		logItem.hint = text(
			"Print one line per booked order with the tenant in it, as tenant=<name> — console.log(`tenant=${tenant} booked order ${order.id}`) — so a support engineer can grep one customer's lines.",
			'每记一份订单就打印一行，里面带着租户，写成 tenant=<名字>——console.log(`tenant=${tenant} booked order ${order.id}`)——这样技术支持就能用 grep 找出一个客户的所有日志。'
		);

	const printedMetrics = run.console.filter((l) => l.service === 'client').map((l) => l.text.trim());
	const metricsOk = Object.entries(COUNT).every(([t, n]) => printedMetrics.includes(`ledger_orders_total{tenant="${t}"} ${n}`));
	const metricsItem: CheckItem = {
		label: text('the ledger counts orders per tenant: acme 2, globex 1', 'ledger 按租户计数订单：acme 2，globex 1'),
		ok: metricsOk
	};
	if (!metricsOk) {
		const seen = printedMetrics.filter((l) => l.startsWith('ledger_orders_total'));
		metricsItem.hint =
			seen.length === 0
				? text(
						"The metrics endpoint showed nothing: in the ledger, count each booked order for its tenant — booked.set(tenant, (booked.get(tenant) ?? 0) + 1).",
						'指标接口什么都没给出：在 ledger 里为每份记账的订单按租户计数——booked.set(tenant, (booked.get(tenant) ?? 0) + 1)。'
					)
				: text(
						`The metrics say ${seen.join(', ')}: count each order under the tenant from its own baggage.`,
						`指标显示的是 ${seen.join('、')}：每份订单都要记在它自己 baggage 里的租户名下。`
					);
	}

	return [answered, noSecret, travels, tagItem, logItem, metricsItem, tracePerOrder(run, IDS.length)];
});

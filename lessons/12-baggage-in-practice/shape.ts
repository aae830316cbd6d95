// What chapter 12's checks read: the orders the client sent, the hops each one took (edge → orders →
// ledger, read off the wire), what the ledger wrote to Redis, and the shape of each order's trace.
import { allSpans, logsOf, parentOf, text, type CheckItem, type FoundSpan, type RunOutput } from '$lib/checks';

type NetworkRecord = RunOutput['network'][number];

export const EDGE = 'edge';
export const ORDERS = 'orders';
export const LEDGER = 'ledger';

/** The body of a request names the order by `"id":<n>`, on every hop. */
function carriesOrder(r: NetworkRecord, id: number): boolean {
	return new RegExp(`"id"\\s*:\\s*${id}\\b`).test(r.requestBody);
}

/** The request `from` sent to `to` for order `id`. */
export function hop(run: RunOutput, from: string, to: string, id: number): NetworkRecord | undefined {
	return run.network.find((r) => r.from.split(':')[0] === from && r.to.split(':')[0] === to && carriesOrder(r, id));
}

/** The baggage item `key` a request carried in `uberctx-<key>`, decoded; undefined when it carried none. */
export function baggageOn(r: NetworkRecord | undefined, key: string): string | undefined {
	const v = r?.requestHeaders[`uberctx-${key}`];
	if (v === undefined) return undefined;
	try {
		return decodeURIComponent(v);
	} catch {
		return v;
	}
}

/** The keys the ledger SET in Redis, in order. */
export function storedKeys(run: RunOutput): string[] {
	return run.network
		.filter((r) => r.to.split(':')[0] === 'redis' && r.method === 'SET')
		.map((r) => {
			try {
				const args = JSON.parse(r.requestBody) as unknown[];
				return typeof args[0] === 'string' ? args[0] : '';
			} catch {
				return '';
			}
		});
}

/** The key order `id` was stored under, if any (`order:<id>`, with whatever prefix). */
export function keyOf(run: RunOutput, id: number): string | undefined {
	return storedKeys(run).find((k) => k === `order:${id}` || k.endsWith(`:order:${id}`));
}

/** The spans of `service` that logged a change to baggage item `key` (`event=baggage`). */
export function baggageSetOn(run: RunOutput, key: string): FoundSpan[] {
	return allSpans(run).filter((f) => logsOf(f).some((l) => l.event === 'baggage' && l.key === key));
}

/** The client printed `order <id>… → <status>`; the status, or undefined. */
export function answer(run: RunOutput, id: number): number | undefined {
	for (const l of run.console) {
		const m = l.service === 'client' && new RegExp(`^order ${id}\\b.*→ (\\d+)`).exec(l.text.trim());
		if (m) return Number(m[1]);
	}
	return undefined;
}

/** Each order's trace runs edge → orders → ledger, each span a child of the one before. */
export function tracePerOrder(run: RunOutput, orders: number): CheckItem {
	const ledgers = allSpans(run).filter((f) => f.service === LEDGER);
	const chained = ledgers.filter((l) => {
		const o = parentOf(run, l);
		return o?.service === ORDERS && parentOf(run, o)?.service === EDGE;
	});
	const label = text(`each of the ${orders} orders is one trace: edge → orders → ledger`, `${orders} 份订单各是一条 trace：edge → orders → ledger`);
	if (chained.length === orders && run.traces.length === orders) return { label, ok: true };
	const hint =
		ledgers.length < orders
			? text(
					`Only ${ledgers.length} of ${orders} orders reached the ledger with a span: keep every service's middleware as it is and read the Console for errors.`,
					`${orders} 份订单里只有 ${ledgers.length} 份带着 span 到达了 ledger：保持各个服务的中间件不变，再看看控制台里有没有错误。`
				)
			: text(
					"An order's trace broke apart: a server span must be started as a child of the context extracted from the request — the middleware that does it is given, keep it.",
					'有份订单的 trace 断开了：服务端 span 必须作为从请求里提取出的 context 的子 span 启动——负责这件事的中间件已经给好了，请保留它。'
				);
	return { label, ok: false, hint };
}

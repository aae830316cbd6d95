import {
	defineCheck,
	errorSpans,
	findSpans,
	logsOf,
	noErrors,
	printed,
	requestsTo,
	tagValue,
	text,
	type CheckItem,
	type CheckText,
	type FoundSpan,
	type RunOutput
} from '$lib/checks';

const QUERY = { service: 'shop', operation: 'SQL SELECT' };
const RESERVE = { service: 'shop', operation: '/inventory.Inventory/Reserve' };
const PROCESS = { service: 'mailer', operation: 'process emails' };

const failed = (run: RunOutput) => new Set(errorSpans(run).map((f) => f.span.spanID));
/** The log OpenTracing's conventions ask for: event=error, with a message and the stack. */
const errorLog = (f: FoundSpan) => logsOf(f).some((l) => l.event === 'error' && 'message' in l && 'stack' in l);

function line(label: CheckText, ok: boolean, hint: CheckText, missing?: string): CheckItem {
	if (ok) return { label, ok };
	return missing ? { label, ok, hint, missing } : { label, ok, hint };
}

/** The failed call's span is tagged error=true and logs the error; `what` names it for the learner. */
function recorded(run: RunOutput, span: FoundSpan | undefined, key: string, what: { en: string; zh: string }, where: CheckText): CheckItem[] {
	const bad = failed(run);
	return [
		line(
			text(`the span of ${what.en} has tag error=true`, `${what.zh}的 span 带有 tag error=true`),
			Boolean(span && bad.has(span.span.spanID)),
			where,
			span ? undefined : key
		),
		line(
			text(`the span of ${what.en} logs the error (event, message, stack)`, `${what.zh}的 span 用 log 记下了错误（event、message、stack）`),
			Boolean(span && errorLog(span)),
			text(
				`Log what went wrong on the span of ${what.en}, too: span.log({ event: 'error', 'error.object': err, message: err.message, stack: err.stack }). The tag finds the trace; the log tells you what happened without reading the code.`,
				`也在${what.zh}的 span 上用 log 记下出了什么错：span.log({ event: 'error', 'error.object': err, message: err.message, stack: err.stack })。tag 帮你找到这条 trace；log 让你不读代码就知道发生了什么。`
			),
			span ? undefined : key
		)
	];
}

export default defineCheck((run) => {
	const bad = failed(run);
	const queries = findSpans(run, QUERY);
	const giftQuery = queries.find((f) => String(tagValue(f, 'db.statement') ?? '').includes('gift_cards'));
	const bookQueries = queries.filter((f) => f !== giftQuery);
	const reserves = findSpans(run, RESERVE);
	const outOfStock = reserves.find((f) => tagValue(f, 'book') === 'dracula') ?? reserves.find((f) => tagValue(f, 'response_code') !== undefined);
	const reserved = reserves.filter((f) => f !== outOfStock);
	const [processSpan] = findSpans(run, PROCESS);
	const nacked = requestsTo(run, 'rabbitmq').some((r) => r.method === 'basic.nack' || r.method === 'basic.reject');
	const wrongly = [...bookQueries, ...reserved].filter((f) => bad.has(f.span.spanID));

	return [
		printed(
			run,
			'shop',
			'ordered: Moby-Dick (12.50)',
			text('The shop should still complete the order it can: "ordered: Moby-Dick (12.50)". Record each failure, then handle it as before.', 'shop 仍应完成它能完成的那部分订单："ordered: Moby-Dick (12.50)"。记录每次失败，然后照旧处理它。')
		),
		...recorded(
			run,
			giftQuery,
			'shop "SQL SELECT"',
			{ en: 'the gift_cards query', zh: 'gift_cards 查询' },
			text(
				"The gift-card query failed — the table gift_cards does not exist (ER_NO_SUCH_TABLE) — but its span does not say so. In query()'s catch: span.setTag(Tags.ERROR, true), then rethrow.",
				'礼品卡查询失败了——gift_cards 表不存在（ER_NO_SUCH_TABLE）——它的 span 上却看不出来。在 query() 的 catch 里：span.setTag(Tags.ERROR, true)，然后重新抛出。'
			)
		),
		...recorded(
			run,
			outOfStock,
			'shop "/inventory.Inventory/Reserve"',
			{ en: 'the Reserve call that came back FAILED_PRECONDITION', zh: '返回 FAILED_PRECONDITION 的 Reserve 调用' },
			text(
				"Reserving dracula came back with gRPC status FAILED_PRECONDITION (out of stock), but the client span does not say so. For the caller, every status but OK is a failure: in reserve()'s catch, span.setTag(Tags.ERROR, true).",
				'预留 dracula 时返回了 gRPC 状态 FAILED_PRECONDITION（缺货），客户端 span 上却看不出来。对调用方来说，除 OK 之外的任何状态都是失败：在 reserve() 的 catch 里调用 span.setTag(Tags.ERROR, true)。'
			)
		),
		...recorded(
			run,
			processSpan,
			'mailer "process emails"',
			{ en: 'the message the mailer nacked', zh: 'mailer nack 掉的那条消息' },
			text(
				"The mailer could not send the e-mail and nacked the message, but its process emails span does not say so. Before channel.nack(...), span.setTag(Tags.ERROR, true): a message dropped without a trace is the hardest failure to find.",
				'mailer 没能发出邮件，nack 掉了这条消息，它的 process emails span 上却看不出来。在 channel.nack(...) 之前调用 span.setTag(Tags.ERROR, true)：一条悄无声息被丢掉的消息，是最难找的失败。'
			)
		),
		line(
			text('the mailer nacked (or rejected) the message it could not handle', 'mailer nack（或 reject）掉了它处理不了的消息'),
			nacked,
			text(
				"Keep the channel.nack(msg, false, false) in the mailer's catch: the broker should hear that the message failed (and not requeue it — it would fail again, forever).",
				'保留 mailer 的 catch 里的 channel.nack(msg, false, false)：要让 broker 知道这条消息处理失败了（并且不要重新入队——否则它会永远失败下去）。'
			)
		),
		line(
			text('the calls that worked are not marked as errors', '成功的调用没有被标记为错误'),
			wrongly.length === 0 && reserved.length > 0,
			wrongly.length
				? text(
						`The ${wrongly[0].span.operationName} span of a call that worked is tagged error=true. Set the tag only where the call failed: in the catch.`,
						`一个成功调用的 ${wrongly[0].span.operationName} span 带着 error=true。只在调用失败的地方——catch 里——设置这个 tag。`
					)
				: text('Reserve moby-dick as before: it is in stock.', '照旧预留 moby-dick：它有货。'),
			reserved.length ? undefined : 'shop "/inventory.Inventory/Reserve"'
		),
		noErrors(run, text('Record each failure, then handle it as before: nothing should escape a service.', '记录每次失败，然后照旧处理：不应有任何东西逃出服务之外。'))
	];
});

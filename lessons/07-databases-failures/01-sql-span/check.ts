import {
	allSpans,
	defineCheck,
	noErrors,
	parentOf,
	printed,
	requestsTo,
	spanReported,
	tagValue,
	text,
	traceCount,
	type CheckItem,
	type CheckText,
	type FoundSpan,
	type RunOutput
} from '$lib/checks';

const ROOT = { service: 'shop', operation: 'order-history' };
const MISSING = 'shop "SQL SELECT"';

/** The shop's spans besides the request's own: one per query, whatever the learner named them. */
const querySpans = (run: RunOutput): FoundSpan[] =>
	allSpans(run).filter((f) => f.service === ROOT.service && f.span.operationName !== ROOT.operation);

/** The statements the shop sent to MySQL, read off the wire (the request body's sql). */
function sentStatements(run: RunOutput): string[] {
	return requestsTo(run, 'mysql').flatMap((r) => {
		try {
			const sql = (JSON.parse(r.requestBody) as { sql?: unknown }).sql;
			return typeof sql === 'string' ? [sql] : [];
		} catch {
			return [];
		}
	});
}

/** A line of the Checks list; the hint travels only with a failure, and `missing` names a span that never came. */
function line(label: CheckText, ok: boolean, hint: CheckText, missing?: string): CheckItem {
	if (ok) return { label, ok };
	return missing ? { label, ok, hint, missing } : { label, ok, hint };
}

/** An item about every query span; when there are none, it names them as missing. */
function everyQuery(run: RunOutput, label: CheckText, test: (f: FoundSpan) => boolean, hint: CheckText): CheckItem {
	const spans = querySpans(run);
	return line(label, spans.length > 0 && spans.every(test), hint, spans.length === 0 ? MISSING : undefined);
}

function tagged(run: RunOutput, key: string, value: string, hint: CheckText, wrong?: (actual: string) => CheckText | undefined): CheckItem {
	const label = text(`every query span has tag ${key}=${value}`, `每个查询 span 都带有 tag ${key}=${value}`);
	const off = querySpans(run).map((f) => tagValue(f, key)).find((v) => v !== undefined && String(v) !== value);
	return everyQuery(run, label, (f) => String(tagValue(f, key)) === value, (off !== undefined && wrong?.(String(off))) || hint);
}

export default defineCheck((run) => {
	const email = run.args[0] ?? '';
	const sent = sentStatements(run);
	const spans = querySpans(run);
	const leaks = email ? allSpans(run).filter((f) => JSON.stringify([f.span.operationName, f.span.tags, f.span.logs]).includes(email)) : [];
	return [
		printed(
			run,
			'shop',
			'Ada Lovelace: Moby-Dick (12.50), Dracula (9.90)',
			text('The shop should print Ada\'s orders: keep the queries and run with the Arguments ada@example.com.', 'shop 应该打印出 Ada 的订单：保留这些查询，并以参数 ada@example.com 运行。')
		),
		spanReported(run, ROOT, text('Keep the order-history span, and finish it.', '保留 order-history span，并结束它。')),
		line(
			text('each query the shop sent has its own span', 'shop 发出的每个查询都有自己的 span'),
			sent.length > 0 && spans.length >= sent.length,
			spans.length === 0
								? text(
										'The shop sent its queries to MySQL, but no span shows them. In query(), start a span before pool.query() and finish it after the answer — in finally.',
										'shop 把查询发给了 MySQL，却没有 span 记录它们。在 query() 里，在 pool.query() 之前启动一个 span，在拿到结果之后——在 finally 里——结束它。'
									)
								: text(
										`The shop sent ${sent.length} queries but reported ${spans.length} spans for them: each query is a call of its own and gets a span of its own.`,
										`shop 发出了 ${sent.length} 个查询，却只为它们上报了 ${spans.length} 个 span：每个查询都是一次独立的调用，都应有自己的 span。`
									)
		),
		everyQuery(
			run,
			text('every query span is a child of order-history', '每个查询 span 都是 order-history 的子 span'),
			(f) => parentOf(run, f)?.span.operationName === ROOT.operation,
			text(
				'A query span is not under order-history: the request waits for its queries, so start each one with childOf: parent — the span query() is given.',
				'有查询 span 不在 order-history 之下：请求要等它的查询完成，所以启动每个查询 span 时都要用 childOf: parent——也就是传给 query() 的那个 span。'
			)
		),
		tagged(
			run,
			'span.kind',
			'client',
			text(
				'The shop is the client of the database: tag each query span span.kind=client (Tags.SPAN_KIND_RPC_CLIENT), at start.',
				'shop 是数据库的客户端：给每个查询 span 打上 span.kind=client（Tags.SPAN_KIND_RPC_CLIENT），在启动时就打上。'
			)
		),
		tagged(
			run,
			'db.type',
			'sql',
			text("Say what kind of database answered: db.type=sql (Tags.DB_TYPE) on every query span.", '说明是哪一类数据库在应答：在每个查询 span 上打 db.type=sql（Tags.DB_TYPE）。'),
			(v) =>
				text(
					`db.type is "${v}": OpenTracing's conventions name the category of database there, in lower case, and for every SQL database it is "sql". The product goes elsewhere (component, or peer.service).`,
					`db.type 是 "${v}"：按 OpenTracing 的约定，这里写的是小写的数据库类别，所有 SQL 数据库都是 "sql"。具体产品另有去处（component 或 peer.service）。`
				)
		),
		tagged(
			run,
			'db.instance',
			'bookshop',
			text('Name the database the query ran in: db.instance=bookshop (Tags.DB_INSTANCE), the database the pool was created with.', '写明查询在哪个数据库里执行：db.instance=bookshop（Tags.DB_INSTANCE），也就是创建连接池时指定的那个数据库。'),
			(v) =>
				text(
					`db.instance is "${v}", but it is the database's name — bookshop, the database option of createPool. Where the server is goes in peer.address.`,
					`db.instance 是 "${v}"，可它应该是数据库的名字——bookshop，即 createPool 的 database 选项。服务器在哪里，写在 peer.address 里。`
				)
		),
		tagged(
			run,
			'peer.address',
			'mysql:3306',
			text('Say where the database is: peer.address=mysql:3306 (Tags.PEER_ADDRESS), host and port.', '说明数据库在哪里：peer.address=mysql:3306（Tags.PEER_ADDRESS），主机加端口。')
		),
		line(
			text('every statement sent is in a span\'s db.statement, as sent', '发出的每条语句都原样出现在某个 span 的 db.statement 里'),
			sent.length > 0 && sent.every((sql) => spans.some((f) => tagValue(f, 'db.statement') === sql)),
			text(
							'Put the statement on its span exactly as it went to the database — with its ? placeholders, not the values: span tag db.statement (Tags.DB_STATEMENT) = the sql string you pass to pool.query.',
							'把语句原样记在它的 span 上——带着 ? 占位符，而不是具体的值：span 的 tag db.statement（Tags.DB_STATEMENT）= 你传给 pool.query 的那个 sql 字符串。'
			),
			spans.length === 0 ? MISSING : undefined
		),
		line(
			text('no span holds the customer\'s e-mail address', '没有哪个 span 含有顾客的电子邮件地址'),
			leaks.length === 0,
			text(
							`The customer's e-mail address (${email}) is in the ${leaks[0]?.span.operationName} span. Traces are kept for days and read by many people: a value bound to a ? is personal data, or a password, or a card number. Keep the statement with its ? placeholders in db.statement and leave the values out.`,
							`顾客的电子邮件地址（${email}）出现在 ${leaks[0]?.span.operationName} span 里。trace 会保存好几天，很多人都能看到：绑定到 ? 上的值可能是个人数据、密码或卡号。db.statement 里保留带 ? 占位符的语句，不要把值放进去。`
			)
		),
		everyQuery(
			run,
			text('query span names stay few: no statement in the operation name', '查询 span 的名字种类很少：操作名里没有语句'),
			(f) => f.span.operationName.length <= 40 && !/\b(from|where|values|set)\b/i.test(f.span.operationName),
			text(
				'The operation name holds the statement. Jaeger lists, groups and counts spans by operation name, so keep names few and stable — "SQL SELECT", as Jaeger\'s HotROD demo names its queries — and put the statement in db.statement.',
				'操作名里放了整条语句。Jaeger 按操作名列出、分组和统计 span，所以名字要少而稳定——像 Jaeger 的 HotROD 演示那样叫 "SQL SELECT"——语句放进 db.statement。'
			)
		),
		traceCount(run, 1, text('One request, one trace: the queries belong to order-history\'s trace.', '一个请求，一条 trace：这些查询属于 order-history 的 trace。')),
		noErrors(run, text('Finish each span and let the query\'s answer through: nothing should escape the service.', '结束每个 span，并让查询结果正常返回：不应有任何东西逃出服务之外。'))
	];
});

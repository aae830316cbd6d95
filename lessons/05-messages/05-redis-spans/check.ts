import { allSpans, consoleMatches, defineCheck, requestsTo, tagValue, text, type CheckItem, type FoundSpan, type RunOutput } from '$lib/checks';

// connection housekeeping the client sends by itself: not the learner's commands
const HOUSEKEEPING = new Set(['HELLO', 'CLIENT', 'SELECT', 'AUTH', 'PING', 'QUIT', 'COMMAND', 'INFO']);

/** The Redis client spans the order service reported: tagged as one, or named after a command it sent. */
function redisSpans(run: RunOutput, sent: Set<string>): FoundSpan[] {
	return allSpans(run).filter(
		(f) =>
			f.service === 'order' &&
			(tagValue(f, 'db.type') !== undefined || tagValue(f, 'db.statement') !== undefined || sent.has(f.span.operationName.toUpperCase()))
	);
}

/** Which command a span stands for: the statement's first word, else its name. */
const commandOf = (f: FoundSpan) => String(tagValue(f, 'db.statement') ?? f.span.operationName).trim().split(/\s+/)[0].toUpperCase();

function every(label: CheckItem['label'], spans: FoundSpan[], bad: (f: FoundSpan) => boolean, hint: (f: FoundSpan) => CheckItem['hint']): CheckItem {
	const wrong = spans.find(bad);
	return wrong || spans.length === 0 ? { label, ok: false, hint: spans.length === 0 ? text('No Redis client span arrived yet: start one around each command.', '还没有 Redis 客户端 span 到达：在每条命令外面启动一个。') : hint(wrong!) } : { label, ok: true };
}

export default defineCheck((run) => {
	const emails = run.args.length ? run.args : ['ada@example.com', 'grace@example.com'];
	const commands = requestsTo(run, 'redis')
		.filter((r) => r.from === 'order' && !HOUSEKEEPING.has(r.method.toUpperCase()))
		.map((r) => r.method.toUpperCase());
	const spans = redisSpans(run, new Set(commands));
	const name = (f: FoundSpan) => f.span.operationName;

	// as many spans for each command as the command was sent
	const sentCount = new Map<string, number>();
	for (const c of commands) sentCount.set(c, (sentCount.get(c) ?? 0) + 1);
	const spanCount = new Map<string, number>();
	for (const f of spans) spanCount.set(commandOf(f), (spanCount.get(commandOf(f)) ?? 0) + 1);
	const uncovered = [...sentCount].find(([c, n]) => (spanCount.get(c) ?? 0) < n);
	const covered: CheckItem = {
		label: text('every Redis command order sends has its client span', 'order 发出的每条 Redis 命令都有自己的客户端 span'),
		ok: commands.length > 0 && !uncovered
	};
	if (!covered.ok)
		covered.hint = uncovered
			? text(
					`${uncovered[0]} went to redis ${uncovered[1]} time(s) but only ${spanCount.get(uncovered[0]) ?? 0} span(s) stand for it: send that command through your wrapper too, so no command goes out untraced.`,
					`${uncovered[0]} 发往 redis ${uncovered[1]} 次，可代表它的 span 只有 ${spanCount.get(uncovered[0]) ?? 0} 个：让这条命令也经过你的包装函数，不让任何命令在没有追踪的情况下发出。`
				)
			: text('order sent no command to redis: keep INCR, SET and LPUSH.', 'order 没有向 redis 发送任何命令：保留 INCR、SET 和 LPUSH。');

	return [
		...emails.map((e) =>
			consoleMatches(run, 'mailer', new RegExp(`sent to ${e.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), text(`mailer sends the receipt to ${e}`, `mailer 把收据发给了 ${e}`), text('Keep pushing every job: the mailer sends a receipt for each.', '继续推送每个 job：mailer 会为每个 job 发送收据。'))
		),
		covered,
		every(
			text('every Redis span has tag span.kind=client', '每个 Redis span 都带有 tag span.kind=client'),
			spans,
			(f) => tagValue(f, 'span.kind') !== 'client',
			(f) =>
				text(
					`"${name(f)}" has span.kind=${tagValue(f, 'span.kind') ?? '(none)'}: a call to a database is the client side — Tags.SPAN_KIND_RPC_CLIENT, at start.`,
					`"${name(f)}" 的 span.kind=${tagValue(f, 'span.kind') ?? '（无）'}：调用数据库的是客户端一侧——启动时用 Tags.SPAN_KIND_RPC_CLIENT。`
				)
		),
		every(
			text('every Redis span has tag db.type=redis', '每个 Redis span 都带有 tag db.type=redis'),
			spans,
			(f) => tagValue(f, 'db.type') !== 'redis',
			(f) => text(`Tag "${name(f)}" with the kind of database, in lower case: [Tags.DB_TYPE]: 'redis'.`, `给 "${name(f)}" 打上数据库的种类，用小写：[Tags.DB_TYPE]: 'redis'。`)
		),
		every(
			text('every Redis span has tag peer.address=redis:6379', '每个 Redis span 都带有 tag peer.address=redis:6379'),
			spans,
			(f) => tagValue(f, 'peer.address') !== 'redis:6379',
			(f) =>
				text(
					`"${name(f)}" has peer.address=${tagValue(f, 'peer.address') ?? '(none)'}: it is the server's host:port the command went to — 'redis:6379'.`,
					`"${name(f)}" 的 peer.address=${tagValue(f, 'peer.address') ?? '（无）'}：它是命令发往的服务器的 host:port——'redis:6379'。`
				)
		),
		every(
			text('every Redis span’s db.statement starts with its command', '每个 Redis span 的 db.statement 都以它的命令开头'),
			spans,
			(f) => {
				const s = tagValue(f, 'db.statement');
				return s === undefined || !sentCount.has(commandOf(f));
			},
			(f) =>
				tagValue(f, 'db.statement') === undefined
					? text(`Tag "${name(f)}" with the command it ran: [Tags.DB_STATEMENT]: 'LPUSH receipts', say.`, `给 "${name(f)}" 打上它执行的命令：比如 [Tags.DB_STATEMENT]: 'LPUSH receipts'。`)
					: text(
							`"${name(f)}" says db.statement=${String(tagValue(f, 'db.statement'))}, but no such command went to redis: start the statement with the command the span wraps.`,
							`"${name(f)}" 的 db.statement=${String(tagValue(f, 'db.statement'))}，可并没有这样的命令发往 redis：让语句以这个 span 包住的命令开头。`
						)
		),
		every(
			text('no db.statement holds a customer’s e-mail address', '没有哪个 db.statement 含有顾客的邮箱地址'),
			spans,
			(f) => emails.some((e) => String(tagValue(f, 'db.statement') ?? '').includes(e)),
			(f) =>
				text(
					`"${name(f)}"'s db.statement carries a customer's e-mail address: a trace is read by many people and kept for days — record the command and its key, and leave the values out.`,
					`"${name(f)}" 的 db.statement 里有顾客的邮箱地址：trace 会被很多人看到、保存好些天——只记下命令和它的 key，把值留在外面。`
				)
		),
		every(
			text('every Redis span is a child of the span that sent the command', '每个 Redis span 都是发出命令的那个 span 的子 span'),
			spans,
			(f) => !f.span.references.some((r) => r.refType === 'CHILD_OF'),
			(f) =>
				text(
					`"${name(f)}" is the root of a trace of its own: start it with childOf the span the command belongs to (place-order, enqueue-receipt).`,
					`"${name(f)}" 自成了一条 trace 的根：用 childOf 把它挂到这条命令所属的 span 下（place-order、enqueue-receipt）。`
				)
		)
	];
});

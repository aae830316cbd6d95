import { consoleMatches, defineCheck, eachReferencesOwn, findSpans, referencedSpans, tagValue, text, type CheckItem } from '$lib/checks';
import { consumerKind, ENQUEUE, producerKind, SEND } from '../shape';

export default defineCheck((run) => {
	const emails = run.args.length ? run.args : ['ada@example.com', 'grace@example.com'];
	const enqueues = findSpans(run, ENQUEUE);
	const sends = findSpans(run, SEND);

	// bug: the error check after loadContext is inverted, so a job whose context was found is dropped
	const handled: CheckItem = {
		label: text('the mailer handles every job, context or not', 'mailer 处理了每个 job，不管有没有 context'),
		ok: sends.length === emails.length
	};
	if (!handled.ok)
		handled.hint =
			sends.length < emails.length
				? text(
						`${emails.length} jobs were pushed but the mailer sent ${sends.length} receipt(s), and printed nothing for the rest: look at the check right after loadContext — it returns when there is no error, so exactly the jobs whose context was found are dropped. Return (or warn) only when there is an error, and a job without a context still gets its receipt, as a new trace.`,
						`推送了 ${emails.length} 个 job，mailer 却只发出了 ${sends.length} 份收据，其余的什么也没打印：看看 loadContext 之后紧跟着的那个判断——它在没有错误时返回，于是偏偏是找到了 context 的 job 被丢掉了。只在出错时返回（或发出警告），没有 context 的 job 也照样发收据，作为一条新的 trace。`
					)
				: text(`The mailer sent ${sends.length} receipts for ${emails.length} jobs: one send-receipt per job.`, `${emails.length} 个 job，mailer 却发出了 ${sends.length} 份收据：每个 job 一个 send-receipt。`);

	// bug: job ids from the time in seconds, so jobs in the same second share one id, one key, one context
	const ids = enqueues.map((f) => String(tagValue(f, 'job.id')));
	const unique: CheckItem = {
		label: text('every job has its own id', '每个 job 都有自己的 id'),
		ok: enqueues.length > 0 && new Set(ids).size === ids.length
	};
	if (!unique.ok)
		unique.hint =
			enqueues.length === 0
				? text('No enqueue-receipt span arrived: keep one per job.', '一个 enqueue-receipt span 也没有到达：每个 job 保留一个。')
				: text(
						`Two jobs got the id ${ids.find((v, i) => ids.indexOf(v) !== i)}: the id is the time in seconds, so jobs placed in the same second share one ctx: key, and the second job's context overwrites the first's. Make the id unique per job (a counter plus randomness, or INCR in Redis).`,
						`有两个 job 的 id 都是 ${ids.find((v, i) => ids.indexOf(v) !== i)}：id 取的是以秒为单位的时间，同一秒里下的单就共用同一个 ctx: key，第二个 job 的 context 覆盖了第一个的。让 id 对每个 job 都唯一（计数器加随机数，或者用 Redis 的 INCR）。`
					);

	// every job's enqueue-receipt is followed by a send-receipt (collisions hang both under one)
	const orphans = enqueues.filter((e) => !sends.some((s) => referencedSpans(run, s).some((r) => r.to.span.spanID === e.span.spanID)));
	const eachFollowed: CheckItem = {
		label: text('every enqueue-receipt is followed by its own send-receipt', '每个 enqueue-receipt 后面都跟着它自己的 send-receipt'),
		ok: enqueues.length > 0 && orphans.length === 0
	};
	if (!eachFollowed.ok && sends.length === 0) {
		eachFollowed.hint = text('No send-receipt span arrived: the mailer dropped every job before it started one.', '一个 send-receipt span 也没有到达：mailer 在启动它之前就把所有 job 都丢掉了。');
		eachFollowed.missing = 'mailer "send-receipt"';
	} else if (!eachFollowed.ok)
		eachFollowed.hint = text(
			`${orphans.length} enqueue-receipt span(s) have no send-receipt following them: the mailer continued another job's context instead — two jobs shared one context.`,
			`有 ${orphans.length} 个 enqueue-receipt span 后面没有跟着 send-receipt：mailer 延续的是另一个 job 的 context——两个 job 共用了一个 context。`
		);

	return [
		...emails.map((e) =>
			consoleMatches(
				run,
				'mailer',
				new RegExp(`sent to ${e.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
				text(`mailer sends the receipt to ${e}`, `mailer 把收据发给了 ${e}`),
				text(`No receipt went to ${e}: a job was dropped somewhere between the list and the mail.`, `没有收据发给 ${e}：有个 job 在列表和邮件之间的某处被丢掉了。`)
			)
		),
		handled,
		producerKind(run, ENQUEUE),
		consumerKind(run, SEND),
		unique,
		eachFollowed,
		eachReferencesOwn(run, SEND, ENQUEUE, 'job.id', 'FOLLOWS_FROM', {
			missing: text('No send-receipt span arrived: the mailer dropped every job.', '一个 send-receipt span 也没有到达：mailer 把所有 job 都丢掉了。'),
			none: text(
				'a send-receipt span has no reference to any enqueue-receipt: its context was not found under ctx:<id>.',
				'有 send-receipt span 没有引用任何 enqueue-receipt：在 ctx:<id> 下没有找到它的 context。'
			),
			other: text('a send-receipt span continues another job’s trace: two jobs shared one context key.', '有 send-receipt span 延续的是另一个 job 的 trace：两个 job 共用了一个 context 的 key。'),
			type: text('send-receipt should follow from enqueue-receipt, not be its child.', 'send-receipt 应该以 FollowsFrom 引用 enqueue-receipt，而不是作为它的子 span。')
		})
	];
});

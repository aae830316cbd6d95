import { consoleMatches, defineCheck, eachReferencesOwn, findSpans, requestsTo, spanCount, tagValue, text, type CheckItem } from '$lib/checks';
import { consumerKind, destination, ENQUEUE, LIST, producerKind, SEND } from '../shape';

export default defineCheck((run) => {
	const emails = run.args.length ? run.args : ['ada@example.com', 'grace@example.com'];
	const pushes = requestsTo(run, 'redis').filter((r) => r.method === 'LPUSH');
	const carrying = pushes.filter((r) => r.requestBody.includes('uber-trace-id'));
	const inJob: CheckItem = {
		label: text(`every job pushed onto ${LIST} carries a trace context`, `推进 ${LIST} 的每个 job 都带着 trace context`),
		ok: pushes.length > 0 && carrying.length === pushes.length
	};
	if (!inJob.ok)
		inJob.hint =
			pushes.length === 0
				? text(`No LPUSH reached redis: keep pushing each job onto the ${LIST} list.`, `没有 LPUSH 到达 redis：继续把每个 job 推进 ${LIST} 列表。`)
				: text(
						'A job went onto the list without uber-trace-id in it: inject enqueue-receipt’s context with FORMAT_TEXT_MAP into an object inside the job (job.trace) before JSON.stringify — a Redis list has no headers, the job is the only carrier.',
						'有个 job 进入列表时里面没有 uber-trace-id：在 JSON.stringify 之前，用 FORMAT_TEXT_MAP 把 enqueue-receipt 的 context 注入到 job 里的一个对象（job.trace）——Redis 列表没有消息头，job 是唯一的载体。'
					);
	const ids = findSpans(run, ENQUEUE).map((f) => tagValue(f, 'job.id'));
	const unique: CheckItem = {
		label: text('every job has its own job.id', '每个 job 都有自己的 job.id'),
		ok: ids.length > 0 && ids.every((v) => v !== undefined) && new Set(ids.map(String)).size === ids.length
	};
	if (!unique.ok)
		unique.hint =
			ids.length === 0
				? text('No enqueue-receipt span arrived, so no job has an id yet: start one per job, tagged job.id.', '一个 enqueue-receipt span 也没有到达，所以还没有哪个 job 有 id：每个 job 启动一个，带上 tag job.id。')
				: ids.some((v) => v === undefined)
			? text('Tag enqueue-receipt with the job’s id: job.id.', '给 enqueue-receipt 打上 job 的 id：job.id。')
			: text('Two jobs got the same id: make the id unique per job, not per second or per millisecond.', '有两个 job 的 id 相同：让 id 对每个 job 都唯一，而不是每秒或每毫秒一个。');
	return [
		...emails.map((e) =>
			consoleMatches(run, 'mailer', new RegExp(`sent to ${e.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), text(`mailer sends the receipt to ${e}`, `mailer 把收据发给了 ${e}`), text('Keep sending a receipt for every job the worker pops.', '对 worker 取出的每个 job 都照常发送收据。'))
		),
		spanCount(run, ENQUEUE, emails.length, text('One enqueue-receipt span per order: start it before pushing the job, finish it after.', '每份订单一个 enqueue-receipt span：推送 job 之前启动，之后结束。')),
		producerKind(run, ENQUEUE),
		destination(run, ENQUEUE, LIST, 'redis'),
		inJob,
		unique,
		spanCount(run, SEND, emails.length, text('One send-receipt span per job the worker pops.', 'worker 每取出一个 job，就有一个 send-receipt span。')),
		eachReferencesOwn(run, SEND, ENQUEUE, 'job.id', 'FOLLOWS_FROM', {
			missing: text('No send-receipt span arrived: start one for each job and finish it.', '一个 send-receipt span 也没有到达：为每个 job 启动一个，并结束它。'),
			none: text(
				'a send-receipt span references no enqueue-receipt: parse the job, extract with FORMAT_TEXT_MAP from the object inside it — tracer.extract(FORMAT_TEXT_MAP, job.trace), not from the JSON text — and start send-receipt with references: [followsFrom(parent)]. The job must carry enqueue-receipt’s own context.',
				'有 send-receipt span 没有引用任何 enqueue-receipt：解析 job，用 FORMAT_TEXT_MAP 从它里面的那个对象提取——tracer.extract(FORMAT_TEXT_MAP, job.trace)，而不是从 JSON 文本提取——再用 references: [followsFrom(parent)] 启动 send-receipt。job 里带的必须是 enqueue-receipt 自己的 context。'
			),
			other: text(
				'a send-receipt span follows from another job’s enqueue-receipt: extract from each job’s own context, and give every job a unique id.',
				'有 send-receipt span 引用的是另一个 job 的 enqueue-receipt：从每个 job 自己的 context 提取，并给每个 job 一个唯一的 id。'
			),
			type: text(
				'send-receipt is a ChildOf enqueue-receipt, but the order did not wait for the mail: references: [followsFrom(parent)].',
				'send-receipt 以 ChildOf 引用了 enqueue-receipt，可下单并没有等邮件发出：references: [followsFrom(parent)]。'
			)
		}),
		consumerKind(run, SEND)
	];
});

import {
	byDuration,
	consoleMatches,
	countsByOperation,
	defineCheck,
	namesOperation,
	noErrors,
	recorded,
	text,
	tracesRootedAt,
	type CheckItem,
	type CheckText,
	type Localized,
	type RunOutput
} from '$lib/checks';

const DISPATCH = { service: 'frontend', operation: 'HTTP GET /dispatch' };
const REQUESTS = 50;

type Answer = ReturnType<typeof recorded>;
type Trace = RunOutput['traces'][number];
interface Op { service: string; operation: string }

const shown = (a: Answer) => (a === undefined ? 'nothing' : JSON.stringify(a));
const shownZh = (a: Answer) => (a === undefined ? '没有记录' : JSON.stringify(a));
const serviceOfSpan = (t: Trace, s: Trace['spans'][number]) => t.processes[s.processID]?.serviceName ?? '';
const isOp = (t: Trace, s: Trace['spans'][number], op: Op) => s.operationName === op.operation && serviceOfSpan(t, s) === op.service;
const namesAny = (a: Answer, ops: Op[]) => ops.some((o) => namesOperation(a, o.service, o.operation));

function answerItem(key: string, what: Localized, answer: Answer, ok: boolean, hint: CheckText): CheckItem {
	return {
		label: text(`${key} — ${what.en} (recorded: ${shown(answer)})`, `${key}——${what['zh-CN']}（记录的是：${shownZh(answer)}）`),
		ok,
		hint: answer === undefined
			? text(
					`The dispatch spans carry no ${key}: put your answer in FINDINGS in frontend.ts (or tag the dispatch span with it yourself), and run again.`,
					`派单 span 上没有 ${key}：把你的答案填进 frontend.ts 的 FINDINGS（或者自己给派单 span 打上这个 tag），再运行一次。`
				)
			: hint
	};
}

/** What the slowest dispatch has that the fastest lacks: operations with more spans, their new tag keys, their parents. */
function difference(fast: Trace, slow: Trace) {
	const fastCounts = countsByOperation(fast);
	const countIn = (op: Op) => fastCounts.find((c) => c.service === op.service && c.operation === op.operation)?.value ?? 0;
	const slowCounts = countsByOperation(slow);
	const extra: Op[] = slowCounts.filter((c) => c.value > countIn(c));
	const same: Op[] = slowCounts.filter((c) => c.value === countIn(c));
	const keys = (t: Trace, ops: Op[]) => new Set(t.spans.filter((s) => ops.some((o) => isOp(t, s, o))).flatMap((s) => s.tags.map((k) => k.key)));
	const fastKeys = keys(fast, extra);
	const newTags = [...keys(slow, extra)].filter((k) => !fastKeys.has(k));
	const oldTags = [...fastKeys];
	const parents: Op[] = slow.spans
		.filter((s) => extra.some((o) => isOp(slow, s, o)))
		.flatMap((s) => s.references.filter((r) => r.refType === 'CHILD_OF'))
		.map((r) => slow.spans.find((p) => p.spanID === r.spanID))
		.filter((p) => p !== undefined)
		.map((p) => ({ service: serviceOfSpan(slow, p), operation: p.operationName }));
	return { extra, same, newTags, oldTags, parents };
}

/** `error`, `error=true`, ` Error ` all name the tag `error`. */
const namesTag = (a: Answer, keys: string[]) => typeof a === 'string' && keys.some((k) => a.split('=')[0].trim().toLowerCase() === k.toLowerCase());

export default defineCheck((run) => {
	const dispatches = byDuration(tracesRootedAt(run, DISPATCH));
	const slow = dispatches.at(-1);
	// On a loaded machine the fastest dispatch may have hit a stall too; then the fastest one that
	// did not (no failed attempt, so no retry) is as fair a "fast trace", and an answer right for
	// either comparison counts.
	const clean = dispatches.find((t) => !t.spans.some((s) => s.tags.some((k) => k.key === 'error' && (k.value === true || k.value === 'true'))));
	const fasts = [...new Set([dispatches[0], clean])].filter((t): t is Trace => t !== undefined && t !== slow);
	const none = { extra: [], same: [], newTags: [], oldTags: [], parents: [] };
	const diffs = slow && fasts.length ? fasts.map((f) => difference(f, slow)) : [none];
	const diff = diffs[0];
	const anyDiff = (ok: (d: ReturnType<typeof difference>) => boolean) => diffs.some(ok);

	const extraOp = recorded(run, DISPATCH, 'finding.extra_operation');
	const extraTag = recorded(run, DISPATCH, 'finding.extra_tag');
	const extraParent = recorded(run, DISPATCH, 'finding.extra_parent');

	const opHint = namesAny(extraOp, diff.same)
		? text(
				'That span is in both traces, as often in each: Compare shows the same count on both sides. It is longer in the slow trace because of what runs under it. Look for the row whose counts differ.',
				'那个 span 两条 trace 里都有，次数也一样：Compare 在两边显示的 count 相同。它在慢的那条里更长，是因为它下面运行的东西。去找两边 count 不同的那一行。'
			)
		: typeof extraOp === 'string' && /redis|mysql/i.test(extraOp)
			? text(
					'Redis and MySQL report no spans of their own; the answer is an operation, a row of the Compare table, as a span names it.',
					'Redis 和 MySQL 自己不上报 span；答案是一个 operation，也就是 Compare 表格里的一行，写 span 上显示的名字。'
				)
			: text(
					'In Search, sort by duration, tick the fastest and the slowest dispatch and press Compare: each row is an operation at its place in the tree, with a count for each trace. Name the operation whose count is higher in the slow one.',
					'在 Search 里按耗时排序，勾选最快和最慢的两条派单，点 Compare：每一行是树中某个位置上的一个 operation，两条 trace 各有一个 count。写出在慢的那条里 count 更高的那个 operation。'
				);

	const tagHint = diffs.every((d) => namesTag(extraTag, d.oldTags))
		? text(
				'The fast trace\'s spans of that operation carry that tag too, so it does not tell them apart. Click the extra spans in the slow trace and look for a tag none of the fast trace\'s has — Search\'s tag filter with it finds only slow traces.',
				'快的那条 trace 里这个 operation 的 span 也带着这个 tag，所以它区分不出两者。点开慢的那条 trace 里多出来的 span，找一个快的那条里哪个 span 都没有的 tag——用它在 Search 里按 tag 过滤，找到的只会是慢的 trace。'
			)
		: text(
				'Not a tag of the extra spans: in the slow trace, click the spans the fast one has fewer of and read their Tags — a key, like span.kind, not its value.',
				'不是多出来的那些 span 的 tag：在慢的那条 trace 里，点开快的那条里较少的那种 span，读它们的 Tags——写键名，比如 span.kind，而不是值。'
			);

	const parentHint = namesAny(extraParent, diff.extra)
		? text(
				'A retry is not a child of the attempt that failed: that attempt had ended. Both hang side by side under one parent — expand the slow trace and look at the indentation, or click a retry and read its parent.',
				'重试不是失败那次尝试的子 span：那次尝试已经结束了。两者并排挂在同一个父 span 下面——展开慢的那条 trace 看缩进，或者点开一次重试看它的父 span。'
			)
		: text(
				'Not where the extra spans hang: click one in the slow trace and read its parent (the span one level up in the timeline\'s tree).',
				'不是多出来的那些 span 所挂的位置：在慢的那条 trace 里点开一个，看它的父 span（时间线树状结构里上一层的那个 span）。'
			);

	return [
		consoleMatches(
			run,
			'load',
			new RegExp(`^${REQUESTS} of ${REQUESTS} dispatches answered`),
			text(`load prints "${REQUESTS} of ${REQUESTS} dispatches answered"`, `load 打印出 "${REQUESTS} of ${REQUESTS} dispatches answered"`),
			text('Some dispatches failed: load prints the first failure. The app should work as step 3 left it; only frontend.ts\'s answers change.', '有些派单失败了：load 打印出了第一个失败。应用应该保持第 3 步结束时的样子；只改 frontend.ts 里的答案。')
		),
		answerItem('finding.extra_operation', text('the operation the slowest dispatch has more spans of than the fastest', '最慢的派单比最快的多出 span 的那个 operation'), extraOp, anyDiff((d) => namesAny(extraOp, d.extra)), opHint),
		answerItem('finding.extra_tag', text('a tag those extra spans carry and the fast trace\'s never do', '那些多出来的 span 带着、而快的 trace 里从来没有的一个 tag'), extraTag, anyDiff((d) => namesTag(extraTag, d.newTags)), tagHint),
		answerItem('finding.extra_parent', text('the operation those extra spans hang under', '那些多出来的 span 挂在哪个 operation 下面'), extraParent, anyDiff((d) => namesAny(extraParent, d.parents)), parentHint),
		noErrors(run, text('A service stopped with an error: the Console says where. Every service should keep serving.', '有服务因错误而停下了：控制台里写着出错的位置。每个服务都应该一直正常提供服务。'))
	];
});

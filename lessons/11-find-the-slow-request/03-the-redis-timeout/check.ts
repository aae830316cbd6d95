import { consoleMatches, defineCheck, errorSpans, findSpans, logsOf, noErrors, tagValue, text, type CheckItem, type FoundSpan } from '$lib/checks';

const GET_DRIVER = { service: 'driver', operation: 'GetDriver' };
const REQUESTS = 50;
/** driver.ts gives a Redis lookup this long (named in hints only: the check judges shapes, not durations) */
const TIMEOUT_MS = 150;
const ATTEMPTS = 3;

const driverOf = (f: FoundSpan) => String(tagValue(f, 'param.driverID') ?? '');
const parentId = (f: FoundSpan) => f.span.references.find((r) => r.refType === 'CHILD_OF')?.spanID ?? '';
/** a tag saying which attempt or retry this is: retry_no, retry, attempt … with a number */
const numbered = (f: FoundSpan) => f.span.tags.some((t) => /retry|attempt/i.test(t.key) && Number(t.value) >= 1);
const loggedError = (f: FoundSpan) => logsOf(f).some((l) => l.event === 'error' && ('message' in l || 'error.object' in l));

/**
 * The attempts at one driver in one search: the GetDriver spans of the same trace, parent and driver,
 * in the order they started. A lookup is tried again only after it failed, so in each list every
 * attempt but the last is a failure — that is the shape the check reads, whatever the clock says.
 */
function attemptsByLookup(tries: FoundSpan[]): FoundSpan[][] {
	const byKey = new Map<string, FoundSpan[]>();
	for (const f of tries) {
		const key = `${f.span.traceID} ${parentId(f)} ${driverOf(f)}`;
		byKey.set(key, [...(byKey.get(key) ?? []), f]);
	}
	return [...byKey.values()].map((list) => list.sort((a, b) => a.span.startTime - b.span.startTime));
}

export default defineCheck((run) => {
	const tries = findSpans(run, GET_DRIVER);
	const lookups = attemptsByLookup(tries);
	const failedSet = new Set(errorSpans(run).map((f) => f.span));
	const isFailed = (f: FoundSpan) => failedSet.has(f.span);
	const failed = tries.filter(isFailed);
	// attempts that were followed by another: each of them failed, whatever it says
	const retried = lookups.flatMap((list) => list.slice(0, -1));
	const unmarked = retried.filter((f) => !isFailed(f));
	// one span as long as the timeout and nothing after it: the timeout and the retry hidden inside (for the hint)
	const covering = lookups.filter((list) => list.length === 1 && !isFailed(list[0]) && list[0].span.duration >= TIMEOUT_MS * 1000).length;
	const silent = failed.filter((f) => !loggedError(f));
	const notRetried = lookups.filter((list) => list.length < ATTEMPTS && isFailed(list[list.length - 1])).length;
	const retries = lookups.flatMap((list) => list.slice(1));
	const unnumbered = retries.filter((f) => !numbered(f));

	const items: CheckItem[] = [
		consoleMatches(
			run,
			'load',
			new RegExp(`^${REQUESTS} of ${REQUESTS} dispatches answered`),
			text(`load prints "${REQUESTS} of ${REQUESTS} dispatches answered"`, `load 打印出 "${REQUESTS} of ${REQUESTS} dispatches answered"`),
			text('Some dispatches failed: load prints the first failure. A timed-out lookup is tried again; the request should still get its answer.', '有些派单失败了：load 打印出了第一个失败。超时的查询会重试；请求仍然应该得到应答。')
		),
		{
			label: text(
				`every GetDriver attempt that was tried again is marked as an error (${retried.length - unmarked.length} of ${retried.length})`,
				`每个之后又重试了的 GetDriver 尝试都标成了错误（${retried.length} 个中有 ${retried.length - unmarked.length} 个）`
			),
			ok: failed.length > 0 && retried.length > 0 && unmarked.length === 0,
			hint:
				retried.length === 0 && failed.length === 0
					? text(
							`No GetDriver span failed and none was tried again, though Redis stalls on one lookup in five${covering ? ` — ${covering} GetDriver spans lasted ${TIMEOUT_MS} ms and more` : ''}: each of those holds a timeout and the retry after it. One span for all attempts hides both — start a span per attempt, and when an attempt times out, set Tags.ERROR on it.`,
							`没有哪个 GetDriver span 失败，也没有哪个被重试，可 Redis 每五次查询就会卡住一次${covering ? `——有 ${covering} 个 GetDriver span 持续了 ${TIMEOUT_MS} ms 以上` : ''}：每个这样的 span 里都装着一次超时和之后的重试。所有尝试共用一个 span，两者都被藏起来了——每次尝试开一个 span，某次超时了就给它设上 Tags.ERROR。`
						)
					: retried.length === 0
						? text(
								`${failed.length} GetDriver spans are errors, yet no lookup has a second GetDriver span: the retries still run inside the failed span. Start a span per attempt, each finished before the next begins.`,
								`有 ${failed.length} 个 GetDriver span 是错误，可没有哪次查询有第二个 GetDriver span：重试仍然在失败的 span 里面进行。每次尝试开一个 span，在下一次开始之前结束它。`
							)
						: text(
								`${unmarked.length} GetDriver attempts were tried again — so they failed — but are not errors: in the catch that sees the timeout, span.setTag(Tags.ERROR, true) on that attempt's span (not on FindNearest, which succeeds in the end).`,
								`有 ${unmarked.length} 个 GetDriver 尝试之后又重试了——说明它们失败了——却没有标成错误：在捕获到超时的 catch 里，对这次尝试的 span 调用 span.setTag(Tags.ERROR, true)（而不是 FindNearest，它最终是成功的）。`
							)
		},
		{
			label: text('each failed GetDriver logs the error (event=error, with a message)', '每个失败的 GetDriver 都用 log 记下了错误（event=error，带 message）'),
			ok: failed.length > 0 && silent.length === 0,
			hint: text(
				`${silent.length || 'The'} failed GetDriver spans say they failed but not why: span.log({ event: 'error', message: err.message }) next to the error tag — that is what the trace view shows under the red span.`,
				`${silent.length || ''} 个失败的 GetDriver span 说了自己失败，却没说为什么：在设错误 tag 的地方同时调用 span.log({ event: 'error', message: err.message })——trace 视图在红色 span 下面显示的就是它。`
			)
		},
		{
			label: text(
				`each failed GetDriver is followed by a retry: another GetDriver span for the same driver, under the same parent (unless it was attempt ${ATTEMPTS})`,
				`每个失败的 GetDriver 之后都有一次重试：同一个司机的另一个 GetDriver span，在同一个父 span 下（除非它已是第 ${ATTEMPTS} 次尝试）`
			),
			ok: failed.length > 0 && notRetried === 0,
			hint: text(
				`${notRetried || 'No'} failed GetDriver spans have no retry after them under the same parent. Each attempt gets its own span, a sibling under FindNearest: retry by calling the traced lookup again, not by looping inside one span (and not under the failed span, which has ended).`,
				`有 ${notRetried || ''} 个失败的 GetDriver span 在同一个父 span 下之后没有重试。每次尝试都有自己的 span，作为 FindNearest 下的兄弟 span：通过再次调用带 span 的查询来重试，而不是在一个 span 里循环（也不要挂在已经结束的失败 span 下面）。`
			)
		},
		{
			label: text(
				`each retry says which one it is: a retry_no (or attempt) tag (${retries.length - unnumbered.length} of ${retries.length})`,
				`每次重试都说明自己是第几次：带 retry_no（或 attempt）tag（${retries.length} 个中有 ${retries.length - unnumbered.length} 个）`
			),
			ok: retries.length > 0 && unnumbered.length === 0,
			hint: text(
				`${unnumbered.length || 'The'} retry spans look like any first try: tag each with its number — span.setTag('retry_no', attempt - 1), as HotROD logs it — so a search for retry_no finds them and a reader tells a retry from a new lookup.`,
				`${unnumbered.length || ''} 个重试 span 看起来和第一次尝试没有区别：给每个都打上它的序号——span.setTag('retry_no', attempt - 1)，和 HotROD 记的一样——这样搜索 retry_no 就能找到它们，读 trace 的人也分得清重试和新的查询。`
			)
		},
		noErrors(run, text('A service stopped with an error: the Console says where. A timeout is caught and retried, not thrown out of the service.', '有服务因错误而停下了：控制台里写着出错的位置。超时应该被捕获并重试，而不是抛出服务之外。'))
	];
	return items;
});

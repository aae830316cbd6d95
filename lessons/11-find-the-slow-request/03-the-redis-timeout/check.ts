import { consoleMatches, defineCheck, errorSpans, findSpans, logsOf, noErrors, parentOf, tagValue, text, type CheckItem, type FoundSpan, type RunOutput } from '$lib/checks';

const GET_DRIVER = { service: 'driver', operation: 'GetDriver' };
const REQUESTS = 50;
/** driver.ts gives a Redis lookup this long; an attempt that lasted it has timed out */
const TIMEOUT_MS = 150;
const ATTEMPTS = 3;

const ms = (f: FoundSpan) => f.span.duration / 1000;
const end = (f: FoundSpan) => f.span.startTime + f.span.duration;
const driverOf = (f: FoundSpan) => String(tagValue(f, 'param.driverID') ?? '');
/** a tag saying which attempt or retry this is: retry_no, retry, attempt … with a number */
const retryNumber = (f: FoundSpan) =>
	f.span.tags.some((t) => /retry|attempt/i.test(t.key) && Number(t.value) >= 1);
const loggedError = (f: FoundSpan) => logsOf(f).some((l) => l.event === 'error' && ('message' in l || 'error.object' in l));

/** GetDriver spans of the same driver under the same parent, after this one. */
function laterTries(run: RunOutput, all: FoundSpan[], f: FoundSpan): FoundSpan[] {
	const parent = parentOf(run, f)?.span.spanID;
	return all.filter((o) => o !== f && o.span.traceID === f.span.traceID && parentOf(run, o)?.span.spanID === parent && driverOf(o) === driverOf(f) && o.span.startTime >= end(f) - 1000);
}

export default defineCheck((run) => {
	const tries = findSpans(run, GET_DRIVER);
	const slow = tries.filter((f) => ms(f) >= TIMEOUT_MS - 5);
	const failed = new Set(errorSpans(run).filter((f) => f.service === 'driver' && f.span.operationName === 'GetDriver'));
	// one span that lasted a timeout and a retry after it: the attempts are hidden inside it
	const covering = slow.filter((f) => !failed.has(f) && ms(f) >= TIMEOUT_MS);
	const unmarked = slow.filter((f) => !failed.has(f));
	const failedList = [...failed];
	const silent = failedList.filter((f) => !loggedError(f));
	const notRetried = failedList.filter((f) => {
		const later = laterTries(run, tries, f);
		const earlier = tries.filter((o) => laterTries(run, tries, o).includes(f)).length;
		return later.length === 0 && earlier + 1 < ATTEMPTS;
	});
	const retries = [...new Set(failedList.flatMap((f) => laterTries(run, tries, f)))];
	const unnumbered = retries.filter((f) => !retryNumber(f));

	const items: CheckItem[] = [
		consoleMatches(
			run,
			'load',
			new RegExp(`^${REQUESTS} of ${REQUESTS} dispatches answered`),
			text(`load prints "${REQUESTS} of ${REQUESTS} dispatches answered"`, `load 打印出 "${REQUESTS} of ${REQUESTS} dispatches answered"`),
			text('Some dispatches failed: load prints the first failure. A timed-out lookup is tried again; the request should still get its answer.', '有些派单失败了：load 打印出了第一个失败。超时的查询会重试；请求仍然应该得到应答。')
		),
		{
			label: text(`every GetDriver that ran into the ${TIMEOUT_MS} ms timeout is marked as an error (${slow.length - unmarked.length} of ${slow.length})`, `每个撞上 ${TIMEOUT_MS} ms 超时的 GetDriver 都标成了错误（${slow.length} 个中有 ${slow.length - unmarked.length} 个）`),
			ok: slow.length > 0 && unmarked.length === 0,
			hint:
				slow.length === 0
					? text('No GetDriver span lasted as long as the timeout: keep one span around each Redis lookup, so a stalled one shows.', '没有哪个 GetDriver span 持续到超时那么久：给每次 Redis 查询都包一个 span，卡住的那次才看得见。')
					: covering.length > 0 && failed.size === 0
						? text(
								`${covering.length} GetDriver spans lasted ${TIMEOUT_MS} ms and more, yet none says it failed: each holds a timeout and the retry after it. One span for all attempts hides both — start a span per attempt, and when an attempt times out, set Tags.ERROR on it.`,
								`有 ${covering.length} 个 GetDriver span 持续了 ${TIMEOUT_MS} ms 以上，却没有一个说自己失败了：每个里面都装着一次超时和之后的重试。所有尝试共用一个 span，两者都被藏起来了——每次尝试开一个 span，某次超时了就给它设上 Tags.ERROR。`
							)
						: text(
								`${unmarked.length} GetDriver spans ran into the timeout but are not errors: in the catch that sees the timeout, span.setTag(Tags.ERROR, true) on that attempt's span (not on FindNearest, which succeeds).`,
								`有 ${unmarked.length} 个 GetDriver span 撞上了超时，却没有标成错误：在捕获到超时的 catch 里，对这次尝试的 span 调用 span.setTag(Tags.ERROR, true)（而不是 FindNearest，它是成功的）。`
							)
		},
		{
			label: text('each failed GetDriver logs the error (event=error, with a message)', '每个失败的 GetDriver 都用 log 记下了错误（event=error，带 message）'),
			ok: failed.size > 0 && silent.length === 0,
			hint: text(
				`${silent.length || 'The'} failed GetDriver spans say they failed but not why: span.log({ event: 'error', message: err.message }) next to the error tag — that is what the trace view shows under the red span.`,
				`${silent.length || ''} 个失败的 GetDriver span 说了自己失败，却没说为什么：在设错误 tag 的地方同时调用 span.log({ event: 'error', message: err.message })——trace 视图在红色 span 下面显示的就是它。`
			)
		},
		{
			label: text('each failed GetDriver is followed by a retry: another GetDriver span for the same driver, after it', '每个失败的 GetDriver 之后都有一次重试：同一个司机的另一个 GetDriver span，在它之后'),
			ok: failed.size > 0 && notRetried.length === 0,
			hint: text(
				`${notRetried.length || 'No'} failed GetDriver spans have no retry after them in the trace. Each attempt gets its own span, a sibling under FindNearest: retry by calling the traced lookup again, not by looping inside one span (and not under the failed span, which has ended).`,
				`有 ${notRetried.length || ''} 个失败的 GetDriver span 在 trace 里之后没有重试。每次尝试都有自己的 span，作为 FindNearest 下的兄弟 span：通过再次调用带 span 的查询来重试，而不是在一个 span 里循环（也不要挂在已经结束的失败 span 下面）。`
			)
		},
		{
			label: text(`each retry says which one it is: a retry_no (or attempt) tag (${retries.length - unnumbered.length} of ${retries.length})`, `每次重试都说明自己是第几次：带 retry_no（或 attempt）tag（${retries.length} 个中有 ${retries.length - unnumbered.length} 个）`),
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

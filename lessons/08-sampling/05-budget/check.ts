import { allSpans, defineCheck, logsOf, requestsTo, tagValue, text, type CheckItem, type CheckText, type FoundSpan } from '$lib/checks';
import { failedHint, rootsOf, samplerOf } from '../counts';

const BUDGET = 100;
const line = (label: CheckText, ok: boolean, hint: () => CheckText): CheckItem => (ok ? { label, ok } : { label, ok, hint: hint() });
const isError = (v: unknown) => v === true || v === 'true';
/** The order a root span is about: its order.id tag, or the id its error log names. */
const orderOf = (f: FoundSpan) => {
	const tag = tagValue(f, 'order.id');
	if (tag !== undefined) return String(tag);
	for (const l of logsOf(f)) {
		const m = /order (\d+)/.exec(String(l.message ?? ''));
		if (m) return m[1];
	}
	return undefined;
};

export default defineCheck((run) => {
	const answers = requestsTo(run, 'api');
	const failedIds = answers.filter((r) => r.status === 500).map((r) => /[?&]id=(\d+)/.exec(r.url)?.[1]);
	const roots = rootsOf(run, 'api', 'GET /order');
	const errorRoots = roots.filter((f) => isError(tagValue(f, 'error')));
	const kept = new Set(errorRoots.map(orderOf));
	const missed = failedIds.filter((id) => !kept.has(String(id)));
	// the sampler's own picks: the forced ones carry the debug flag
	const forced = roots.filter((f) => (f.span.flags & 2) === 2);
	const okRoots = roots.filter((f) => (f.span.flags & 2) === 0 && !isError(tagValue(f, 'error')));
	const bareForced = forced.filter((f) => !isError(tagValue(f, 'error')));
	const succeeded = answers.length - failedIds.length;
	const spans = allSpans(run).length;
	const orphanErrors = allSpans(run).filter((f) => f.span.references.length > 0 && isError(tagValue(f, 'error')) && !roots.some((r) => r.span.traceID === f.span.traceID));
	const debugAll = forced.length > failedIds.length;
	const wrongRate = okRoots.find((f) => samplerOf(f) !== null && !(samplerOf(f)!.type === 'probabilistic' && Number(samplerOf(f)!.param) === 0.01));
	return [
		line(
			text(`every failed request has its trace (${failedIds.length - missed.length} of ${failedIds.length})`, `每个失败的请求都有它的 trace（${failedIds.length} 个中的 ${failedIds.length - missed.length} 个）`),
			failedIds.length === 10 && missed.length === 0,
			() =>
				failedHint(run, 'api') ??
				(failedIds.length !== 10
					? text('The load generator sends 400 orders and every 40th fails: keep api and loadgen as they are apart from sampling.', '负载生成器发送 400 个订单，每第 40 个会失败：除了采样以外，保持 api 和 loadgen 原样。')
					: bareForced.length > 0 && !debugAll
						? text(
								`${bareForced.length} traces were kept by sampling.priority but their root has no error tag: the tag was set while the span was still unsampled, and an unsampled span keeps nothing set on it. Set sampling.priority first, then the error tag and the log (and the order id again: the start tags are gone too).`,
								`有 ${bareForced.length} 条 trace 靠 sampling.priority 保留了下来，可它们的根 span 上没有 error tag：这个 tag 是在 span 还未被采样时设置的，而未采样的 span 不保留任何设置在它上面的东西。先设置 sampling.priority，再设置 error tag 和日志（还要再设一次订单 id：启动时的 tag 也已经没了）。`
							)
						: orphanErrors.length > 0
						? text(
								`The failures were kept only as ${orphanErrors[0].span.operationName} spans whose parent never arrived: sampling.priority on a child keeps the child alone. Set it on the request's span, GET /order — the root of the trace.`,
								`失败只以父 span 从未到达的 ${orphanErrors[0].span.operationName} span 的形式保留了下来：在子 span 上设置 sampling.priority 只会保留这个子 span 本身。把它设在请求的 span 上，也就是 GET /order——这条 trace 的根 span。`
							)
						: text(
								`${missed.length} failed requests (orders ${missed.slice(0, 5).join(', ')}${missed.length > 5 ? ', …' : ''}) left no trace: at 1 % the sampler drops almost all of them, because it decides at the start, before anything fails. Where a request fails, ask for its trace: span.setTag(Tags.SAMPLING_PRIORITY, 1) on GET /order before it finishes.`,
								`${missed.length} 个失败的请求（订单 ${missed.slice(0, 5).join('、')}${missed.length > 5 ? '、…' : ''}）没有留下 trace：按 1 % 采样时，采样器几乎会把它们全部丢掉，因为它在开始时就做了决定，那时什么都还没失败。在请求失败的地方要下它的 trace：在 GET /order 结束之前 span.setTag(Tags.SAMPLING_PRIORITY, 1)。`
							))
		),
		line(
			text(`about 1 % of the successful requests traced (${okRoots.length} of ${succeeded})`, `成功的请求中大约 1 % 被追踪（${succeeded} 个中的 ${okRoots.length} 个）`),
			okRoots.length <= 12 && !debugAll && wrongRate === undefined,
			() =>
				debugAll
					? text(
							'Successful requests carry the debug flag: sampling.priority is set on every request. Set it only where the request fails.',
							'成功的请求也带着 debug 标志：每个请求都设置了 sampling.priority。只在请求失败的地方设置它。'
						)
					: wrongRate
						? text(
								`The successful requests' roots say sampler.type=${samplerOf(wrongRate)!.type}, sampler.param=${String(samplerOf(wrongRate)!.param)}: 1 % of the rest is sampler: { type: 'probabilistic', param: 0.01 }.`,
								`成功请求的根 span 上写着 sampler.type=${samplerOf(wrongRate)!.type}、sampler.param=${String(samplerOf(wrongRate)!.param)}：其余请求的 1 % 就是 sampler: { type: 'probabilistic', param: 0.01 }。`
							)
						: text(`${okRoots.length} successful requests were traced: 1 % of ${succeeded} is about 4.`, `有 ${okRoots.length} 个成功的请求被追踪了：${succeeded} 的 1 % 大约是 4 个。`)
		),
		line(text(`within the budget: at most ${BUDGET} spans (${spans})`, `不超出预算：最多 ${BUDGET} 个 span（实际 ${spans} 个）`), spans <= BUDGET, () =>
			text(
				`${spans} spans for one burst: the budget is ${BUDGET}. Keep 1 % of the successful requests and every failure — not everything.`,
				`一次突发就有 ${spans} 个 span：预算是 ${BUDGET} 个。保留成功请求的 1 % 和每一次失败——而不是全部。`
			)
		)
	];
});

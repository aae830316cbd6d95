import {
	answeredWith,
	defineCheck,
	errorSpans,
	findSpans,
	logsOf,
	noErrors,
	oneAfterAnother,
	parentOf,
	printed,
	siblingsUnder,
	spanReported,
	spansInOrder,
	text,
	traceCount,
	type CheckItem,
	type CheckText,
	type RunOutput
} from '$lib/checks';

const QUOTE = { service: 'shop', operation: 'quote' };
const ATTEMPT = { service: 'shop', operation: 'get-price' };

/** Why the attempts are not siblings under quote, read from where each one hangs. */
function siblingsHint(run: RunOutput) {
	const attempts = findSpans(run, ATTEMPT);
	if (attempts.length === 1)
		return text(
			'Only one get-price span arrived, though the shop called the pricing service more than once: each attempt is a call of its own and needs a span of its own. Start a new span for every try, not one around the whole retry loop.',
			'只到达了一个 get-price span，可 shop 调用了 pricing 服务不止一次：每次尝试都是一次独立的调用，需要它自己的 span。每试一次就启动一个新 span，而不是用一个 span 包住整个重试循环。'
		);
	const parents = attempts.map((f) => parentOf(run, f));
	if (parents.some((p) => p?.span.operationName === ATTEMPT.operation))
		return text(
			'The second get-price hangs inside the first: the retry was started with the failed attempt as its parent. A retry is not part of the attempt that failed — pass the same parent, quote, to every attempt, and retry from the caller, after the failed attempt is over.',
			'第二个 get-price 挂在了第一个里面：重试是以失败的那次尝试作为父 span 启动的。重试并不是失败那次尝试的一部分——给每次尝试都传同一个父 span，也就是 quote，并在调用方、在失败的尝试结束之后再重试。'
		);
	return text(
		'Every get-price attempt should be a child of the quote span: start each one with childOf: the span of the request it serves.',
		'每个 get-price 尝试都应该是 quote span 的子 span：启动每一个时都用 childOf 指向它所服务的那个请求的 span。'
	);
}

/** A line of the Checks list; one about an attempt that never arrived names it as the cause. */
function line(label: CheckText, ok: boolean, hint: CheckText, arrived: boolean): CheckItem {
	if (ok) return { label, ok };
	return arrived ? { label, ok, hint } : { label, ok, hint, missing: 'shop "get-price"' };
}

function firstAttemptFailed(run: RunOutput): CheckItem[] {
	const [first, ...rest] = spansInOrder(run, ATTEMPT);
	const last = rest.at(-1);
	const failed = new Set(errorSpans(run).map((f) => f.span.spanID));
	const logged = Boolean(first && logsOf(first).some((l) => l.event === 'error' && ('message' in l || 'error.object' in l)));
	const quoteFailed = errorSpans(run).some((f) => f.span.operationName === QUOTE.operation);
	return [
		line(
			text('the first get-price attempt has tag error=true', '第一次 get-price 尝试带有 tag error=true'),
			Boolean(first && failed.has(first.span.spanID)),
			quoteFailed
				? text(
						'The error tag is on quote, but quote succeeded in the end — it was the first get-price attempt that failed. Mark the attempt span: span.setTag(Tags.ERROR, true) where the attempt throws.',
						'error tag 打在了 quote 上，可 quote 最终成功了——失败的是第一次 get-price 尝试。给这次尝试的 span 打标记：在尝试抛出异常的地方 span.setTag(Tags.ERROR, true)。'
					)
				: text(
						"The first attempt failed with a 503, but its span does not say so: in the attempt's catch, span.setTag(Tags.ERROR, true).",
						'第一次尝试以 503 失败了，它的 span 上却看不出来：在这次尝试的 catch 里调用 span.setTag(Tags.ERROR, true)。'
					),
			Boolean(first)
		),
		line(
			text('the first get-price attempt logs the error', '第一次 get-price 尝试用 log 记下了错误'),
			logged,
			text(
				"Say what went wrong on the failed attempt: span.log({ event: 'error', message: err.message, stack: err.stack }).",
				"在失败的那次尝试上说明出了什么错：span.log({ event: 'error', message: err.message, stack: err.stack })。"
			),
			Boolean(first)
		),
		line(
			text('the last get-price attempt is not marked as an error', '最后一次 get-price 尝试没有被标记为错误'),
			!last || !failed.has(last.span.spanID),
			text(
				'The retry succeeded, yet its span is tagged error=true too. Only the attempt that failed carries the tag: set it in that attempt\'s catch, on that attempt\'s span.',
				'重试成功了，它的 span 上却也带着 error=true。只有失败的那次尝试才带这个 tag：在那次尝试的 catch 里、给那次尝试的 span 设置它。'
			),
			Boolean(last)
		)
	];
}

export default defineCheck((run) => [
	answeredWith(
		run,
		'pricing',
		503,
		text(
			'The pricing service never answered 503, so nothing failed and there was nothing to retry. Keep pricing.ts as it is: its first request finds the price list still loading.',
			'pricing 服务从没回过 503，也就没有失败、没有可重试的东西。保持 pricing.ts 原样：它的第一个请求会发现价格表还在加载。'
		)
	),
	printed(
		run,
		'shop',
		'moby-dick: 12.50',
		text(
			'The shop should print "moby-dick: 12.50" once the retry gets the price. Retry at least once after the 503.',
			'重试拿到价格后，shop 应该打印 "moby-dick: 12.50"。在收到 503 之后至少再试一次。'
		)
	),
	spanReported(run, QUOTE, text('Keep the quote span as the root, and finish it.', '保留 quote span 作为根 span，并结束它。')),
	siblingsUnder(run, ATTEMPT, QUOTE, 2, siblingsHint(run)),
	oneAfterAnother(
		run,
		ATTEMPT,
		text(
			"The first attempt's span is still open while the retry runs: its bar stretches over the second, as if the failed call had lasted that long. Finish a failed attempt before retrying — let the attempt throw, and retry from its caller.",
			'重试运行时，第一次尝试的 span 还开着：它的条形一直延伸到第二次尝试之上，好像那次失败的调用持续了那么久。先结束失败的尝试再重试——让这次尝试抛出异常，在它的调用方里重试。'
		)
	),
	...firstAttemptFailed(run),
	traceCount(run, 1, text('A retried request is still one request: one trace.', '重试过的请求也还是一个请求：一条 trace。')),
	noErrors(
		run,
		text(
			'A retry that succeeds leaves nothing to escape the service: catch the error of the failed attempt in the retry loop.',
			'重试成功后，不应有任何东西逃出服务之外：在重试循环里捕获失败那次尝试的错误。'
		)
	)
]);

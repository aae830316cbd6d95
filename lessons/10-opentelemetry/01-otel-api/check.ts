import { defineCheck, findSpans, logsOf, spanKind, spanStatus, tagValue, text, type CheckItem, type CheckText, type FoundSpan, type RunOutput } from '$lib/checks';

const SEL = { service: 'hello', operation: 'format-string' };

/** hello's span for one name: by its hello.to attribute, else by the URL it called. */
function spanFor(run: RunOutput, name: string): FoundSpan | undefined {
	const all = findSpans(run, SEL);
	const query = `helloTo=${encodeURIComponent(name)}`;
	return all.find((f) => tagValue(f, 'hello.to') === name) ?? all.find((f) => f.span.tags.some((t) => String(t.value).endsWith(query)));
}

const line = (label: CheckText, ok: boolean, hint: CheckText): CheckItem => (ok ? { label, ok } : { label, ok, hint });
const gone = (name: string) =>
	text(
		`No "format-string" span for ${name} came from hello (tell the spans apart with the hello.to attribute): start one per name with tracer.startSpan('format-string', …) and end it with span.end() — the SDK only exports ended spans.`,
		`hello 没有为 ${name} 上报 "format-string" span（用 hello.to 属性区分各个 span）：为每个名字用 tracer.startSpan('format-string', …) 开一个，并用 span.end() 结束它——SDK 只导出已经结束的 span。`
	);

function kindItem(spans: FoundSpan[]): CheckItem {
	const label = text('hello\'s "format-string" spans are CLIENT spans', 'hello 的 "format-string" span 是 CLIENT span');
	const wrong = spans.find((f) => spanKind(f) !== 'client');
	if (spans.length > 0 && !wrong) return { label, ok: true };
	if (!wrong) return { label, ok: false, hint: gone('any name'), missing: 'hello "format-string"' };
	const asAttribute = wrong.span.tags.filter((t) => t.key === 'span.kind').length > 1;
	const kind = spanKind(wrong) ?? 'internal';
	const hint = asAttribute
		? text(
				"span.kind is not an attribute in OpenTelemetry: the kind is an option of startSpan — tracer.startSpan('format-string', { kind: SpanKind.CLIENT, attributes: { … } }).",
				"在 OpenTelemetry 里 span.kind 不是属性：kind 是 startSpan 的一个选项——tracer.startSpan('format-string', { kind: SpanKind.CLIENT, attributes: { … } })。"
			)
		: kind === 'internal'
			? text(
					"The span's kind is INTERNAL, OpenTelemetry's default: this span makes an HTTP call, so start it with { kind: SpanKind.CLIENT } (Tags.SPAN_KIND_RPC_CLIENT in the OpenTracing version).",
					'这个 span 的 kind 是 INTERNAL，也就是 OpenTelemetry 的默认值：它发起了一次 HTTP 调用，所以开始时要给 { kind: SpanKind.CLIENT }（OpenTracing 版本里的 Tags.SPAN_KIND_RPC_CLIENT）。'
				)
			: text(
					`The span's kind is ${kind.toUpperCase()}: hello makes the call and the formatter answers it, so hello's span is SpanKind.CLIENT.`,
					`这个 span 的 kind 是 ${kind.toUpperCase()}：调用是 hello 发起、formatter 应答的，所以 hello 的 span 是 SpanKind.CLIENT。`
				);
	return { label, ok: false, hint };
}

function httpItem(f: FoundSpan | undefined, name: string): CheckItem {
	const label = text('the span has the HTTP attributes http.request.method=GET and url.full', 'span 带有 HTTP 属性 http.request.method=GET 和 url.full');
	if (!f) return { label, ok: false, hint: gone(name), missing: 'hello "format-string"' };
	const ok = tagValue(f, 'http.request.method') === 'GET' && /^http:\/\/formatter:8081\/format\?helloTo=/.test(String(tagValue(f, 'url.full') ?? ''));
	const old = tagValue(f, 'http.method') !== undefined || tagValue(f, 'http.url') !== undefined;
	const hint = old
		? text(
				"http.method and http.url are OpenTracing's names: OpenTelemetry's HTTP conventions call them http.request.method and url.full.",
				'http.method 和 http.url 是 OpenTracing 的名字：OpenTelemetry 的 HTTP 约定把它们叫作 http.request.method 和 url.full。'
			)
		: text(
				"Give the span attributes: { 'http.request.method': 'GET', 'url.full': url } — the OTel names for OpenTracing's http.method and http.url.",
				"给 span 加上属性：{ 'http.request.method': 'GET', 'url.full': url }——这是 OpenTracing 的 http.method 和 http.url 在 OTel 里的名字。"
			);
	return line(label, ok, hint);
}

export default defineCheck((run) => {
	const [ok, bad] = [run.args[0] ?? 'Bryan', run.args[1] ?? '42'];
	const good = spanFor(run, ok);
	const failed = spanFor(run, bad);
	const spans = findSpans(run, SEL);
	const greeting = `Hello, ${ok}!`;
	const goodLogs = good ? logsOf(good) : [];
	const failedTags = failed ? failed.span.tags : [];

	const eventItem = line(
		text(`the span for ${ok} has an event "string-format" with value "${greeting}"`, `${ok} 的 span 有一个 "string-format" 事件，value 为 "${greeting}"`),
		goodLogs.some((l) => l.event === 'string-format' && l.value === greeting),
		!good
			? gone(ok)
			: goodLogs.some((l) => l.event === 'string-format')
				? text(
						"The event is there but without the greeting: events take attributes as their second argument — span.addEvent('string-format', { value: body }).",
						"事件有了，但没带问候语：事件的第二个参数就是它的属性——span.addEvent('string-format', { value: body })。"
					)
				: text(
						"OpenTracing's span.log({ event, … }) is an event in OpenTelemetry: span.addEvent('string-format', { value: body }), before span.end().",
						"OpenTracing 的 span.log({ event, … }) 在 OpenTelemetry 里是事件：在 span.end() 之前调用 span.addEvent('string-format', { value: body })。"
					)
	);

	const statusHint = !failed
		? gone(bad)
		: failedTags.some((t) => t.key === 'error' && String(t.value) === 'true')
			? text(
					"error=true is OpenTracing's way: in OpenTelemetry an attribute called error means nothing to Jaeger or the SDK. Set the status: span.setStatus({ code: SpanStatusCode.ERROR, message: body }).",
					'error=true 是 OpenTracing 的写法：在 OpenTelemetry 里，一个叫 error 的属性对 Jaeger 和 SDK 都毫无意义。要设置状态：span.setStatus({ code: SpanStatusCode.ERROR, message: body })。'
				)
			: logsOf(failed).some((l) => l.event === 'exception' || l.event === 'error')
				? text(
						"An event records what went wrong, but the span's status is still unset: add span.setStatus({ code: SpanStatusCode.ERROR, message: body }).",
						'事件记下了出了什么错，但 span 的状态仍然是未设置：再加上 span.setStatus({ code: SpanStatusCode.ERROR, message: body })。'
					)
				: text(
						`The formatter answered ${bad} with a 400, but the span does not say it failed: in the else branch call span.setStatus({ code: SpanStatusCode.ERROR, message: body }).`,
						`formatter 对 ${bad} 回了 400，但 span 没有说明它失败了：在 else 分支里调用 span.setStatus({ code: SpanStatusCode.ERROR, message: body })。`
					);

	return [
		line(
			text(`hello reported a "format-string" span per name (${spans.length} of ${run.args.length || 2})`, `hello 为每个名字上报了一个 "format-string" span（${run.args.length || 2} 个中的 ${spans.length} 个）`),
			spans.length === (run.args.length || 2),
			spans.length === 0 ? gone(ok) : text('Start and end one "format-string" span inside the loop, one per name.', '在循环里为每个名字开始并结束一个 "format-string" span。')
		),
		kindItem(spans),
		line(
			text(`the span for ${ok} has the attribute hello.to=${ok}`, `${ok} 的 span 带有属性 hello.to=${ok}`),
			Boolean(good && tagValue(good, 'hello.to') === ok),
			good
				? text("OpenTracing's tags are attributes in OpenTelemetry: put 'hello.to': helloTo in startSpan's attributes, or call span.setAttribute('hello.to', helloTo).", "OpenTracing 的 tag 在 OpenTelemetry 里叫属性：把 'hello.to': helloTo 放进 startSpan 的 attributes，或者调用 span.setAttribute('hello.to', helloTo)。")
				: gone(ok)
		),
		httpItem(good, ok),
		eventItem,
		line(
			text(`the span for ${bad} has status ERROR`, `${bad} 的 span 状态为 ERROR`),
			Boolean(failed && spanStatus(failed) === 'ERROR'),
			statusHint
		),
		line(
			text(`the span for ${ok} is not marked as failed`, `${ok} 的 span 没有被标成失败`),
			Boolean(good && spanStatus(good) !== 'ERROR'),
			good
				? text(`The call for ${ok} worked: set the ERROR status only when the response is not ok.`, `${ok} 的那次调用是成功的：只在响应不 ok 时才设置 ERROR 状态。`)
				: gone(ok)
		)
	];
});

import { childOf, defineCheck, findSpan, findSpans, followsFrom, tagValue, text, type CheckItem, type RunOutput } from '$lib/checks';

const SEND = { service: 'hello', operation: 'send-job' };
const RECEIVE = { service: 'worker', operation: 'receive-job' };
const REPORT = { service: 'worker', operation: 'build-report' };

/** worker's spans were made by the OpenTelemetry SDK (they carry the OTel scope), not by initTracer. */
function onTheShim(run: RunOutput): CheckItem {
	const spans = findSpans(run, RECEIVE).concat(findSpans(run, REPORT));
	const label = text("worker's spans come from the OpenTelemetry SDK, through the OpenTracing shim", 'worker 的 span 来自 OpenTelemetry SDK，经由 OpenTracing shim');
	const ok = spans.length > 0 && spans.every((f) => tagValue(f, 'otel.scope.name') !== undefined);
	if (ok) return { label, ok };
	const hint =
		spans.length === 0
			? text(
					"worker reported no span at all. globalTracer() hands out a no-op tracer until a real one is installed: initGlobalTracer(new TracerShim(trace.getTracer('opentracing-shim'))) before the first span.",
					"worker 一个 span 都没有上报。在装上真正的 tracer 之前，globalTracer() 给出的是一个 no-op tracer：在第一个 span 之前调用 initGlobalTracer(new TracerShim(trace.getTracer('opentracing-shim')))。"
				)
			: text(
					"worker's spans still come from the jaeger-style tracer (no otel.scope.name tag in Traces). Replace initTracer(…) with the shim — initGlobalTracer(new TracerShim(trace.getTracer('opentracing-shim'))) — and take the tracer from globalTracer(); the OpenTracing calls stay as they are.",
					"worker 的 span 仍然来自 jaeger 风格的 tracer（在 Traces 里看不到 otel.scope.name tag）。把 initTracer(…) 换成 shim——initGlobalTracer(new TracerShim(trace.getTracer('opentracing-shim')))——再从 globalTracer() 取得 tracer；OpenTracing 的调用都保持原样。"
				);
	return { label, ok, hint };
}

/** The report's span is the root of a trace of its own — what the shim makes of a FollowsFrom-only span. */
function ownTrace(run: RunOutput): CheckItem {
	const report = findSpan(run, REPORT);
	const receive = findSpan(run, RECEIVE);
	const label = text('"build-report" starts a trace of its own, linked to the request\'s trace', '"build-report" 开始了一条自己的 trace，并链接到请求的 trace');
	const ok = Boolean(report && receive && report.span.traceID !== receive.span.traceID && !report.span.references.some((r) => r.refType === 'CHILD_OF'));
	if (ok) return { label, ok };
	const hint = !report
		? text('worker\'s "build-report" span never reached Jaeger: keep it, and finish it.', 'worker 的 "build-report" span 没有到达 Jaeger：保留它，并 finish 它。')
		: report.span.references.some((r) => r.refType === 'CHILD_OF')
			? text(
					'"build-report" has a parent, so it sits inside the request\'s trace. In this step the report is work the request does not wait for: leave it only followsFrom(received.context()). The shim takes a parent from childOf alone, so the report becomes a trace of its own, with a link back.',
					'"build-report" 有父 span，所以它落在请求的 trace 里。这一步里，报表是请求并不等待的工作：只给它 followsFrom(received.context())。shim 只从 childOf 取父 span，于是报表成为一条自己的 trace，并带着一个指回去的链接。'
				)
			: text(
					'"build-report" is in the same trace as the request: that is what the jaeger-style tracer does with FollowsFrom. Run it on the shim (the first item) and it becomes a trace of its own with a link.',
					'"build-report" 与请求在同一条 trace 里：这是 jaeger 风格 tracer 对 FollowsFrom 的处理方式。让它跑在 shim 上（第一项），它就会成为一条自己的 trace，并带着链接。'
				);
	return { label, ok, hint };
}

export default defineCheck((run) => [
	onTheShim(run),
	childOf(
		run,
		RECEIVE,
		SEND,
		text(
			"Keep extracting the request's context — tracer.extract(FORMAT_HTTP_HEADERS, req.headers) — and start receive-job with the childOf: parent option. The JS shim takes a parent from that option alone: references: [childOf(parent)] becomes a mere link. It reads traceparent through the global W3C propagator.",
			'继续提取请求里的 context——tracer.extract(FORMAT_HTTP_HEADERS, req.headers)——并用 childOf: parent 这个选项开始 receive-job。JS 的 shim 只从这个选项取父 span：references: [childOf(parent)] 只会变成一个链接。它通过全局的 W3C 传播器读取 traceparent。'
		)
	),
	followsFrom(
		run,
		REPORT,
		RECEIVE,
		text(
			'Keep references: [followsFrom(received.context())] on build-report: under the shim every OpenTracing reference becomes an OpenTelemetry link, which Jaeger shows as a FollowsFrom reference.',
			'在 build-report 上保留 references: [followsFrom(received.context())]：在 shim 下，每个 OpenTracing 引用都会变成一个 OpenTelemetry 链接（link），Jaeger 把它显示为 FollowsFrom 引用。'
		)
	),
	ownTrace(run)
]);

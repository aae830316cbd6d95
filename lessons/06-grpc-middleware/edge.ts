// The ingress steps: Traefik's spans at the top of every trace, the frontend's under them, and when
// the link breaks, the wire says which side disagrees — what traefik.yml made the proxy send, or what
// a service's tracer failed to read.
import { allSpans, parentOf, printed, sentContext, text, type CheckItem, type FoundSpan, type RunOutput } from '$lib/checks';
import { grpcClientSpans, httpSpans } from './http';

const host = (to: string) => to.split(':')[0];
const JAEGER_VALUE = /^[0-9a-f]{1,32}:[0-9a-f]{1,16}:[0-9a-f]{1,16}:[0-9a-f]{1,2}$/i;

/** How a request carried a trace context, judged from its headers alone. */
type Format = { kind: 'jaeger'; header: string; sampled: boolean } | { kind: 'b3' } | { kind: 'none' };

function formatOf(headers: Record<string, string>): Format {
	if ('uber-trace-id' in headers) {
		const c = sentContext({ requestHeaders: headers } as Parameters<typeof sentContext>[0]);
		return { kind: 'jaeger', header: 'uber-trace-id', sampled: c ? (parseInt(c.flags, 16) & 1) === 1 : true };
	}
	if ('x-b3-traceid' in headers || 'b3' in headers) return { kind: 'b3' };
	for (const [k, v] of Object.entries(headers)) {
		let value = v;
		try {
			value = decodeURIComponent(v);
		} catch {
			/* keep it as it is */
		}
		if (JAEGER_VALUE.test(value)) return { kind: 'jaeger', header: k, sampled: (parseInt(value.split(':')[3], 16) & 1) === 1 };
	}
	return { kind: 'none' };
}

const traefikSpans = (run: RunOutput) => allSpans(run).filter((f) => f.service === 'traefik');
const fromTraefik = (run: RunOutput) => run.network.filter((r) => r.from === 'traefik' && host(r.to) === 'frontend');
const toCustomer = (run: RunOutput) => run.network.filter((r) => r.from === 'frontend' && host(r.to) === 'customer');

/** Why traefik reported nothing: its own Console, then what it sent the frontend. */
function noProxySpansHint(run: RunOutput) {
	const renamed = allSpans(run).find((f) => f.service !== 'traefik' && f.span.operationName.startsWith('EntryPoint '));
	if (renamed)
		return text(
			`The proxy's spans arrive as service "${renamed.service}": tracing.serviceName in traefik.yml names the proxy itself in Jaeger, not the service it forwards to. Leave it out (the default is traefik) or set serviceName: traefik.`,
			`代理的 span 是以服务 "${renamed.service}" 的名义到达的：traefik.yml 里的 tracing.serviceName 是代理自己在 Jaeger 里的名字，而不是它转发到的那个服务。把它去掉（默认就是 traefik），或者写 serviceName: traefik。`
		);
	const flush = run.console.find((l) => l.service === 'traefik' && /flushing/.test(l.text));
	if (flush)
		return text(
			`Traefik traced the requests but could not deliver its spans — its Console line says "${flush.text.slice(0, 160)}". localAgentHostPort defaults to 127.0.0.1:6831, which is the traefik container itself: set it to jaeger-agent:6831.`,
			`Traefik 追踪了这些请求，却没能把它的 span 送出去——它在控制台里说 "${flush.text.slice(0, 160)}"。localAgentHostPort 默认是 127.0.0.1:6831，也就是 traefik 容器自己：把它设为 jaeger-agent:6831。`
		);
	const sent = fromTraefik(run).map((r) => formatOf(r.requestHeaders));
	if (sent.some((f) => f.kind === 'jaeger' && !f.sampled))
		return text(
			"Traefik is tracing but its sampler said no: the context it forwards has the sampled flag off (it ends in :0), so neither Traefik nor the services report anything. With samplingType: const, samplingParam: 1 samples every request; 0 samples none.",
			'Traefik 在追踪，但它的采样器说了"不"：它转发的 context 里 sampled 标志是关着的（以 :0 结尾），所以 Traefik 和各个服务都什么也不上报。samplingType: const 时，samplingParam: 1 采样每个请求；0 一个也不采样。'
		);
	return text(
		"No span came from service traefik, and the requests it forwarded carried no trace context: tracing is off. Add a tracing section to traefik.yml — tracing: with jaeger: under it (samplingType: const, samplingParam: 1, localAgentHostPort: jaeger-agent:6831).",
		'没有任何 span 来自 traefik 服务，它转发的请求也没带 trace context：追踪是关着的。在 traefik.yml 里加上 tracing 一节——tracing: 下面写 jaeger:（samplingType: const、samplingParam: 1、localAgentHostPort: jaeger-agent:6831）。'
	);
}

/** Why the frontend's request span does not continue traefik's forward span: which side disagrees. */
function frontendLinkHint(run: RunOutput) {
	const sent = fromTraefik(run).map((r) => formatOf(r.requestHeaders));
	if (sent.some((f) => f.kind === 'b3'))
		return text(
			"Traefik's side: traefik.yml says propagation: b3, so the proxy forwards Zipkin's X-B3-TraceId and X-B3-SpanId headers (look at the request from traefik in the Network panel) — but the services' tracers read Jaeger's uber-trace-id, find nothing, and start new traces. Make both sides speak one format: propagation: jaeger in traefik.yml, or propagation: 'b3' in every service's tracer.",
			'问题在 Traefik 这一侧：traefik.yml 里写着 propagation: b3，所以代理转发的是 Zipkin 的 X-B3-TraceId 和 X-B3-SpanId 请求头（在 Network 面板里看从 traefik 发出的请求）——可各个服务的 tracer 读的是 Jaeger 的 uber-trace-id，什么也找不到，于是开启了新的 trace。让两边讲同一种格式：在 traefik.yml 里写 propagation: jaeger，或者在每个服务的 tracer 里写 propagation: \'b3\'。'
		);
	const renamed = sent.find((f): f is Extract<Format, { kind: 'jaeger' }> => f.kind === 'jaeger' && f.header !== 'uber-trace-id');
	if (renamed)
		return text(
			`Traefik's side: traefik.yml sets traceContextHeaderName, so the proxy forwards the context in a header named "${renamed.header}" — but the services' tracers read uber-trace-id, find nothing, and start new traces. Name the same header on both sides: traceContextHeaderName: uber-trace-id (the default), in lower case.`,
			`问题在 Traefik 这一侧：traefik.yml 设置了 traceContextHeaderName，所以代理把 context 放在名为 "${renamed.header}" 的请求头里转发——可各个服务的 tracer 读的是 uber-trace-id，什么也找不到，于是开启了新的 trace。让两边用同一个请求头名：traceContextHeaderName: uber-trace-id（默认值），并且用小写。`
		);
	if (sent.some((f) => f.kind === 'jaeger'))
		return text(
			"The frontend's side: traefik forwarded its context in uber-trace-id, as Jaeger's format has it, but the frontend's request spans do not continue it. Does the middleware still extract from req.headers with FORMAT_HTTP_HEADERS, and does the frontend's tracer read Jaeger's format (no propagation: 'b3' while traefik.yml says jaeger)?",
			"问题在 frontend 这一侧：traefik 按 Jaeger 的格式把 context 放在 uber-trace-id 里转发了，可 frontend 的请求 span 并没有延续它。中间件还在用 FORMAT_HTTP_HEADERS 从 req.headers 里提取吗？frontend 的 tracer 读的是 Jaeger 格式吗（traefik.yml 写的是 jaeger 时，不要写 propagation: 'b3'）？"
		);
	return text(
		'The requests traefik forwarded to the frontend carried no trace context: check the tracing section of traefik.yml.',
		'traefik 转发给 frontend 的请求没有带 trace context：检查 traefik.yml 的 tracing 一节。'
	);
}

/** Why the customer's spans do not continue the frontend's gRPC calls. */
function customerLinkHint(run: RunOutput) {
	const sent = toCustomer(run).map((r) => formatOf(r.requestHeaders));
	if (sent.some((f) => f.kind === 'b3'))
		return text(
			"The customer service's side: the frontend now sends B3 headers (x-b3-traceid) in the gRPC metadata, but the customer's tracer still reads uber-trace-id. A format is for the whole system: give the customer's tracer propagation: 'b3' too — or keep Jaeger's format everywhere and set propagation: jaeger in traefik.yml.",
			"问题在 customer 服务这一侧：frontend 现在在 gRPC metadata 里发送的是 B3 请求头（x-b3-traceid），可 customer 的 tracer 还在读 uber-trace-id。传播格式是整个系统的事：也给 customer 的 tracer 写上 propagation: 'b3'——或者处处保留 Jaeger 的格式，在 traefik.yml 里写 propagation: jaeger。"
		);
	if (sent.some((f) => f.kind === 'jaeger'))
		return text(
			"The customer service's side: the frontend's calls carry uber-trace-id, but the customer's spans do not continue it — does its tracer read the same format as the frontend's?",
			'问题在 customer 服务这一侧：frontend 的调用带着 uber-trace-id，可 customer 的 span 没有延续它——它的 tracer 读的格式和 frontend 的一样吗？'
		);
	return text(
		"The frontend's side: its gRPC calls carried no context the customer could read. Keep the client interceptor injecting into the call's metadata.",
		'问题在 frontend 这一侧：它的 gRPC 调用没有带上 customer 能读懂的 context。让客户端拦截器继续把 context 注入到调用的 metadata 里。'
	);
}

const item = (label: ReturnType<typeof text>, ok: boolean, hint: () => ReturnType<typeof text>): CheckItem => (ok ? { label, ok } : { label, ok, hint: hint() });

export function edgeChecks(run: RunOutput): CheckItem[] {
	const proxy = traefikSpans(run);
	const requests = httpSpans(run);
	const rootsFromTraefik = run.traces.length > 0 && run.traces.every((t) => {
		const root = t.spans.find((s) => s.references.length === 0);
		return root !== undefined && t.processes[root.processID]?.serviceName === 'traefik';
	});
	const underProxy = (f: FoundSpan) => {
		const p = parentOf(run, f);
		return p?.service === 'traefik' && p.span.operationName.startsWith('forward');
	};
	const customerUnder = (f: FoundSpan) => parentOf(run, f)?.service === 'frontend';
	const customers = allSpans(run).filter((f) => f.service === 'customer');
	return [
		printed(run, 'browser', 'GET /customers → 200', text('The browser should get the list through traefik: keep the router and the service in traefik.yml.', 'browser 应该经由 traefik 拿到客户列表：保留 traefik.yml 里的路由器和服务。')),
		item(text('service traefik reported spans', 'traefik 服务上报了 span'), proxy.length > 0, () => noProxySpansHint(run)),
		item(text("every frontend request span is a child of traefik's forward span", 'frontend 的每个请求 span 都是 traefik 的 forward span 的子 span'), requests.length > 0 && requests.every(underProxy), () =>
			proxy.length === 0 ? noProxySpansHint(run) : frontendLinkHint(run)
		),
		item(text("every customer span is a child of the frontend's gRPC call", 'customer 的每个 span 都是 frontend 的 gRPC 调用的子 span'), customers.length > 0 && customers.every(customerUnder), () => customerLinkHint(run)),
		item(text('every trace starts at traefik: its root span comes from service traefik', '每条 trace 都从 traefik 开始：根 span 来自 traefik 服务'), rootsFromTraefik, () =>
			proxy.length === 0 ? noProxySpansHint(run) : frontendLinkHint(run)
		),
		item(text('the run produced 4 traces, one per browser request', '这次运行产生了 4 条 trace，browser 每个请求一条'), run.traces.length === 4, () =>
			proxy.length === 0 ? noProxySpansHint(run) : run.traces.length > 4 ? frontendLinkHint(run) : text('Each of the browser\'s four requests should make one trace.', 'browser 的四个请求应该各产生一条 trace。')
		),
		item(
			text('20 spans in all: five per request', '一共 20 个 span：每个请求五个'),
			run.traces.reduce((n, t) => n + t.spans.length, 0) === 20 && grpcClientSpans(run).length === 4,
			() =>
				text(
					"Expected five spans per request: traefik's EntryPoint and forward spans, the frontend's request span and gRPC call, and the customer's span.",
					'每个请求应该有五个 span：traefik 的 EntryPoint 和 forward span，frontend 的请求 span 和 gRPC 调用，以及 customer 的 span。'
				)
		)
	];
}

// The HTTP server spans the chapter's middleware steps judge: one per request to the frontend,
// named by route, tagged as go-stdlib's nethttp middleware tags them.
import { allSpans, parentOf, tagValue, text, type CheckItem, type FoundSpan, type RunOutput } from '$lib/checks';

export const ROUTES = ['HTTP GET /customer/:id', 'HTTP GET /customers'];

/** The frontend's spans that are not gRPC calls: the ones the middleware made (or should have). */
export const httpSpans = (run: RunOutput): FoundSpan[] =>
	allSpans(run).filter((f) => f.service === 'frontend' && !f.span.operationName.startsWith('/customer.'));

export const grpcClientSpans = (run: RunOutput): FoundSpan[] =>
	allSpans(run).filter((f) => f.service === 'frontend' && f.span.operationName.startsWith('/customer.'));

/** The status the frontend answered the request a span's http.url names, read off the wire. */
function answered(run: RunOutput, f: FoundSpan): number | undefined {
	const url = String(tagValue(f, 'http.url') ?? '');
	const path = url.replace(/^https?:\/\/[^/]+/, '');
	const r = run.network.find((x) => x.to.split(':')[0] === 'frontend' && (x.url === url || x.url.replace(/^https?:\/\/[^/]+/, '') === path));
	return r?.status ?? undefined;
}

/** Every request is traced once, by a span named after its route. */
export function namedByRoute(run: RunOutput, route: string, requests: number): CheckItem {
	const n = allSpans(run).filter((f) => f.service === 'frontend' && f.span.operationName === route).length;
	const label = text(`the frontend reports one "${route}" span per request (${requests})`, `frontend 每个请求上报一个 "${route}" span（共 ${requests} 个）`);
	if (n === requests) return { label, ok: true };
	const names = [...new Set(httpSpans(run).map((f) => f.span.operationName))].filter((o) => !ROUTES.includes(o));
	const byPath = names.find((o) => /\/customer\/\d/.test(o));
	let hint;
	if (n > requests)
		hint = text(
			`${n} "${route}" spans for ${requests} requests: a request is traced twice. The middleware wraps every route once — serve(8080, routes, traced) — so neither wrap a handler by hand as well nor pass traced twice.`,
			`${requests} 个请求却有 ${n} 个 "${route}" span：有请求被追踪了两次。中间件会把每个路由包装一次——serve(8080, routes, traced)——所以不要再手动包装某个 handler，也不要把 traced 传两次。`
		);
	else if (byPath)
		hint = text(
			`A span is named "${byPath}": the path, with the customer's id in it, makes a new operation name for every customer. Name the span after the route that matched — \`HTTP \${req.method} \${req.route}\` gives "HTTP GET /customer/:id".`,
			`有个 span 叫 "${byPath}"：路径里带着客户的 id，每个客户都会产生一个新的操作名。用匹配到的路由给 span 命名——\`HTTP \${req.method} \${req.route}\` 得到的是 "HTTP GET /customer/:id"。`
		);
	else if (names.length > 0)
		hint = text(
			`The frontend's request spans are named ${names.map((o) => `"${o}"`).join(', ')}: name them "HTTP <method> <route>", from req.method and req.route, so each route gets its own name.`,
			`frontend 的请求 span 名为 ${names.map((o) => `"${o}"`).join('、')}：用 req.method 和 req.route 把它们命名为 "HTTP <method> <route>"，让每个路由都有自己的名字。`
		);
	else
		hint = text(
			'No span for the requests the frontend answered: start one in the middleware, finish it when the handler is done, and wrap the routes with it — serve(8080, routes, traced).',
			'frontend 应答的请求没有 span：在中间件里启动一个，handler 结束时结束它，再用它包装路由——serve(8080, routes, traced)。'
		);
	return { label, ok: false, hint };
}

/** span.kind=server, component, http.method, http.url and the status answered, on every request span. */
export function requestTags(run: RunOutput): CheckItem[] {
	const spans = httpSpans(run).filter((f) => f.span.references.length === 0 || parentOf(run, f)?.service !== 'frontend');
	const every = (key: string, ok: (f: FoundSpan) => boolean, hint: ReturnType<typeof text>): CheckItem => {
		const label = text(`every request span has tag ${key}`, `每个请求 span 都带有 tag ${key}`);
		return spans.length > 0 && spans.every(ok) ? { label, ok: true } : { label, ok: false, hint };
	};
	const status404 = spans.find((f) => answered(run, f) === 404);
	return [
		every(
			'span.kind=server',
			(f) => tagValue(f, 'span.kind') === 'server',
			text('Mark each request span as the server side, at start: tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER }.', '在启动时把每个请求 span 标记为服务端一侧：tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER }。')
		),
		every(
			'component',
			(f) => typeof tagValue(f, 'component') === 'string' && tagValue(f, 'component') !== '',
			text("Say which code made the span: tag component, e.g. 'net/http' as go-stdlib does.", "说明是哪段代码产生了这个 span：打上 tag component，比如像 go-stdlib 那样用 'net/http'。")
		),
		every(
			'http.method',
			(f) => tagValue(f, 'http.method') === 'GET',
			text('Tag the request method: [Tags.HTTP_METHOD]: req.method.', '用 tag 记下请求方法：[Tags.HTTP_METHOD]: req.method。')
		),
		every(
			'http.url',
			(f) => /\/customers?(\/|$)/.test(String(tagValue(f, 'http.url') ?? '')),
			text("Tag the URL that was asked for — the real one, id and all: [Tags.HTTP_URL]: req.url. The name is the route; the URL tag is where the request's own values go.", '用 tag 记下被请求的 URL——真实的那个，连同 id：[Tags.HTTP_URL]: req.url。名字用路由；请求自己的具体值放在 URL 这个 tag 里。')
		),
		every(
			'http.status_code (the status answered)',
			(f) => {
				const code = tagValue(f, 'http.status_code');
				const wire = answered(run, f);
				return code !== undefined && (wire === undefined || Number(code) === wire);
			},
			status404 && tagValue(status404, 'http.status_code') !== undefined
				? text(
						`The request for customer 999 was answered 404, but its span says http.status_code=${tagValue(status404, 'http.status_code')}: tag the status after the handler has returned, from what it returned — statusOf(result).`,
						`对客户 999 的请求收到的是 404，它的 span 却写着 http.status_code=${tagValue(status404, 'http.status_code')}：在 handler 返回之后，根据它返回的结果打上状态码——statusOf(result)。`
					)
				: text(
						'Tag the status each request was answered with, once the handler has returned: span.setTag(Tags.HTTP_STATUS_CODE, statusOf(result)).',
						'在 handler 返回之后，用 tag 记下每个请求得到的状态码：span.setTag(Tags.HTTP_STATUS_CODE, statusOf(result))。'
					)
		)
	];
}

/** A 404 is an answer, not a server failure: no error=true below 500. */
export function notFoundIsNoError(run: RunOutput): CheckItem {
	const label = text('no request span below 500 is marked error=true', '状态码低于 500 的请求 span 都没有被标记为 error=true');
	const bad = httpSpans(run).find((f) => (f.span.tags.some((t) => t.key === 'error' && String(t.value) === 'true')) && Number(tagValue(f, 'http.status_code') ?? 0) < 500);
	return bad
		? {
				label,
				ok: false,
				hint: text(
					`"${bad.span.operationName}" answered ${tagValue(bad, 'http.status_code') ?? 'without a status tag'} and is marked error=true. The server did its job when it said "no such customer": server middleware (go-stdlib's nethttp, OpenTelemetry's HTTP conventions) marks a span as an error only from 500 on.`,
					`"${bad.span.operationName}" 的响应是 ${tagValue(bad, 'http.status_code') ?? '（没有状态码 tag）'}，却被标记为 error=true。说出"没有这个客户"时，服务端已经尽到了职责：服务端中间件（go-stdlib 的 nethttp、OpenTelemetry 的 HTTP 约定）只从 500 起才把 span 标记为错误。`
				)
			}
		: { label, ok: true };
}

/** The handler's gRPC calls are children of the request span, inside its time. */
export function callsUnderRequest(run: RunOutput): CheckItem[] {
	const calls = grpcClientSpans(run);
	const l1 = text("the frontend's gRPC calls are children of the request span that made them", 'frontend 的 gRPC 调用都是发起它们的请求 span 的子 span');
	const l2 = text('each request span lasts until its gRPC call has finished', '每个请求 span 都一直持续到它的 gRPC 调用结束之后');
	const parents = calls.map((f) => parentOf(run, f));
	const under = calls.length > 0 && parents.every((p) => p && p.service === 'frontend' && !p.span.operationName.startsWith('/customer.'));
	const inside =
		under &&
		calls.every((f, i) => {
			const p = parents[i]!;
			return f.span.startTime + f.span.duration <= p.span.startTime + p.span.duration;
		});
	return [
		under
			? { label: l1, ok: true }
			: {
					label: l1,
					ok: false,
					hint: text(
						"The handler's gRPC calls are not under the request span. The client interceptor starts its span under the active span: make the request span active while the handler runs — using scope = tracer.activateSpan(span) in the middleware.",
						'handler 发出的 gRPC 调用没有挂在请求 span 下面。客户端拦截器会在活跃的 span 下面启动自己的 span：在 handler 运行期间让请求 span 处于活跃状态——在中间件里写 using scope = tracer.activateSpan(span)。'
					)
				},
		inside
			? { label: l2, ok: true }
			: {
					label: l2,
					ok: false,
					hint: text(
						'A request span ends before the gRPC call its handler made: the handler is async, so await it — const result = await handler(req) — and finish the span after that, in finally.',
						'有个请求 span 在它的 handler 发出的 gRPC 调用之前就结束了：handler 是异步的，所以要 await 它——const result = await handler(req)——然后再在 finally 里结束 span。'
					)
				}
	];
}

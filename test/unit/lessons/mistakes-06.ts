// Chapter 6 (gRPC, middleware and the ingress): typical mistakes and correct programs written another way.
import type { Variant } from './mistakes';

const INJECT = "  const carrier: Record<string, string> = {};\n  tracer.inject(span.context(), FORMAT_TEXT_MAP, carrier);\n  for (const [key, value] of Object.entries(carrier)) metadata.set(key, value);\n";

export const variants06: Variant[] = [
	// ── 01 metadata ──────────────────────────────────────────────────────────────
	{
		step: 'grpc-middleware/metadata',
		name: 'injected straight into the Metadata object',
		edits: { 'frontend.ts': [[INJECT, '  tracer.inject(span.context(), FORMAT_TEXT_MAP, metadata);\n']] },
		hint: 'metadata.set(key, value)'
	},
	{
		step: 'grpc-middleware/metadata',
		name: 'metadata filled but not passed to the call',
		edits: { 'frontend.ts': [["customers.call('Get', { id }, metadata)", "customers.call('Get', { id })"]] },
		hint: 'no uber-trace-id in its metadata'
	},
	{
		step: 'grpc-middleware/metadata',
		name: "the active root's context injected instead of the call's span",
		edits: { 'frontend.ts': [['tracer.inject(span.context(),', 'tracer.inject(tracer.activeSpan!.context(),']] },
		hint: 'carries the context of frontend\'s "show-customer" span'
	},
	{
		step: 'grpc-middleware/metadata',
		name: 'server extracts from the Metadata object itself',
		edits: { 'customer.ts': [['call.metadata.getMap()', 'call.metadata']] },
		hint: 'extract from call.metadata.getMap()'
	},
	{
		step: 'grpc-middleware/metadata',
		name: 'server extracts but never passes the parent',
		edits: { 'customer.ts': [['      childOf: parent,\n', '']] },
		hint: 'pass the result as childOf'
	},
	{
		step: 'grpc-middleware/metadata',
		name: 'passes: HTTP_HEADERS format and metadata.add',
		edits: {
			'frontend.ts': [
				["import { FORMAT_TEXT_MAP, Tags } from 'opentracing';", "import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';"],
				[INJECT, '  const headers: { [key: string]: string } = {};\n  tracer.inject(span.context(), FORMAT_HTTP_HEADERS, headers);\n  Object.keys(headers).forEach((k) => metadata.add(k, headers[k]));\n']
			],
			'customer.ts': [
				["import { FORMAT_TEXT_MAP, Tags } from 'opentracing';", "import { FORMAT_HTTP_HEADERS, Tags, childOf } from 'opentracing';"],
				[
					/const parent = [^\n]+\n([^\n]+\n)\s+childOf: parent,\n/,
					"const values = call.metadata.get('uber-trace-id');\n    const parent = values.length ? tracer.extract(FORMAT_HTTP_HEADERS, { 'uber-trace-id': String(values[0]) }) : null;\n$1      references: parent ? [childOf(parent)] : [],\n"
				]
			]
		}
	},
	{
		step: 'grpc-middleware/metadata',
		name: 'passes: the binary format under a -bin key',
		edits: {
			'frontend.ts': [
				["import { FORMAT_TEXT_MAP, Tags } from 'opentracing';", "import { FORMAT_BINARY, Tags } from 'opentracing';"],
				[INJECT, "  const carrier: { buffer?: Uint8Array } = {};\n  tracer.inject(span.context(), FORMAT_BINARY, carrier);\n  if (carrier.buffer) metadata.set('trace-bin', carrier.buffer);\n"]
			],
			'customer.ts': [
				["import { FORMAT_TEXT_MAP, Tags } from 'opentracing';", "import { FORMAT_BINARY, Tags } from 'opentracing';"],
				[
					'const parent = tracer.extract(FORMAT_TEXT_MAP, call.metadata.getMap()) ?? undefined;',
					"const [bytes] = call.metadata.get('trace-bin');\n    const parent = bytes ? tracer.extract(FORMAT_BINARY, { buffer: bytes }) ?? undefined : undefined;"
				]
			]
		}
	},

	// ── 02 interceptors ──────────────────────────────────────────────────────────
	{
		step: 'grpc-middleware/interceptors',
		name: 'the hand-written span left in getCustomer: Get traced twice',
		edits: {
			'frontend.ts': [
				[
					"async function getCustomer(id: string) {\n  return customers.call('Get', { id });\n}",
					"async function getCustomer(id: string) {\n  const span = tracer.startSpan('/customer.Customers/Get', { tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_CLIENT, [Tags.COMPONENT]: 'gRPC' } });\n  using scope = tracer.activateSpan(span);\n  try {\n    return await customers.call('Get', { id });\n  } finally {\n    span.finish();\n  }\n}"
				]
			]
		},
		hint: 'the call is traced twice'
	},
	{
		step: 'grpc-middleware/interceptors',
		name: 'spans named by the short method name',
		edits: { 'frontend.ts': [['tracer.startSpan(method, {', "tracer.startSpan(method.split('/').pop() ?? method, {"]] },
		hint: 'name the span after the full method'
	},
	{
		step: 'grpc-middleware/interceptors',
		name: 'the rejection not caught: the failed call is not marked',
		edits: { 'frontend.ts': [[/  \} catch \(err\) \{\n[\s\S]*?throw err;\n/, '']] },
		hint: 'yet no frontend span says so'
	},
	{
		step: 'grpc-middleware/interceptors',
		name: 'the server marks NOT_FOUND as an error',
		edits: { 'customer.ts': [['if (SERVER_FAULTS.has(e.code)) {', 'if (e.code !== status.OK) {']] },
		hint: 'NOT_FOUND as an error'
	},
	{
		step: 'grpc-middleware/interceptors',
		name: 'the server interceptor does not extract',
		edits: { 'customer.ts': [['    childOf: parent,\n', '']] },
		hint: 'extract from call.metadata.getMap()'
	},
	{
		step: 'grpc-middleware/interceptors',
		name: 'the error tagged on every span, in finally',
		edits: {
			'frontend.ts': [
				['    span.setTag(Tags.ERROR, true);\n', ''],
				['  } finally {\n    span.finish();', '  } finally {\n    span.setTag(Tags.ERROR, true);\n    span.finish();']
			]
		},
		hint: 'only one call failed'
	},
	{
		step: 'grpc-middleware/interceptors',
		name: 'passes: the server span made active with using, OTel-style code tag',
		edits: {
			'customer.ts': [
				['  try {\n    return await next();\n  } catch (err) {', '  using scope = tracer.activateSpan(span, { finishSpanOnClose: true });\n  try {\n    return await next();\n  } catch (err) {'],
				["    span.setTag('response_code', e.code);\n", "    span.setTag('rpc.grpc.status_code', e.code);\n"],
				['  } finally {\n    span.finish();\n  }\n};', '  }\n};']
			]
		}
	},
	{
		step: 'grpc-middleware/interceptors',
		name: 'passes: client interceptor as a named function, HTTP_HEADERS into the same metadata',
		edits: {
			'frontend.ts': [
				["import { FORMAT_TEXT_MAP, Tags } from 'opentracing';", "import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';"],
				['const tracing: ClientInterceptor = async (method, request, metadata, next) => {', 'async function traceCall(...[method, request, metadata, next]: Parameters<ClientInterceptor>) {'],
				['  const outgoing = metadata.clone();\n', ''],
				['tracer.inject(span.context(), FORMAT_TEXT_MAP, carrier);\n  for (const [key, value] of Object.entries(carrier)) outgoing.set(key, value);', "tracer.inject(span.context(), FORMAT_HTTP_HEADERS, carrier);\n  for (const key in carrier) metadata.set(key, carrier[key]);"],
				['return await next(request, outgoing);', 'return await next(request, metadata);'],
				["    span.setTag(Tags.ERROR, true);\n    span.setTag('response_code', e.code);\n    span.log({ event: 'error', message: e.details, 'error.object': e });", "    span.setTag('error', true);\n    span.log({ event: 'error', 'error.object': e });"],
				['    span.finish();\n  }\n};', '    span.finish();\n  }\n}'],
				['{ interceptors: [tracing] }', '{ interceptors: [traceCall] }']
			]
		}
	},
	// ── 03 HTTP middleware ───────────────────────────────────────────────────────
	{
		step: 'grpc-middleware/http-middleware',
		name: 'spans named by the path, id and all',
		edits: { 'frontend.ts': [['`HTTP ${req.method} ${req.route}`', '`HTTP ${req.method} ${req.path}`']] },
		hint: "with the customer's id in it"
	},
	{
		step: 'grpc-middleware/http-middleware',
		name: 'the span never made active',
		edits: { 'frontend.ts': [['  using scope = tracer.activateSpan(span);\n', '']] },
		hint: 'make the request span active while the handler runs'
	},
	{
		step: 'grpc-middleware/http-middleware',
		name: 'the async handler not awaited',
		edits: { 'frontend.ts': [['const result = await handler(req);', 'const result = handler(req);']] },
		hint: 'so await it'
	},
	{
		step: 'grpc-middleware/http-middleware',
		name: 'a 404 marked as an error',
		edits: {
			'frontend.ts': [
				['    span.setTag(Tags.HTTP_STATUS_CODE, statusOf(result));\n', '    span.setTag(Tags.HTTP_STATUS_CODE, statusOf(result));\n    if (statusOf(result) >= 400) span.setTag(Tags.ERROR, true);\n']
			]
		},
		hint: 'only from 500 on'
	},
	{
		step: 'grpc-middleware/http-middleware',
		name: 'the middleware written but not given to serve',
		edits: { 'frontend.ts': [['serve(8080, routes, traced);', 'serve(8080, routes);']] },
		hint: 'serve(8080, routes, traced)'
	},
	{
		step: 'grpc-middleware/http-middleware',
		name: 'the middleware given twice',
		edits: { 'frontend.ts': [['serve(8080, routes, traced);', 'serve(8080, routes, traced, traced);']] },
		hint: 'a request is traced twice'
	},
	{
		step: 'grpc-middleware/http-middleware',
		name: 'passes: an operation-name function, references, a scope closed in finally',
		edits: {
			'frontend.ts': [
				["import { FORMAT_HTTP_HEADERS, FORMAT_TEXT_MAP, Tags } from 'opentracing';", "import { FORMAT_HTTP_HEADERS, FORMAT_TEXT_MAP, Tags, childOf } from 'opentracing';"],
				["import { serve, type HandlerResult, type Middleware, type Routes } from 'tour/http';", "import { serve, type HandlerResult, type Middleware, type Routes, type ServerRequest } from 'tour/http';\n\n// like go-stdlib's OperationNameFunc\nconst operationName = (r: ServerRequest) => ['HTTP', r.method, r.route].join(' ');"],
				['  const span = tracer.startSpan(`HTTP ${req.method} ${req.route}`, {\n    childOf: parent,', '  const span = tracer.startSpan(operationName(req), {\n    references: parent ? [childOf(parent)] : [],'],
				["      [Tags.COMPONENT]: 'net/http',", "      component: 'tour/http',"],
				['  using scope = tracer.activateSpan(span);\n', '  const scope = tracer.activateSpan(span);\n'],
				['  } finally {\n    span.finish();\n  }\n};\n\nconst routes', '  } finally {\n    scope.close();\n    span.finish();\n  }\n};\n\nconst routes']
			]
		}
	},
	{
		step: 'grpc-middleware/http-middleware',
		name: 'passes: tags set after start, the status from a helper of its own',
		edits: {
			'frontend.ts': [
				[
					"    tags: {\n      [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER,\n      [Tags.COMPONENT]: 'net/http',\n      [Tags.HTTP_METHOD]: req.method,\n      [Tags.HTTP_URL]: req.url,\n    },\n  });",
					"    tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER },\n  });\n  span.addTags({ component: 'net/http', 'http.method': req.method, 'http.url': req.url });"
				],
				['span.setTag(Tags.HTTP_STATUS_CODE, statusOf(result));', "span.setTag('http.status_code', typeof result === 'object' && result?.status ? result.status : 200);"]
			]
		}
	},
	// ── 04 ingress ───────────────────────────────────────────────────────────────
	{
		step: 'grpc-middleware/ingress',
		name: 'no tracing section: the proxy is invisible',
		edits: {},
		fromStart: true,
		hint: 'tracing is off'
	},
	{
		step: 'grpc-middleware/ingress',
		name: "the agent's address left at its default",
		edits: { 'traefik.yml': [['    localAgentHostPort: jaeger-agent:6831\n', '']] },
		hint: 'set it to jaeger-agent:6831'
	},
	{
		step: 'grpc-middleware/ingress',
		name: 'const sampler with samplingParam 0',
		edits: { 'traefik.yml': [['samplingParam: 1.0', 'samplingParam: 0']] },
		hint: 'its sampler said no'
	},
	{
		step: 'grpc-middleware/ingress',
		name: "serviceName set to the backend's name",
		edits: { 'traefik.yml': [['serviceName: traefik', 'serviceName: frontend']] },
		hint: 'names the proxy itself'
	},
	{
		step: 'grpc-middleware/ingress',
		name: 'the header renamed with traceContextHeaderName',
		edits: { 'traefik.yml': [['    localAgentHostPort: jaeger-agent:6831\n', '    localAgentHostPort: jaeger-agent:6831\n    traceContextHeaderName: x-trace-id\n']] },
		hint: 'a header named "x-trace-id"'
	},
	{
		step: 'grpc-middleware/ingress',
		name: 'passes: only the agent given, everything else by default, flow style',
		edits: {
			'traefik.yml': [[/tracing:\n[\s\S]*$/, 'tracing: { jaeger: { localAgentHostPort: "jaeger-agent:6831" } }\n']]
		}
	},
	{
		step: 'grpc-middleware/ingress',
		name: 'passes: a probabilistic sampler at 1.0',
		edits: {
			'traefik.yml': [
				['  serviceName: traefik\n', ''],
				['samplingType: const', 'samplingType: probabilistic']
			]
		}
	},

	// ── 05 propagation mismatch ──────────────────────────────────────────────────
	{
		step: 'grpc-middleware/propagation-mismatch',
		name: 'traefik left on b3 while the services speak Jaeger',
		edits: {},
		fromStart: true,
		hint: "Traefik's side: traefik.yml says propagation: b3"
	},
	{
		step: 'grpc-middleware/propagation-mismatch',
		name: 'only the frontend switched to b3',
		fromStart: true,
		edits: { 'frontend.ts': [["initTracer('frontend')", "initTracer({ serviceName: 'frontend', sampler: { type: 'const', param: 1 }, reporter: { logSpans: true }, propagation: 'b3' })"]] },
		hint: "The customer service's side"
	},
	{
		step: 'grpc-middleware/propagation-mismatch',
		name: 'back to jaeger, but under a renamed header',
		edits: { 'traefik.yml': [['    propagation: jaeger\n', '    propagation: jaeger\n    traceContextHeaderName: trace-context\n']] },
		hint: 'traceContextHeaderName: uber-trace-id (the default)'
	},
	{
		step: 'grpc-middleware/propagation-mismatch',
		name: 'the services switched to b3 but traefik set back to jaeger',
		edits: {
			'frontend.ts': [["initTracer('frontend')", "initTracer({ serviceName: 'frontend', sampler: { type: 'const', param: 1 }, reporter: { logSpans: true }, propagation: 'b3' })"]],
			'customer.ts': [["initTracer('customer')", "initTracer({ serviceName: 'customer', sampler: { type: 'const', param: 1 }, reporter: { logSpans: true }, propagation: 'b3' })"]]
		},
		hint: "The frontend's side"
	},
	{
		step: 'grpc-middleware/propagation-mismatch',
		name: 'passes: every service speaks b3, traefik keeps b3',
		fromStart: true,
		edits: {
			'frontend.ts': [["initTracer('frontend')", "initTracer({ serviceName: 'frontend', sampler: { type: 'const', param: 1 }, reporter: { logSpans: true }, propagation: 'b3' })"]],
			'customer.ts': [["initTracer('customer')", "initTracer({ serviceName: 'customer', sampler: { type: 'const', param: 1 }, reporter: { logSpans: true }, propagation: 'b3' })"]]
		}
	},
	{
		step: 'grpc-middleware/propagation-mismatch',
		name: 'passes: the propagation line deleted (jaeger is the default)',
		edits: { 'traefik.yml': [[/    # one format[^\n]*\n    propagation: jaeger\n/, '']] }
	}
];

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
	}
];

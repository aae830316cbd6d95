// Chapter 8 — sampling: typical mistakes, each failing with the hint that names it, and correct
// programs written differently, which pass.
import type { Variant } from './mistakes';

export const variants08: Variant[] = [];
const add = (v: Variant) => variants08.push(v);

// ── samplers ───────────────────────────────────────────────────────────────────
const SAMPLERS = 'sampling/samplers';
const PROB = "sampler: { type: 'probabilistic', param: 0.1 }";
const RATE = "sampler: { type: 'ratelimiting', param: 2 }";

add({ step: SAMPLERS, name: '10 % written as 10', edits: { 'probabilistic.ts': [[PROB, "sampler: { type: 'probabilistic', param: 10 }"]] }, hint: 'sampling rate must be between' });
add({ step: SAMPLERS, name: 'the type spelt rateLimiting', edits: { 'ratelimiting.ts': [[RATE, "sampler: { type: 'rateLimiting' as 'ratelimiting', param: 2 }"]] }, hint: 'Unknown sampler type' });
add({ step: SAMPLERS, name: 'the rate limit written as a fraction', edits: { 'ratelimiting.ts': [[RATE, "sampler: { type: 'ratelimiting', param: 0.02 }"]] }, hint: 'sampler.param=0.02' });
add({ step: SAMPLERS, name: 'probabilistic 1: every trace', edits: { 'probabilistic.ts': [[PROB, "sampler: { type: 'probabilistic', param: 1 }"]] }, hint: 'sampler.param=1 ' });
add({ step: SAMPLERS, name: 'shop-const turned off', edits: { 'const.ts': [["sampler: { type: 'const', param: 1 }", "sampler: { type: 'const', param: 0 }"]] }, hint: 'const 1 samples every trace' });
add({
	step: SAMPLERS,
	name: 'passes: the rate as a fraction expression, the rate limit as 2.0',
	edits: { 'probabilistic.ts': [[PROB, "sampler: { type: 'probabilistic', param: 10 / 100 }"]], 'ratelimiting.ts': [[RATE, "sampler: { type: 'ratelimiting', param: 2.0 }"]] }
});
add({
	step: SAMPLERS,
	name: 'passes: sampler settings in a constant, spans finished in finally',
	edits: {
		'ratelimiting.ts': [
			[RATE, 'sampler: SAMPLER'],
			["import { initTracer, type JaegerSpanContext } from 'tour/tracing';", "import { initTracer, type JaegerSpanContext } from 'tour/tracing';\n\nconst SAMPLER = { type: 'ratelimiting', param: 2 } as const;"],
			[
				"    const span = tracer.startSpan('checkout', { tags: { order } });\n    if ((span.context() as JaegerSpanContext).isSampled()) sampled++;\n    span.finish();",
				"    const span = tracer.startSpan('checkout');\n    try {\n      span.setTag('order', order);\n      const context = span.context() as JaegerSpanContext;\n      sampled += context.isSampled() ? 1 : 0;\n    } finally {\n      span.finish();\n    }"
			]
		]
	}
});

// ── strategies from the agent ──────────────────────────────────────────────────
const REMOTE = 'sampling/remote-strategies';
const HEALTH = '{ "operation": "GET /health", "type": "probabilistic", "param": 0 }';

add({ step: REMOTE, name: 'ratelimiting 0 for /health, which Jaeger skips per operation', edits: { 'sampling.json': [[HEALTH, '{ "operation": "GET /health", "type": "ratelimiting", "param": 0 }']] }, hint: 'only "probabilistic" exists' });
add({ step: REMOTE, name: 'the operation named by its path only', edits: { 'sampling.json': [[HEALTH, '{ "operation": "/health", "type": "probabilistic", "param": 0 }']] }, hint: 'must be the span\'s name exactly' });
add({ step: REMOTE, name: 'the service misspelt', edits: { 'sampling.json': [['"service": "frontend"', '"service": "front-end"']] }, hint: 'Does "service" say exactly "frontend"?' });
add({ step: REMOTE, name: '10 % written as 10', edits: { 'sampling.json': [['"param": 0.1,', '"param": 10,']] }, hint: 'The agent refused sampling.json' });
add({ step: REMOTE, name: 'a lower bound that samples /health too', edits: { 'sampling.json': [['"param": 0.1,', '"param": 0.1,\n      "default_lower_bound_traces_per_second": 1,']] }, hint: 'sampler.type=lowerbound' });
add({ step: REMOTE, name: 'the operations listed under default_strategy leave search at the default 1', edits: {}, files: { 'sampling.json': '{"default_strategy": {"type": "probabilistic", "param": 1, "operation_strategies": [{"operation": "GET /health", "type": "probabilistic", "param": 0}, {"operation": "POST /checkout", "type": "probabilistic", "param": 1}]}}' }, hint: 'make that 0.1' });
add({
	step: REMOTE,
	name: 'passes: everything in default_strategy, at 10 %',
	edits: {},
	files: { 'sampling.json': '{"default_strategy": {"type": "probabilistic", "param": 0.1, "operation_strategies": [{"operation": "POST /checkout", "type": "probabilistic", "param": 1.0}, {"operation": "GET /health", "type": "probabilistic", "param": 0}]}}' }
});
add({
	step: REMOTE,
	name: 'passes: a rate-limited default for other services, the checkout first, an explicit lower bound of 0',
	edits: {},
	files: {
		'sampling.json': JSON.stringify(
			{
				default_strategy: { type: 'ratelimiting', param: 5 },
				service_strategies: [
					{
						service: 'frontend',
						type: 'probabilistic',
						param: 0.1,
						default_lower_bound_traces_per_second: 0,
						operation_strategies: [
							{ operation: 'POST /checkout', type: 'probabilistic', param: 1 },
							{ operation: 'GET /health', type: 'probabilistic', param: 0 }
						]
					}
				]
			},
			null,
			2
		)
	}
});

// ── what an unsampled root leaves behind ──────────────────────────────────────
const DOWN = 'sampling/downstream';
const INV_START = "  const span = tracer.startSpan('reserve', { childOf: parent, tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER } });";

add({ step: DOWN, name: 'the start as given: a trace of its own when the flag is 0', edits: {}, fromStart: true, hint: 'trace(s) of its own' });
add({ step: DOWN, name: 'inventory ignores the caller', edits: { 'inventory.ts': [[INV_START, "  const span = tracer.startSpan('reserve', { tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER } });"]] }, hint: 'trace(s) of its own' });
add({
	step: DOWN,
	name: 'inventory forces its spans to be kept',
	edits: { 'inventory.ts': [["  span.setTag('order', req.query.order);", "  span.setTag(Tags.SAMPLING_PRIORITY, 1);\n  span.setTag('order', req.query.order);"]] },
	hint: 'arrived in traces the shop did not sample'
});
add({ step: DOWN, name: 'the shop does not inject', edits: { 'shop.ts': [['    tracer.inject(call.context(), FORMAT_HTTP_HEADERS, headers);\n', '']] }, hint: 'without an uber-trace-id header' });
add({ step: DOWN, name: 'the shop samples everything', edits: { 'shop.ts': [["sampler: { type: 'probabilistic', param: 0.5 }", "sampler: { type: 'const', param: 1 }"]] }, hint: "keep the shop's sampler at probabilistic 0.5" });
add({
	step: DOWN,
	name: 'passes: references with childOf(), the context checked before use',
	edits: {
		'inventory.ts': [
			["import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';", "import { FORMAT_HTTP_HEADERS, Tags, childOf } from 'opentracing';"],
			[
				"  const parent = tracer.extract(FORMAT_HTTP_HEADERS, req.headers) ?? undefined;\n" + INV_START,
				"  const parent = tracer.extract(FORMAT_HTTP_HEADERS, req.headers);\n  const span = tracer.startSpan('reserve', { references: parent ? [childOf(parent)] : [] });\n  span.setTag(Tags.SPAN_KIND, Tags.SPAN_KIND_RPC_SERVER);"
			]
		]
	}
});
add({
	step: DOWN,
	name: 'passes: the server span in a helper, finished in finally, inventory at probabilistic 0.01 for its own traces',
	edits: {
		'inventory.ts': [
			["sampler: { type: 'const', param: 1 }", "sampler: { type: 'probabilistic', param: 0.01 }"],
			[
				"  const parent = tracer.extract(FORMAT_HTTP_HEADERS, req.headers) ?? undefined;\n" + INV_START + "\n  span.setTag('order', req.query.order);\n  span.finish();\n  return 'reserved';",
				"  const span = serverSpan('reserve', req.headers);\n  try {\n    span.setTag('order', req.query.order);\n    return 'reserved';\n  } finally {\n    span.finish();\n  }"
			],
			[
				'serve(8081, (req) => {',
				"function serverSpan(name: string, headers: Record<string, string>) {\n  const caller = tracer.extract(FORMAT_HTTP_HEADERS, headers);\n  return tracer.startSpan(name, { childOf: caller ?? undefined, tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER } });\n}\n\nserve(8081, (req) => {"
			]
		]
	}
});

// ── ask for one trace ──────────────────────────────────────────────────────────
const DEBUG = 'sampling/debug-id';
const ASK = "order === 7 ? { 'jaeger-debug-id': 'order-7' } : {}";

add({ step: DEBUG, name: 'the debug id on every request', edits: { 'curl.ts': [[ASK, "{ 'jaeger-debug-id': `order-${order}` }"]] }, hint: 'went with 10 requests' });
add({ step: DEBUG, name: 'a header name of its own', edits: { 'curl.ts': [[ASK, "order === 7 ? { 'x-debug-id': 'order-7' } : {}"]] }, hint: 'the name jaeger-client reads is exactly jaeger-debug-id' });
add({ step: DEBUG, name: 'counting from 0: the wrong order', edits: { 'curl.ts': [[ASK, "order - 1 === 7 ? { 'jaeger-debug-id': 'order-7' } : {}"]] }, hint: "went with order 8's request" });
add({
	step: DEBUG,
	name: 'a hand-made uber-trace-id with the sampled flag',
	edits: { 'curl.ts': [[ASK, "order === 7 ? { 'uber-trace-id': '7:7:0:1' } : {}"]] },
	hint: 'hand-made uber-trace-id'
});
add({
	step: DEBUG,
	name: 'the frontend drops the incoming headers',
	edits: { 'frontend.ts': [['  const parent = tracer.extract(FORMAT_HTTP_HEADERS, req.headers) ?? undefined;\n', '  const parent = undefined;\n']] },
	hint: 'No trace at all'
});
add({
	step: DEBUG,
	name: 'passes: the header added by spreading, a name in capitals (headers are case-insensitive)',
	edits: {
		'curl.ts': [
			[
				"    const headers: Record<string, string> = " + ASK + ";\n    const res = await fetch(`http://frontend:8080/checkout?order=${order}`, { headers });",
				"    const res = await fetch(`http://frontend:8080/checkout?order=${order}`, { headers: { accept: 'text/plain', ...(order === 7 && { 'Jaeger-Debug-Id': 'complaint-1234' }) } });"
			]
		]
	}
});
add({
	step: DEBUG,
	name: 'passes: the nine orders first, then order 7 on its own with the debug id',
	edits: {},
	files: {
		'curl.ts': "import { fetch } from 'tour/http';\n\nasync function order(n: number, debugId?: string): Promise<void> {\n  const res = await fetch(`http://frontend:8080/checkout?order=${n}`, debugId ? { headers: { 'jaeger-debug-id': debugId } } : {});\n  console.log(`order ${n}: ${await res.text()}`);\n}\n\nexport async function main(): Promise<void> {\n  for (const n of [1, 2, 3, 4, 5, 6, 8, 9, 10]) await order(n);\n  await order(7, 'order-7');\n}\n"
	}
});

// ── what sampling costs ────────────────────────────────────────────────────────
const BUDGET = 'sampling/budget';
const FORCE = '    span.setTag(Tags.SAMPLING_PRIORITY, 1);\n';
const RATE01 = "sampler: { type: 'probabilistic', param: 0.01 }";

add({ step: BUDGET, name: 'the start as given: everything sampled', edits: {}, fromStart: true, hint: 'spans for one burst' });
add({ step: BUDGET, name: '1 % and nothing more: the failures lost', edits: { 'api.ts': [[FORCE, '']] }, hint: 'left no trace' });
add({
	step: BUDGET,
	name: 'sampling.priority after the error tag',
	edits: { 'api.ts': [[FORCE, ''], ["    span.log({ event: 'error', message: err.message });", "    span.setTag(Tags.SAMPLING_PRIORITY, 1);\n    span.log({ event: 'error', message: err.message });"]] },
	hint: 'an unsampled span keeps nothing set on it'
});
add({
	step: BUDGET,
	name: 'sampling.priority on the db-query child',
	edits: { 'api.ts': [[FORCE, ''], ['    if (id % 40 === 0) throw', "    if (id % 40 === 0) span.addTags({ [Tags.SAMPLING_PRIORITY]: 1, [Tags.ERROR]: true });\n    if (id % 40 === 0) throw"]] },
	hint: 'sampling.priority on a child keeps the child alone'
});
add({
	step: BUDGET,
	name: 'sampling.priority on every request',
	edits: { 'api.ts': [["[Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER, 'order.id': id } });", "[Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER, 'order.id': id, [Tags.SAMPLING_PRIORITY]: 1 } });"]] },
	hint: 'sampling.priority is set on every request'
});
add({ step: BUDGET, name: 'a rate limit instead of 1 %', edits: { 'api.ts': [[RATE01, "sampler: { type: 'ratelimiting', param: 4 }"]] }, hint: 'sampler.type=ratelimiting' });
add({
	step: BUDGET,
	name: 'passes: a helper with string tag names, 1/100',
	edits: {
		'api.ts': [
			[RATE01, "sampler: { type: 'probabilistic', param: 1 / 100 }"],
			[
				"    // The sampler decided at the start, when nothing had failed yet: ask for this trace now —\n    // first, since an unsampled span keeps nothing set on it (its start tags are gone too).\n" +
					FORCE +
					"    span.setTag(Tags.ERROR, true);\n    span.setTag('order.id', id);\n    span.log({ event: 'error', message: err.message });",
				'    markFailed(span, id, err);'
			],
			[
				'serve(8080,',
				"function markFailed(span: Span, id: number, err: Error): void {\n  span.setTag('sampling.priority', 1);\n  span.addTags({ error: true, 'order.id': id });\n  span.log({ event: 'error', message: err.message, stack: err.stack });\n}\n\nserve(8080,"
			]
		]
	}
});
add({
	step: BUDGET,
	name: 'passes: the id found from the error log alone',
	edits: { 'api.ts': [["    span.setTag('order.id', id);\n", '']] }
});

// Chapter 9 — inside Jaeger: typical mistakes, each failing with the hint that names it, and correct
// programs written differently, which pass.
import type { Variant } from './mistakes';

export const variants09: Variant[] = [];
const add = (v: Variant) => variants09.push(v);

// ── spans that go nowhere ──────────────────────────────────────────────────────
const PORT = 'inside-jaeger/wrong-port';
const REPORTER = "reporter: { agentHost: 'jaeger-agent', agentPort: 6832 },";

add({ step: PORT, name: "seed 003's port: 5775, the old zipkin.thrift one", edits: { 'timeserver.ts': [[REPORTER, "reporter: { agentHost: 'jaeger-agent', agentPort: 5775 },"]] }, hint: 'where nobody listens' });
add({ step: PORT, name: 'the agent host misspelt', edits: { 'timeserver.ts': [[REPORTER, "reporter: { agentHost: 'jaeger-agnet', agentPort: 6832 },"]] }, hint: 'a host that does not exist' });
add({ step: PORT, name: 'the HTTP sender aimed at the gRPC port 14250', edits: { 'timeserver.ts': [[REPORTER, "reporter: { collectorEndpoint: 'http://jaeger-collector:14250/api/traces' },"]] }, hint: 'takes jaeger-client\'s HTTP batches on port 14268' });
add({ step: PORT, name: 'the HTTP sender with a wrong path', edits: { 'timeserver.ts': [[REPORTER, "reporter: { collectorEndpoint: 'http://jaeger-collector:14268/api/spans' },"]] }, hint: 'the collector takes span batches at' });
add({ step: PORT, name: 'the agent port fixed, the server context no longer extracted', edits: { 'timeserver.ts': [["  const parent = tracer.extract(FORMAT_HTTP_HEADERS, req.headers) ?? undefined;\n", "  const parent = undefined;\n"]] }, hint: 'extract the context from req.headers' });
add({
	step: PORT,
	name: 'passes: the default agent port (6831, compact) by leaving the reporter out',
	edits: { 'timeserver.ts': [[REPORTER, '']] }
});
add({
	step: PORT,
	name: 'passes: the HTTP sender straight to the collector, Tags as strings',
	edits: {
		'timeserver.ts': [
			[REPORTER, "reporter: { collectorEndpoint: 'http://jaeger-collector:14268/api/traces' },"],
			['tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER }', "tags: { 'span.kind': 'server' }"]
		]
	}
});

// ── a burst the agent cannot hold ──────────────────────────────────────────────
const BURST = 'inside-jaeger/agent-queue';
const AGENT_QUEUE = 'queueSize: 1000\n  workers: 1';
const SMALL = 'queueSize: 4\n  workers: 1';
const TRACER = "initTracer({ serviceName: 'orders', sampler: { type: 'const', param: 1 } })";

add({ step: BURST, name: 'a bigger collector queue instead of the agent\'s', edits: { 'jaeger.yml': [[AGENT_QUEUE, SMALL], ['queueSize: 2000', 'queueSize: 100000']] }, hint: 'A bigger collector queue changes nothing' });
add({ step: BURST, name: 'more collector workers', edits: { 'jaeger.yml': [[AGENT_QUEUE, SMALL], ['collector:\n  queueSize: 2000', 'collector:\n  queueSize: 2000\n  workers: 200']] }, hint: 'the agent dropped whole packets' });
add({ step: BURST, name: 'a bigger max packet size, which only lets a packet be larger', edits: { 'jaeger.yml': [[AGENT_QUEUE, 'queueSize: 4\n  workers: 1\n  maxPacketSize: 65000']] }, hint: 'Its queue (agent.queueSize in jaeger.yml) counts packets' });
add({ step: BURST, name: 'the batch made smaller instead', edits: { 'jaeger.yml': [[AGENT_QUEUE, SMALL]], 'orders.ts': [['{ length: 800 }', '{ length: 80 }']] }, hint: 'The burst is the point' });
add({ step: BURST, name: 'the HTTP sender with the agent\'s host', edits: { 'jaeger.yml': [[AGENT_QUEUE, SMALL]], 'orders.ts': [[TRACER, "initTracer({ serviceName: 'orders', sampler: { type: 'const', param: 1 }, reporter: { collectorEndpoint: 'http://jaeger-agent:14268/api/traces' } })"]] }, hint: 'orders sent its spans to jaeger-agent:14268' });
add({
	step: BURST,
	name: 'passes: the small agent kept, spans sent over HTTP straight to the collector',
	edits: {
		'jaeger.yml': [[AGENT_QUEUE, SMALL]],
		'orders.ts': [[TRACER, "initTracer({\n  serviceName: 'orders',\n  sampler: { type: 'const', param: 1 },\n  reporter: { collectorEndpoint: 'http://jaeger-collector:14268/api/traces' },\n})"]]
	}
});
add({
	step: BURST,
	name: 'passes: no agent section at all (Jaeger\'s defaults), steps finished in finally',
	edits: {
		'orders.ts': [["  await Promise.resolve(order);\n  span.finish();", '  try {\n    await Promise.resolve(order);\n  } finally {\n    span.finish();\n  }']]
	},
	files: { 'jaeger.yml': 'collector:\n  queueSize: 2000\n' }
});

// ── one index a day ────────────────────────────────────────────────────────────
const DAILY = 'inside-jaeger/daily-index';
const PATTERN = '`${ES}/jaeger-span-*/_search`';

add({ step: DAILY, name: 'the storage left in memory', edits: { 'jaeger.yml': [['type: elasticsearch', 'type: memory']] }, hint: 'storage.type: elasticsearch' });
add({ step: DAILY, name: "the index of Shanghai's date", edits: { 'reports.ts': [[PATTERN, '`${ES}/jaeger-span-2026-06-19/_search`']] }, hint: 'that is the day in Shanghai' });
add({ step: DAILY, name: 'the date computed in local time (UTC+8)', edits: { 'reports.ts': [[PATTERN, '`${ES}/jaeger-span-${new Date(ranAt + 8 * 3_600_000).toISOString().slice(0, 10)}/_search`']] }, hint: 'that is the day in Shanghai' });
add({ step: DAILY, name: 'the service index printed', edits: { 'reports.ts': [[PATTERN, '`${ES}/jaeger-service-*/_search`'], ['{ query: { term: { spanID } } }', "{ query: { term: { serviceName: 'reports' } } }"]] }, hint: 'holds (service, operation) pairs' });
add({ step: DAILY, name: 'searched before the tracer flushed', edits: { 'reports.ts': [['  await tracer.close(); // flushed: the collector has written it\n', '']] }, hint: 'Was the span written yet?' });
add({
	step: DAILY,
	name: 'passes: the UTC date computed, a match query',
	edits: {
		'reports.ts': [
			[PATTERN, '`${ES}/jaeger-span-${new Date(ranAt).toISOString().slice(0, 10)}/_search`'],
			['{ query: { term: { spanID } } }', "{ query: { match: { operationName: 'nightly-report' } } }"]
		]
	}
});
add({
	step: DAILY,
	name: 'passes: a GET with q= over every span index, closed with a callback',
	edits: {
		'reports.ts': [
			['  await tracer.close(); // flushed: the collector has written it\n', '  await new Promise<void>((done) => tracer.close(done));\n'],
			[
				"const res = await fetch(`${ES}/jaeger-span-*/_search`, {\n    method: 'POST',\n    headers: { 'content-type': 'application/json' },\n    body: JSON.stringify({ query: { term: { spanID } } }),\n  });",
				'const res = await fetch(`${ES}/jaeger-span-*/_search?q=spanID:${spanID}`);'
			]
		]
	}
});

// ── what the dependencies job draws ────────────────────────────────────────────
const DEPS = 'inside-jaeger/dependencies';
const HANDLE_REFS = '    references: producer ? [followsFrom(producer)] : [],\n';
const EXTRACT = '  const producer = tracer.extract(FORMAT_TEXT_MAP, headers);\n';
const COOK = "const span = tracer.startSpan('cook-order', { childOf: handling });";

add({ step: DEPS, name: "the start: cook-order follows from the producer inside handle-message's own trace", fromStart: true, edits: {}, hint: 'a reference into another trace draws no edge' });
add({ step: DEPS, name: 'handle-message a root again, no reference anywhere', edits: { 'kitchen.ts': [[HANDLE_REFS, ''], [EXTRACT, '']] }, hint: 'handle-message starts a trace of its own' });
add({ step: DEPS, name: "the consumer's tracer copied from the producer: initTracer('order')", edits: { 'kitchen.ts': [["initTracer('kitchen')", "initTracer('order')"]] }, hint: 'parent and child spans belong to different services' });
add({
	step: DEPS,
	name: 'cook-order also follows from the producer: two calls per message',
	edits: { 'kitchen.ts': [[COOK, "const span = tracer.startSpan('cook-order', { references: [followsFrom(tracer.extract(FORMAT_TEXT_MAP, headers)!)] });"]] },
	hint: 'more than one kitchen span per message'
});
add({ step: DEPS, name: 'the producer forgot to inject', edits: { 'order.ts': [['    tracer.inject(span.context(), FORMAT_TEXT_MAP, headers);\n', '']] }, hint: "order's messages carried no trace context" });
add({
	step: DEPS,
	name: 'passes: handle-message childOf the producer (an edge all the same), Tags as strings',
	edits: {
		'kitchen.ts': [
			[HANDLE_REFS, '    childOf: producer ?? undefined,\n'],
			["tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_MESSAGING_CONSUMER, [Tags.MESSAGE_BUS_DESTINATION]: 'orders' }", "tags: { 'span.kind': 'consumer', 'message_bus.destination': 'orders' }"]
		]
	}
});
add({
	step: DEPS,
	name: 'passes: cook-order started from the span itself, finished in finally',
	edits: {
		'kitchen.ts': [
			["async function handleMessage(headers: Record<string, string>, handler: (msg: SpanContext) => void): Promise<void> {", "async function handleMessage(headers: Record<string, string>, handler: (msg: Span) => void): Promise<void> {"],
			['  handler(span.context());\n  span.finish();', '  try {\n    handler(span);\n  } finally {\n    span.finish();\n  }'],
			["import { FORMAT_TEXT_MAP, Tags, followsFrom, type SpanContext } from 'opentracing';", "import { FORMAT_TEXT_MAP, Tags, followsFrom, type Span } from 'opentracing';"],
			[COOK, "const span = tracer.startSpan('cook-order', { references: [childOf(handling)] });"],
			["import { FORMAT_TEXT_MAP, Tags, followsFrom, type Span } from 'opentracing';", "import { FORMAT_TEXT_MAP, Tags, childOf, followsFrom, type Span } from 'opentracing';"]
		]
	}
});

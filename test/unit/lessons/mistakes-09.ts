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

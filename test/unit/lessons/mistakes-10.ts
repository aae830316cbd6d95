// Chapter 10 — from OpenTracing to OpenTelemetry: typical mistakes, each failing with the hint that
// names it, and correct programs written differently, which pass.
import type { Variant } from './mistakes';

export const variants10: Variant[] = [];
const add = (v: Variant) => variants10.push(v);

// ── the OTel API ───────────────────────────────────────────────────────────────
const API = 'opentelemetry/otel-api';
const START = "    const span = tracer.startSpan('format-string', {\n      kind: SpanKind.CLIENT,\n      attributes: { 'http.request.method': 'GET', 'url.full': url, 'hello.to': helloTo },\n    });";
const STATUS = '      span.setStatus({ code: SpanStatusCode.ERROR, message: body });';

add({ step: API, name: 'the OpenTracing error tag kept as an attribute', edits: { 'hello.ts': [[STATUS, "      span.setAttribute('error', true);"]] }, hint: "error=true is OpenTracing's way" });
add({
	step: API,
	name: 'span.kind passed as an attribute',
	edits: { 'hello.ts': [[START, "    const span = tracer.startSpan('format-string', {\n      attributes: { 'span.kind': 'client', 'http.request.method': 'GET', 'url.full': url, 'hello.to': helloTo },\n    });"]] },
	hint: 'span.kind is not an attribute'
});
add({
	step: API,
	name: 'the OpenTracing HTTP tag names',
	edits: { 'hello.ts': [["'http.request.method': 'GET', 'url.full': url", "'http.method': 'GET', 'http.url': url"]] },
	hint: "http.method and http.url are OpenTracing's names"
});
add({ step: API, name: 'recordException without a status', edits: { 'hello.ts': [[STATUS, '      span.recordException(new Error(body));']] }, hint: "the span's status is still unset" });
add({ step: API, name: 'the event without its value', edits: { 'hello.ts': [["span.addEvent('string-format', { value: body });", "span.addEvent('string-format');"]] }, hint: 'events take attributes as their second argument' });
add({ step: API, name: 'no kind at all: INTERNAL', edits: { 'hello.ts': [['      kind: SpanKind.CLIENT,\n', '']] }, hint: "OpenTelemetry's default" });
add({ step: API, name: 'the span never ended', edits: { 'hello.ts': [['    span.end();\n', '']] }, hint: 'the SDK only exports ended spans' });
add({
	step: API,
	name: 'passes: startActiveSpan, setAttribute one by one, the status code as a number, end in finally',
	edits: {},
	files: {
		'hello.ts': `import { trace, SpanKind, type Span } from '@opentelemetry/api';

const tracer = trace.getTracer('greeter');

async function greet(span: Span, helloTo: string): Promise<void> {
  const url = 'http://formatter:8081/format?helloTo=' + encodeURIComponent(helloTo);
  span.setAttribute('hello.to', helloTo);
  span.setAttribute('http.request.method', 'GET');
  span.setAttribute('url.full', url);
  const res = await fetch(url);
  const text = await res.text();
  span.setAttribute('http.response.status_code', res.status);
  if (!res.ok) {
    span.recordException({ name: 'HttpError', message: text });
    span.setStatus({ code: 2, message: text }); // 2 = SpanStatusCode.ERROR
    return;
  }
  span.addEvent('string-format', { value: text });
  console.log(text);
}

export async function main(): Promise<void> {
  for (const name of process.argv.slice(2)) {
    await tracer.startActiveSpan('format-string', { kind: SpanKind.CLIENT }, async (span) => {
      try {
        await greet(span, name);
      } finally {
        span.end();
      }
    });
  }
}
`
	}
});
add({
	step: API,
	name: 'passes: an OK status set explicitly on success, the attributes after start',
	edits: {
		'hello.ts': [
			[START, "    const span = tracer.startSpan('format-string', { kind: SpanKind.CLIENT });\n    span.setAttributes({ 'hello.to': helloTo, 'http.request.method': 'GET', 'url.full': url });"],
			["      console.log(body);", "      span.setStatus({ code: SpanStatusCode.OK });\n      console.log(body);"]
		]
	}
});

// ── traceparent on the wire ────────────────────────────────────────────────────
const WIRE = 'opentelemetry/traceparent';
const INJECT = '  propagation.inject(trace.setSpan(context.active(), span), headers);';
const W3C = "  propagation: 'w3c', // read and write traceparent instead of uber-trace-id\n";

add({ step: WIRE, name: 'context.active() injected: it holds no span', edits: { 'hello.ts': [[INJECT, '  propagation.inject(context.active(), headers);']] }, hint: 'context.active() holds no span' });
add({ step: WIRE, name: 'headers filled but not sent', edits: { 'hello.ts': [['await fetch(url, { headers });', 'await fetch(url);']] }, hint: 'pass that same object to fetch' });
add({ step: WIRE, name: 'formatter left on uber-trace-id', edits: { 'formatter.ts': [[W3C, '']] }, hint: "propagation: 'w3c'" });
add({ step: WIRE, name: 'formatter on B3 instead of W3C', edits: { 'formatter.ts': [[W3C, "  propagation: 'b3',\n"]] }, hint: 'reads uber-trace-id unless told otherwise' });
add({ step: WIRE, name: 'formatter extracts but starts its span without childOf', edits: { 'formatter.ts': [['    childOf: parent,\n', '']] }, hint: 'childOf: the extracted context' });
add({
	step: WIRE,
	name: 'the active root span injected instead of the client span',
	edits: {
		'hello.ts': [
			['export async function main(): Promise<void> {\n', "export async function main(): Promise<void> {\n  await tracer.startActiveSpan('say-hello', async (root) => {\n"],
			[INJECT, '  propagation.inject(context.active(), headers);'],
			['  span.end();\n}', '  span.end();\n  root.end();\n  });\n}']
		]
	},
	hint: 'is the id of hello\'s "say-hello" span'
});
add({
	step: WIRE,
	name: 'passes: startActiveSpan and the active context, the formatter with Tags constants and references',
	edits: {
		'hello.ts': [
			[
				/const span = tracer\.startSpan\('format-string', \{([\s\S]*?)\}\);\n[\s\S]*?span\.end\(\);\n/,
				"await tracer.startActiveSpan('format-string', {$1}, async (span) => {\n    const headers: Record<string, string> = {};\n    propagation.inject(context.active(), headers);\n    try {\n      const res = await fetch(url, { headers });\n      const body = await res.text();\n      span.setAttribute('http.response.status_code', res.status);\n      if (res.ok) console.log(body);\n      else span.setStatus({ code: SpanStatusCode.ERROR, message: body });\n    } finally {\n      span.end();\n    }\n  });\n"
			]
		],
		'formatter.ts': [
			["import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';", "import { FORMAT_HTTP_HEADERS, Tags, childOf } from 'opentracing';"],
			['    childOf: parent,\n', '    references: parent ? [childOf(parent)] : [],\n']
		]
	}
});
add({
	step: WIRE,
	name: 'passes: an explicit context variable, a root span above the client span, the formatter built with jaeger-client config + options',
	edits: {
		'hello.ts': [
			["  const span = tracer.startSpan('format-string', {", "  const root = tracer.startSpan('say-hello');\n  const span = tracer.startSpan('format-string', {"],
			["  });\n  // the W3C", "  }, trace.setSpan(context.active(), root));\n  // the W3C"],
			[INJECT, '  const callContext = trace.setSpan(context.active(), span);\n  propagation.inject(callContext, headers);'],
			['  span.end();\n}', '  span.end();\n  root.end();\n}']
		],
		'formatter.ts': [["import { initTracer } from 'tour/tracing';", "import { initTracer } from 'jaeger-client';"], ['});\n\n// GET', '}, {});\n\n// GET']]
	}
});

// ── the shim: FollowsFrom becomes a link ───────────────────────────────────────
const SHIM = 'opentelemetry/shim-links';
const INSTALL = "initGlobalTracer(new TracerShim(trace.getTracer('opentracing-shim')));\n";
const REPORT_START = "  const span = tracer.startSpan('build-report', { references: [followsFrom(received.context())] });";

add({ step: SHIM, name: 'the shim made but never installed: globalTracer() stays a no-op', edits: { 'worker.ts': [[INSTALL, "const shim = new TracerShim(trace.getTracer('opentracing-shim'));\nvoid shim;\n"]] }, hint: 'globalTracer() hands out a no-op tracer' });
add({
	step: SHIM,
	name: 'still on the jaeger-style tracer',
	edits: {
		'worker.ts': [
			[INSTALL + 'const tracer = globalTracer();', "const tracer = initTracer({ serviceName: 'worker', sampler: { type: 'const', param: 1 }, propagation: 'w3c' });"],
			["import { serve } from 'tour/http';", "import { serve } from 'tour/http';\nimport { initTracer } from 'tour/tracing';"]
		]
	},
	hint: 'still come from the jaeger-style tracer'
});
add({
	step: SHIM,
	name: 'childOf added to keep the report in the request trace',
	edits: { 'worker.ts': [[REPORT_START, "  const span = tracer.startSpan('build-report', { childOf: received, references: [followsFrom(received.context())] });"]] },
	hint: 'leave it only followsFrom'
});
add({ step: SHIM, name: 'the reference dropped', edits: { 'worker.ts': [[REPORT_START, "  const span = tracer.startSpan('build-report');"]] }, hint: 'every OpenTracing reference becomes an OpenTelemetry link' });
add({
	step: SHIM,
	name: 'the parent given as references: [childOf(parent)], which the JS shim turns into a link',
	edits: {
		'worker.ts': [
			["import { FORMAT_HTTP_HEADERS, Tags, followsFrom,", "import { FORMAT_HTTP_HEADERS, Tags, childOf, followsFrom,"],
			['    childOf: parent,\n', '    references: parent ? [childOf(parent)] : [],\n']
		]
	},
	hint: 'becomes a mere link'
});
add({ step: SHIM, name: 'the server span started without its parent', edits: { 'worker.ts': [['    childOf: parent,\n', '']] }, hint: 'start receive-job with the childOf: parent option' });
add({
	step: SHIM,
	name: 'passes: the shim used directly (not global), followsFrom given the span',
	edits: {
		'worker.ts': [
			[INSTALL + 'const tracer = globalTracer();', "const tracer = new TracerShim(trace.getTracer('worker-legacy', '0.9.0'));"],
			['followsFrom(received.context())', 'followsFrom(received)'],
			['globalTracer, initGlobalTracer, ', '']
		]
	}
});
add({
	step: SHIM,
	name: 'passes: explicit W3C propagators, the report span finished in finally',
	edits: {
		'worker.ts': [
			[INSTALL, "const w3c = new W3CTraceContextPropagator();\ninitGlobalTracer(new TracerShim(trace.getTracer('opentracing-shim'), { textMapPropagator: w3c, httpHeadersPropagator: w3c }));\n"],
			["import { TracerShim } from '@opentelemetry/shim-opentracing';", "import { TracerShim } from '@opentelemetry/shim-opentracing';\nimport { W3CTraceContextPropagator } from '@opentelemetry/core';"],
			["  span.setTag('job.id', id);\n  await sleep(30);\n  span.log({ event: 'report-ready', rows: 42 });\n  span.finish();", "  try {\n    span.setTag('job.id', id);\n    await sleep(30);\n    span.log({ event: 'report-ready', rows: 42 });\n  } finally {\n    span.finish();\n  }"]
		]
	}
});

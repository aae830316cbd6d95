// Typical mistakes, one variant of a step's solution each, and the hint its check must answer with.
// Also correct solutions written differently, which must pass. Each edit is a text replacement on
// the solution that must match, so a variant cannot silently become the solution itself.

export interface Variant {
	step: string;
	name: string;
	/** file → [search, replacement][] applied to the solution file */
	edits: Record<string, [string | RegExp, string][]>;
	/** files replaced whole (after edits) */
	files?: Record<string, string>;
	/** start from the step's start files instead of its solution */
	fromStart?: boolean;
	args?: string;
	/** substring of a failing item's hint; absent = the variant must pass */
	hint?: string;
}

export const variants: Variant[] = [];
const add = (v: Variant) => variants.push(v);

// ── 01 hello span ──────────────────────────────────────────────────────────────
add({
	step: 'hello-span/real-tracer',
	name: 'span never finished',
	edits: { 'hello.ts': [['span.finish();', '']] },
	hint: 'call span.finish()'
});
add({
	step: 'hello-span/real-tracer',
	name: 'wrong service name',
	edits: { 'hello.ts': [["initTracer('hello-world')", "initTracer('hello')"]] },
	hint: 'A "say-hello" span arrived from service "hello"'
});
add({
	step: 'hello-span/real-tracer',
	name: 'real tracer made but spans still started on the no-op global tracer',
	edits: {
		'hello.ts': [
			["import { initTracer } from 'tour/tracing';", "import { initTracer } from 'tour/tracing';\nimport { globalTracer } from 'opentracing';"],
			["const span = tracer.startSpan('say-hello');", "const span = globalTracer().startSpan('say-hello');"]
		]
	},
	hint: 'initGlobalTracer'
});
add({
	step: 'hello-span/real-tracer',
	name: 'passes: jaeger-client long form, installed as the global tracer',
	edits: {
		'hello.ts': [
			[
				"import { initTracer } from 'tour/tracing';\n\nconst tracer = initTracer('hello-world');",
				"import { initTracer } from 'jaeger-client';\nimport { initGlobalTracer, globalTracer } from 'opentracing';\n\ninitGlobalTracer(initTracer({ serviceName: 'hello-world', sampler: { type: 'const', param: 1 }, reporter: { logSpans: true } }, {}));\nconst tracer = globalTracer();"
			]
		]
	}
});
add({
	step: 'hello-span/real-tracer',
	name: 'no logging reporter',
	edits: {
		'hello.ts': [
			["initTracer('hello-world')", "initTracer({ serviceName: 'hello-world', sampler: { type: 'const', param: 1 } })"]
		]
	},
	hint: 'logSpans: true'
});
add({
	step: 'hello-span/tags-and-logs',
	name: 'string-format logged without its value',
	edits: { 'hello.ts': [["span.log({ event: 'string-format', value: helloStr });", "span.log({ event: 'string-format' });"]] },
	hint: "value: helloStr"
});
add({
	step: 'hello-span/tags-and-logs',
	name: 'the variable name as the tag value',
	edits: { 'hello.ts': [["span.setTag('hello-to', helloTo);", "span.setTag('hello-to', 'helloTo');"]] },
	hint: "span.setTag('hello-to', helloTo)"
});
add({
	step: 'hello-span/tags-and-logs',
	name: 'logs after finish are lost',
	edits: { 'hello.ts': [["span.log({ event: 'println' });\n\nspan.finish();", "span.finish();\nspan.log({ event: 'println' });"]] },
	hint: 'before span.finish()'
});
add({
	step: 'hello-span/tags-and-logs',
	name: 'passes: tags at start, both fields via one object, another order of independent lines',
	edits: {
		'hello.ts': [
			["const span = tracer.startSpan('say-hello');\nspan.setTag('hello-to', helloTo);", "const greeting = `Hello, ${helloTo}!`;\nconst span = tracer.startSpan('say-hello', { tags: { 'hello-to': helloTo } });"],
			["const helloStr = `Hello, ${helloTo}!`;\n", 'const helloStr = greeting;\n']
		]
	}
});
add({
	step: 'hello-span/operation-names',
	name: 'name still in the operation name',
	edits: { 'hello.ts': [["tracer.startSpan('say-hello')", "tracer.startSpan('say-hello to ' + helloTo)"]] },
	args: 'Alice',
	hint: 'An operation name still contains "Alice"'
});

// ── 02 context ─────────────────────────────────────────────────────────────────
add({
	step: 'context/three-traces',
	name: 'hello-to put on a function span',
	edits: {
		'hello.ts': [
			["span.setTag('hello-to', helloTo);\n", ''],
			["const span = tracer.startSpan('formatString');", "const span = tracer.startSpan('formatString');\n  span.setTag('hello-to', helloTo);"]
		]
	},
	hint: 'put it on say-hello'
});
add({
	step: 'context/three-traces',
	name: 'printHello span never finished',
	edits: { 'hello.ts': [["  span.log({ event: 'println' });\n  span.finish();", "  span.log({ event: 'println' });"]] },
	hint: "Start a span named 'printHello'"
});
add({
	step: 'context/child-of',
	name: 'child started from a new root',
	edits: { 'hello.ts': [["tracer.startSpan('printHello', { childOf: rootSpan })", "tracer.startSpan('printHello')"]] },
	hint: "printHello's span is not a child of say-hello"
});
add({
	step: 'context/child-of',
	name: 'a function makes its own say-hello to hang under',
	edits: { 'hello.ts': [["tracer.startSpan('formatString', { childOf: rootSpan })", "tracer.startSpan('formatString', { childOf: tracer.startSpan('say-hello') })"]] },
	hint: "formatString's span is not a child of say-hello"
});
add({
	step: 'context/child-of',
	name: 'passes: childOf a span context, via references',
	edits: {
		'hello.ts': [
			["import type { Span } from 'opentracing';", "import { childOf, type SpanContext } from 'opentracing';"],
			["function formatString(rootSpan: Span, helloTo: string)", 'function formatString(parent: SpanContext, helloTo: string)'],
			["{ childOf: rootSpan });\n  const helloStr", '{ references: [childOf(parent)] });\n  const helloStr'],
			["function printHello(rootSpan: Span, helloStr: string)", 'function printHello(parent: SpanContext, helloStr: string)'],
			["{ childOf: rootSpan });\n  console", '{ childOf: parent });\n  console'],
			['formatString(span, helloTo)', 'formatString(span.context(), helloTo)'],
			['printHello(span, helloStr)', 'printHello(span.context(), helloStr)']
		]
	}
});
add({
	step: 'context/active-span',
	name: 'scope closed before the calls',
	edits: { 'hello.ts': [['  using scope = tracer.activateSpan(span);\n', '  tracer.activateSpan(span).close();\n']] },
	hint: 'was say-hello active when formatString ran?'
});
add({
	step: 'context/active-span',
	name: 'passes: explicit close in finally',
	edits: {
		'hello.ts': [
			[
				"  using scope = tracer.activateSpan(span);\n  span.setTag('hello-to', helloTo);\n  const helloStr = formatString(helloTo);\n  printHello(helloStr);\n",
				"  const scope = tracer.activateSpan(span);\n  try {\n    span.setTag('hello-to', helloTo);\n    printHello(formatString(helloTo));\n  } finally {\n    scope.close();\n  }\n"
			]
		]
	}
});
add({
	step: 'context/await-and-timers',
	name: 'printHello not awaited',
	edits: { 'hello.ts': [['  await printHello(helloStr);', '  void printHello(helloStr);']] },
	hint: 'say-hello finished before printHello did'
});
add({
	step: 'context/await-and-timers',
	name: 'no wait before formatString starts its span',
	edits: { 'hello.ts': [['  await sleep(30); // a slow lookup\n', '']] },
	hint: 'await sleep(30)'
});
add({
	step: 'context/await-and-timers',
	name: 'say-hello never activated: the functions\' spans have no parent',
	edits: { 'hello.ts': [['  using scope = tracer.activateSpan(span);\n', '']] },
	hint: "formatString's span lost its parent"
});
add({
	step: 'context/await-and-timers',
	name: 'passes: promise chain and explicit childOf through tracer.activeSpan',
	edits: {
		'hello.ts': [
			[
				"  const helloStr = await formatString(helloTo);\n  await printHello(helloStr);\n  span.finish();",
				'  await formatString(helloTo).then((s) => printHello(s));\n  span.finish();'
			],
			["const span = tracer.startSpan('printHello');", "const span = tracer.startSpan('printHello', { childOf: tracer.activeSpan! });"]
		]
	}
});
add({
	step: 'context/follows-from',
	name: 'made a ChildOf say-hello',
	edits: { 'hello.ts': [['{ references: [followsFrom(cause.context())] }', '{ childOf: cause }']] },
	hint: 'still a ChildOf span'
});
add({
	step: 'context/follows-from',
	name: 'FollowsFrom a fresh span instead of say-hello',
	edits: { 'hello.ts': [['followsFrom(cause.context())', "followsFrom(tracer.startSpan('cache', { ignoreActiveSpan: true }).context())"]] },
	hint: 'should follow from say-hello'
});
add({
	step: 'context/follows-from',
	name: 'passes: the cause taken from the active span before the timer is scheduled',
	edits: {
		'hello.ts': [
			['  setTimeout(() => {', '  const active = tracer.activeSpan!;\n  setTimeout(() => {'],
			['followsFrom(cause.context())', 'followsFrom(active.context())']
		]
	}
});

// ── 03 rpc ─────────────────────────────────────────────────────────────────────
add({
	step: 'rpc/services',
	name: 'the client still prints the greeting itself',
	edits: { 'hello.ts': [['  await fetch(`http://publisher:8082/publish?helloStr=${encodeURIComponent(helloStr)}`);', '  console.log(helloStr);']] },
	hint: 'printHello should call the publisher'
});
add({
	step: 'rpc/services',
	name: 'greeting sent unencoded',
	edits: { 'hello.ts': [['helloStr=${encodeURIComponent(helloStr)}', 'helloStr=${helloStr.replace(",", "")}']] },
	hint: 'The publisher should print "Hello, Bryan!"'
});
add({
	step: 'rpc/inject',
	name: 'inject into an object that is never sent',
	edits: { 'hello.ts': [['const res = await fetch(url, { headers });', 'const res = await fetch(url);']] },
	hint: 'went out without an uber-trace-id header'
});
add({
	step: 'rpc/inject',
	name: "inject the root span's context (the active span) instead of the client span's",
	edits: { 'hello.ts': [['tracer.inject(span.context(), FORMAT_HTTP_HEADERS, headers);', 'tracer.inject(tracer.activeSpan!.context(), FORMAT_HTTP_HEADERS, headers);']] },
	hint: 'carries the context of hello-world\'s "say-hello" span, not of hello-world\'s "formatString" span'
});
add({
	step: 'rpc/inject',
	name: 'span.kind tagged on the wrong span',
	edits: {
		'hello.ts': [
			['  span.setTag(Tags.SPAN_KIND, Tags.SPAN_KIND_RPC_CLIENT);\n', ''],
			["span.setTag('hello-to', helloTo);", "span.setTag('hello-to', helloTo);\n  span.setTag(Tags.SPAN_KIND, Tags.SPAN_KIND_RPC_CLIENT);"]
		]
	},
	hint: "Tag formatString's span as the client side"
});
add({
	step: 'rpc/inject',
	name: 'passes: client spans activated, helper reads the active span, headers built inline, plain tag names',
	edits: {
		'hello.ts': [
			[
				/async function httpGet[\s\S]*?\n}\n/,
				`async function httpGet(url: string): Promise<string> {
  const span = tracer.activeSpan!;
  span.addTags({ 'span.kind': 'client', 'http.method': 'GET', 'http.url': url });
  const carrier = {};
  tracer.inject(span, FORMAT_HTTP_HEADERS, carrier);
  return (await fetch(url, { method: 'GET', headers: carrier })).text();
}
`
			],
			["  const span = tracer.startSpan('formatString');\n  const helloStr = await httpGet(span, ", "  const span = tracer.startSpan('formatString');\n  using _s = tracer.activateSpan(span);\n  const helloStr = await httpGet("],
			["  const span = tracer.startSpan('printHello');\n  await httpGet(span, ", "  const span = tracer.startSpan('printHello');\n  using _s = tracer.activateSpan(span);\n  await httpGet("]
		]
	}
});
add({
	step: 'rpc/extract',
	name: 'the formatter extracts but ignores what it extracted',
	edits: { 'formatter.ts': [['    childOf: parent,\n', '']] },
	hint: "formatter's \"format\" span is not a child of the client's formatString span, though the request carried its context: did the server extract the context"
});
add({
	step: 'rpc/extract',
	name: 'the publisher never extracts',
	edits: { 'publisher.ts': [['  const parent = tracer.extract(FORMAT_HTTP_HEADERS, req.headers) ?? undefined;\n', ''], ['    childOf: parent,\n', '']] },
	hint: "publisher's \"publish\" span is not a child of the client's printHello span"
});
add({
	step: 'rpc/extract',
	name: 'server span tagged as a client',
	edits: { 'publisher.ts': [['Tags.SPAN_KIND_RPC_SERVER', 'Tags.SPAN_KIND_RPC_CLIENT']] },
	hint: "Mark the publisher's span as the server side"
});
add({
	step: 'rpc/extract',
	name: 'passes: references + childOf(), server span activated, tags set after start',
	edits: {
		'formatter.ts': [
			["import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';", "import { FORMAT_HTTP_HEADERS, Tags, childOf } from 'opentracing';"],
			[
				/  const parent = [\s\S]*?\}\);\n/,
				`  const ctx = tracer.extract(FORMAT_HTTP_HEADERS, req.headers);
  const span = tracer.startSpan('format', ctx ? { references: [childOf(ctx)] } : {});
  using scope = tracer.activateSpan(span);
  tracer.activeSpan!.setTag('span.kind', 'server');
`
			]
		]
	}
});
add({
	step: 'rpc/broken-link',
	name: 'the start as given: printHello sends a carrier it never injected into',
	edits: {},
	fromStart: true,
	hint: 'printHello injects into one object and sends another'
});
add({
	step: 'rpc/failed-call',
	name: 'the failure logged but the span never tagged error',
	edits: { 'hello.ts': [['    span.setTag(Tags.ERROR, true);\n', '']] },
	hint: "printHello's span does not say so"
});
add({
	step: 'rpc/failed-call',
	name: 'the span tagged error with no log saying what went wrong',
	edits: { 'hello.ts': [["    span.log({ event: 'error', 'error.object': err, message: err.message });\n", '']] },
	hint: "a log says why. On printHello's span"
});
add({
	step: 'rpc/failed-call',
	name: 'the error recorded on the active span, say-hello, instead of the span that made the call',
	edits: {
		'hello.ts': [
			['    span.setTag(Tags.ERROR, true);\n', '    tracer.activeSpan!.setTag(Tags.ERROR, true);\n'],
			["    span.log({ event: 'error',", "    tracer.activeSpan!.log({ event: 'error',"]
		]
	},
	hint: "The error tag is on say-hello's span"
});
add({
	step: 'rpc/failed-call',
	name: 'printHello finishes its span only when the call succeeds',
	edits: {
		'hello.ts': [
			[
				/  try \{\n    await httpGet\(span, (`http:\/\/publisher[^`]*`)\);\n    span\.log\(\{ event: 'println' \}\);\n  \} finally \{\n    span\.finish\(\);\n  \}\n/,
				"  await httpGet(span, $1);\n  span.log({ event: 'println' });\n  span.finish();\n"
			]
		]
	},
	hint: "printHello's span never reached Jaeger"
});
add({
	step: 'rpc/failed-call',
	name: 'the publisher prints its error to the console instead of recording it on its span',
	edits: {
		'publisher.ts': [
			[
				"    span.setTag(Tags.ERROR, true);\n    span.log({ event: 'error', 'error.object': err, message: err.message });\n",
				'    console.error(`cannot publish: ${err.message}`);\n'
			]
		]
	},
	hint: 'The publisher knows best what went wrong'
});
add({
	step: 'rpc/failed-call',
	name: 'passes: no exceptions — the helper returns the answer, printHello records a bad status itself; plain tag names; error.kind instead of error.object',
	edits: {
		'hello.ts': [
			[
				/async function httpGet[\s\S]*?\n}\n/,
				`async function httpGet(span: Span, url: string): Promise<{ ok: boolean; status: number; text: string }> {
  span.addTags({ 'span.kind': 'client', 'http.method': 'GET', 'http.url': url });
  const headers: Record<string, string> = {};
  tracer.inject(span.context(), FORMAT_HTTP_HEADERS, headers);
  const res = await fetch(url, { headers });
  span.setTag('http.status_code', res.status);
  return { ok: res.ok, status: res.status, text: await res.text() };
}
`
			],
			['const helloStr = await httpGet(span, ', 'const { text: helloStr } = await httpGet(span, '],
			[
				/    await httpGet\(span, (`http:\/\/publisher[^`]*`)\);\n    span\.log\(\{ event: 'println' \}\);\n/,
				`    const answer = await httpGet(span, $1);
    if (answer.ok) {
      span.log({ event: 'println' });
      return;
    }
    span.setTag('error', true);
    span.log({ event: 'error', 'error.kind': 'HTTPError', message: \`the publisher answered \${answer.status}: \${answer.text}\` });
`
			]
		],
		'publisher.ts': [
			[
				"    span.setTag(Tags.ERROR, true);\n    span.log({ event: 'error', 'error.object': err, message: err.message });\n",
				"    span.addTags({ [Tags.ERROR]: true, [Tags.HTTP_STATUS_CODE]: 500 });\n    span.log({ event: 'error', 'error.kind': err.name, message: err.message, stack: err.stack });\n"
			]
		]
	}
});

// ── 04 baggage ─────────────────────────────────────────────────────────────────
add({
	step: 'baggage/pack-baggage',
	name: 'baggage set after the request to the formatter was sent',
	edits: {
		'hello.ts': [
			["  span.setBaggageItem('greeting', greeting);\n", ''],
			['  const helloStr = await formatString(helloTo);\n', "  const helloStr = await formatString(helloTo);\n  span.setBaggageItem('greeting', greeting);\n"]
		]
	},
	hint: 'Baggage travels only on requests made after it is set'
});
add({
	step: 'baggage/pack-baggage',
	name: "baggage set on formatString's span: the publisher never gets it",
	edits: {
		'hello.ts': [
			["  span.setBaggageItem('greeting', greeting);\n", ''],
			["  const span = tracer.startSpan('formatString');\n", "  const span = tracer.startSpan('formatString');\n  span.setBaggageItem('greeting', process.argv[3]);\n"]
		]
	},
	hint: 'set it on say-hello, the span both calls descend from'
});
add({
	step: 'baggage/read-baggage',
	name: 'the formatter reads baggage from a span that is not a child of the extracted context',
	edits: { 'formatter.ts': [['    childOf: parent,\n', '']] },
	hint: 'a child of the extracted context, or it has no baggage'
});
add({
	step: 'baggage/read-baggage',
	name: 'the greeting smuggled in as a new query parameter',
	edits: {
		'formatter.ts': [["span.getBaggageItem('greeting') ?? 'Hello'", "req.query.greeting ?? 'Hello'"]],
		'hello.ts': [['format?helloTo=${encodeURIComponent(helloTo)}', "format?helloTo=${encodeURIComponent(helloTo)}&greeting=${encodeURIComponent(process.argv[3])}"]]
	},
	hint: "Leave the formatter's API alone"
});
add({
	step: 'baggage/read-baggage',
	name: 'passes: the server span activated, the item read from the active span with ||',
	edits: {
		'formatter.ts': [
			[
				"  const greeting = span.getBaggageItem('greeting') ?? 'Hello';\n",
				"  using scope = tracer.activateSpan(span);\n  const greeting = tracer.activeSpan?.getBaggageItem('greeting') || 'Hello';\n"
			]
		]
	}
});
add({
	step: 'baggage/baggage-and-tags',
	name: 'greeting tagged on the client root instead of the formatter span',
	edits: {
		'formatter.ts': [["  span.setTag('greeting', greeting);\n", '']],
		'hello.ts': [["  span.setBaggageItem('greeting', greeting);\n", "  span.setBaggageItem('greeting', greeting);\n  span.setTag('greeting', greeting);\n"]]
	},
	hint: 'but on another span'
});

// ── how the checks judge (issue 14): one class of misjudgement each ─────────────
// 1. The Arguments field read as the runner reads it: a leading program name is the command.
add({
	step: 'hello-span/hello-world',
	name: 'passes: the Arguments typed as a command line, hello Bryan',
	edits: {},
	args: 'hello Bryan'
});
add({
	step: 'hello-span/tags-and-logs',
	name: 'passes: the command-line form with another name, hello Alice',
	edits: {},
	args: 'hello Alice'
});
add({
	step: 'baggage/pack-baggage',
	name: 'passes: the command-line form, hello Bryan Hola',
	edits: {},
	args: 'hello Bryan Hola'
});
add({
	step: 'baggage/read-baggage',
	name: 'passes: the command-line form, hello Bryan Hola',
	edits: {},
	args: 'hello Bryan Hola'
});
add({
	step: 'hello-span/hello-world',
	name: 'the name written into the program, run as hello Alice',
	edits: { 'hello.ts': [['const helloTo = process.argv[2];', "const helloTo = 'Bryan';"]] },
	args: 'hello Alice',
	hint: 'process.argv[2]'
});
add({
	step: 'hello-span/operation-names',
	name: 'name in the operation name, run as hello Alice',
	edits: { 'hello.ts': [["tracer.startSpan('say-hello')", "tracer.startSpan('say-hello to ' + helloTo)"]] },
	args: 'hello Alice',
	hint: 'An operation name still contains "Alice"'
});

// 2. The reference type the step teaches: FollowsFrom is not ChildOf.
add({
	step: 'context/child-of',
	name: 'formatString FollowsFrom say-hello instead of ChildOf',
	edits: {
		'hello.ts': [
			["import type { Span } from 'opentracing';", "import { followsFrom, type Span } from 'opentracing';"],
			["tracer.startSpan('formatString', { childOf: rootSpan })", "tracer.startSpan('formatString', { references: [followsFrom(rootSpan.context())] })"]
		]
	},
	hint: 'with FollowsFrom; this step asks for ChildOf'
});
add({
	step: 'context/active-span',
	name: 'printHello FollowsFrom the active span',
	edits: {
		'hello.ts': [
			["import { initTracer } from 'tour/tracing';", "import { followsFrom } from 'opentracing';\nimport { initTracer } from 'tour/tracing';"],
			["const span = tracer.startSpan('printHello');", "const span = tracer.startSpan('printHello', { references: [followsFrom(tracer.activeSpan!.context())] });"]
		]
	},
	hint: 'with FollowsFrom; this step asks for ChildOf'
});
add({
	step: 'rpc/extract',
	name: 'the formatter FollowsFrom the extracted context',
	edits: {
		'formatter.ts': [
			["import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';", "import { FORMAT_HTTP_HEADERS, Tags, followsFrom } from 'opentracing';"],
			['    childOf: parent,\n', '    references: parent ? [followsFrom(parent)] : [],\n']
		]
	},
	hint: 'with FollowsFrom; this step asks for ChildOf'
});
add({
	step: 'context/follows-from',
	name: 'passes: followsFrom with the active span ignored explicitly',
	edits: { 'hello.ts': [['{ references: [followsFrom(cause.context())] }', '{ references: [followsFrom(cause.context())], ignoreActiveSpan: true }']] }
});

// 3. What was done after finish() is lost: say "before finish()", not "add it". Objects as tag values.
add({
	step: 'hello-span/tags-and-logs',
	name: 'the tag set after finish',
	edits: { 'hello.ts': [["span.setTag('hello-to', helloTo);\n", ''], ['span.finish();', "span.finish();\nspan.setTag('hello-to', helloTo);"]] },
	hint: 'before span.finish()'
});
add({
	step: 'context/three-traces',
	name: 'printHello logs println after finishing its span',
	edits: { 'hello.ts': [["  span.log({ event: 'println' });\n  span.finish();", "  span.finish();\n  span.log({ event: 'println' });"]] },
	hint: 'before span.finish()'
});
add({
	step: 'rpc/inject',
	name: 'the URL tagged as a URL object',
	edits: { 'hello.ts': [['span.setTag(Tags.HTTP_URL, url);', 'span.setTag(Tags.HTTP_URL, new URL(url));']] },
	hint: 'pass a string'
});
add({
	step: 'rpc/inject',
	name: 'passes: the URL object turned into a string',
	edits: { 'hello.ts': [['span.setTag(Tags.HTTP_URL, url);', 'span.setTag(Tags.HTTP_URL, new URL(url).href);']] }
});
add({
	step: 'hello-span/tags-and-logs',
	name: 'passes: finish() called twice loses nothing (the Console warns)',
	edits: { 'hello.ts': [['span.finish();', 'span.finish();\nspan.finish();']] }
});

// 4. Propagation: no context on the wire and the wrong span's context are different mistakes.
add({
	step: 'rpc/broken-link',
	name: "the link repaired with the active span's context instead of printHello's",
	edits: { 'hello.ts': [["  tracer.inject(span.context(), FORMAT_HTTP_HEADERS, headers);\n  await fetch(url, { headers });", "  tracer.inject(tracer.activeSpan!.context(), FORMAT_HTTP_HEADERS, headers);\n  await fetch(url, { headers });"]] },
	hint: 'carries the context of hello-world\'s "say-hello" span'
});
add({
	step: 'rpc/extract',
	name: "the client injects the active span's context, the servers are right",
	edits: { 'hello.ts': [['tracer.inject(span.context(), FORMAT_HTTP_HEADERS, headers);', 'tracer.inject(tracer.activeSpan!.context(), FORMAT_HTTP_HEADERS, headers);']] },
	hint: 'carries the context of hello-world\'s "say-hello" span'
});
add({
	step: 'rpc/extract',
	name: 'the client sends no headers, the servers are right',
	edits: { 'hello.ts': [['const res = await fetch(url, { headers });', 'const res = await fetch(url);']] },
	hint: 'went out without an uber-trace-id header'
});
add({
	step: 'rpc/broken-link',
	name: 'passes: the injected carrier spread into the headers sent',
	edits: {
		'hello.ts': [
			[
				"  const headers: Record<string, string> = { accept: 'text/plain' };\n  tracer.inject(span.context(), FORMAT_HTTP_HEADERS, headers);\n  await fetch(url, { headers });",
				"  const carrier: Record<string, string> = {};\n  tracer.inject(span.context(), FORMAT_HTTP_HEADERS, carrier);\n  await fetch(url, { headers: { accept: 'text/plain', ...carrier } });"
			]
		]
	}
});

// 5. The fallback the read-baggage step asks for is exercised: a second caller sends no baggage.
add({
	step: 'baggage/read-baggage',
	name: 'no fallback when the item is absent',
	edits: { 'formatter.ts': [["span.getBaggageItem('greeting') ?? 'Hello'", "span.getBaggageItem('greeting')"]] },
	hint: "fall back to 'Hello'"
});
add({
	step: 'baggage/read-baggage',
	name: 'passes: the fallback written as a condition',
	edits: {
		'formatter.ts': [
			[
				"  const greeting = span.getBaggageItem('greeting') ?? 'Hello';\n",
				"  const item = span.getBaggageItem('greeting');\n  let greeting = 'Hello';\n  if (item !== undefined) greeting = item;\n"
			]
		]
	}
});

// 6. error=false is not an error.
add({
	step: 'rpc/failed-call',
	name: 'passes: every call tagged error = !res.ok',
	edits: {
		'hello.ts': [
			['    span.setTag(Tags.HTTP_STATUS_CODE, res.status);\n', '    span.setTag(Tags.HTTP_STATUS_CODE, res.status);\n    span.setTag(Tags.ERROR, !res.ok);\n'],
			['    span.setTag(Tags.ERROR, true);\n', '']
		]
	}
});
add({
	step: 'rpc/failed-call',
	name: 'the failed call tagged error=false',
	edits: { 'hello.ts': [['    span.setTag(Tags.ERROR, true);\n', '    span.setTag(Tags.ERROR, false);\n']] },
	hint: "printHello's span does not say so"
});

// The three-traces step is about three traces.
add({
	step: 'context/three-traces',
	name: 'the functions already hang under say-hello: one trace, not three',
	edits: {
		'hello.ts': [
			["const span = tracer.startSpan('say-hello');\nspan.setTag", "const span = tracer.startSpan('say-hello');\ntracer.activateSpan(span);\nspan.setTag"]
		]
	},
	hint: 'three traces'
});

// ── 05 messages (its own file) ───────────────────────────────────────────────────
import { mistakes05 } from './mistakes-05';
variants.push(...mistakes05);
import { variants06 } from './mistakes-06';
variants.push(...variants06);
import { variants07 } from './mistakes-07';
variants.push(...variants07);
import { variants12 } from './mistakes-12';
variants.push(...variants12);
import { variants11 } from './mistakes-11';
variants.push(...variants11);
import { variants08 } from './mistakes-08';
variants.push(...variants08);
import { variants09 } from './mistakes-09';
variants.push(...variants09);
import { variants10 } from './mistakes-10';
variants.push(...variants10);

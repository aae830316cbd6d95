// Chapter 12 — baggage in practice: typical mistakes, each failing with the hint that names it, and
// correct programs written differently, which pass.
import type { Variant } from './mistakes';

export const variants12: Variant[] = [];
const add = (v: Variant) => variants12.push(v);

// ── test traffic ───────────────────────────────────────────────────────────────
const TEST = 'baggage-in-practice/test-traffic';
const SET_LABEL = "if (testRun) span.setBaggageItem('test-run', testRun);";
const READ_LABEL = "const prefix = span.getBaggageItem('test-run') ? 'test:' : '';";

add({ step: TEST, name: 'the label as a tag', edits: { 'edge.ts': [[SET_LABEL, "if (testRun) span.setTag('test-run', testRun);"]] }, hint: 'a tag stays on its span' });
add({
	step: TEST,
	name: 'the label set after the context was injected',
	edits: {
		'edge.ts': [
			[SET_LABEL, ''],
			['tracer.inject(span.context(), FORMAT_HTTP_HEADERS, headers);', `tracer.inject(span.context(), FORMAT_HTTP_HEADERS, headers);\n    ${SET_LABEL}`]
		]
	},
	hint: 'set after inject is too late'
});
add({
	step: TEST,
	name: 'the ledger looks for the x-test-run header, which stops at the edge',
	edits: { 'ledger.ts': [[READ_LABEL, "const prefix = req.headers['x-test-run'] ? 'test:' : '';"]] },
	hint: 'never gets past the edge'
});
add({
	step: TEST,
	name: 'the ledger reads another key (testRun is normalised to testrun)',
	edits: { 'ledger.ts': [[READ_LABEL, "const prefix = span.getBaggageItem('testRun') ? 'test:' : '';"]] },
	hint: "span.getBaggageItem('test-run')"
});
add({
	step: TEST,
	name: 'every order labelled, real ones with an empty-looking value',
	edits: { 'edge.ts': [[SET_LABEL, "span.setBaggageItem('test-run', testRun ?? 'none');"]] },
	hint: 'only when the request has an x-test-run header'
});
add({
	step: TEST,
	name: 'orders sets the label again from the header it never sees',
	edits: {
		'orders.ts': [["const order = req.json()", "tracer.activeSpan!.setBaggageItem('test-run', req.headers['x-test-run'] ?? '');\n    const order = req.json()"]]
	},
	hint: 'set test-run again'
});
add({
	step: TEST,
	name: 'passes: the label set in the middleware, with a snake_case key jaeger-client normalises',
	edits: {
		'edge.ts': [
			[SET_LABEL, ''],
			[
				'using scope = tracer.activateSpan(span);',
				"const testRun = req.headers['x-test-run'];\n  if (testRun !== undefined) span.setBaggageItem('test_run', testRun);\n  using scope = tracer.activateSpan(span);"
			],
			["const testRun = req.headers['x-test-run'];\n    ", '']
		]
	}
});
add({
	step: TEST,
	name: 'passes: the ledger keeps each run under its own namespace',
	edits: {
		'ledger.ts': [
			[READ_LABEL, "const testRun = span.getBaggageItem('test-run');\n    const prefix = testRun === undefined ? '' : `test:${testRun}:`;"]
		]
	}
});

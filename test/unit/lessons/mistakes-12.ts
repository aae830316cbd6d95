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

// ── tenant ─────────────────────────────────────────────────────────────────────
const TENANT = 'baggage-in-practice/tenant';
const SET_TENANT = "span.setBaggageItem('tenant', tenant);";
const READ_TENANT = "const tenant = span.getBaggageItem('tenant') ?? 'unknown';";

add({
	step: TENANT,
	name: 'the API key itself put in the baggage',
	edits: { 'edge.ts': [[SET_TENANT, "span.setBaggageItem('tenant', req.headers['x-api-key'] ?? '');"]] },
	hint: 'never put a secret in it'
});
add({ step: TENANT, name: 'the tenant as a tag at the edge', edits: { 'edge.ts': [[SET_TENANT, "span.setTag('tenant', tenant);"]] }, hint: 'a tag stays on its span' });
add({
	step: TENANT,
	name: 'the ledger counts by the API key header, which never reaches it',
	edits: { 'ledger.ts': [[READ_TENANT, "const tenant = req.headers['x-api-key'] ?? 'unknown';"]] },
	hint: 'count each order under the tenant from its own baggage'
});
add({
	step: TENANT,
	name: 'counted and logged, but the span not tagged',
	edits: { 'ledger.ts': [["    span.setTag('tenant', tenant);\n", '']] },
	hint: "Tag the ledger's span with the tenant"
});
add({
	step: TENANT,
	name: 'the log line leaves the tenant out',
	edits: { 'ledger.ts': [['console.log(`tenant=${tenant} booked order ${order.id}`);', 'console.log(`booked order ${order.id}`);']] },
	hint: 'with the tenant in it, as tenant=<name>'
});
add({
	step: TENANT,
	name: 'passes: the tenant set in the middleware, counted in a plain object, logged as JSON-ish fields',
	edits: {
		'edge.ts': [
			[`    ${SET_TENANT}\n`, ''],
			['  using scope = tracer.activateSpan(span);', "  const tenant = TENANTS[req.headers['x-api-key'] ?? ''];\n  if (tenant) span.setBaggageItem('tenant', tenant);\n  using scope = tracer.activateSpan(span);"]
		],
		'ledger.ts': [
			['const booked = new Map<string, number>();', 'const booked: Record<string, number> = {};'],
			['booked.set(tenant, (booked.get(tenant) ?? 0) + 1);', 'booked[tenant] = (booked[tenant] ?? 0) + 1;'],
			['console.log(`tenant=${tenant} booked order ${order.id}`);', 'console.log(`level=info msg="order booked" order=${order.id} tenant=${tenant}`);'],
			["span.setTag('tenant', tenant);", "span.addTags({ tenant });"],
			['[...booked].map(', 'Object.entries(booked).map(']
		]
	}
});
add({
	step: TENANT,
	name: 'passes: the ledger reads the tenant from the context, before booking',
	edits: {
		'ledger.ts': [
			[`    ${READ_TENANT}\n`, ''],
			['const order = req.json() as { id: number; item: string; qty: number };', "const order = req.json() as { id: number; item: string; qty: number };\n    const tenant = span.context().getBaggageItem('tenant') ?? 'unknown';"]
		]
	}
});

// ── chaos ──────────────────────────────────────────────────────────────────────
const CHAOS = 'baggage-in-practice/chaos';
const STAFF_ONLY = "const parent = caller?.staff ? (tracer.extract(FORMAT_HTTP_HEADERS, req.headers) ?? undefined) : undefined;";
const FAULT_IF = "if (span.getBaggageItem('chaos') === 'ledger') {";

add({
	step: CHAOS,
	name: 'any chaos item fails the ledger, whatever service it names',
	edits: { 'ledger.ts': [[FAULT_IF, "if (span.getBaggageItem('chaos')) {"]] },
	hint: 'compare the value with'
});
add({
	step: CHAOS,
	name: 'the edge continues every caller\'s context: a customer can inject the fault',
	edits: { 'edge.ts': [[STAFF_ONLY, 'const parent = tracer.extract(FORMAT_HTTP_HEADERS, req.headers) ?? undefined;']] },
	hint: 'trust boundary'
});
add({
	step: CHAOS,
	name: 'the edge continues nobody\'s context: QA\'s experiment never arrives',
	edits: { 'edge.ts': [[STAFF_ONLY, 'const parent = undefined;']] },
	hint: 'never reached the ledger'
});
add({
	step: CHAOS,
	name: 'the fault answered but the span not marked',
	edits: { 'ledger.ts': [['      span.setTag(Tags.ERROR, true);\n', '']] },
	hint: 'tag its span error=true'
});
add({
	step: CHAOS,
	name: 'the fault thrown, so it looks like a crash (500)',
	edits: { 'ledger.ts': [["return { status: 503, body: 'chaos: injected fault' };", "throw new Error('chaos: injected fault');"]] },
	hint: 'answer { status: 503'
});
add({
	step: CHAOS,
	name: 'passes: a list of targets, the error tag as a string key',
	edits: {
		'ledger.ts': [
			[FAULT_IF, "const targets = (span.getBaggageItem('chaos') ?? '').split('+');\n    if (targets.includes('ledger')) {"],
			['span.setTag(Tags.ERROR, true);', "span.setTag('error', true);"]
		]
	}
});
add({
	step: CHAOS,
	name: 'passes: every context continued, but chaos blanked for callers who are not staff',
	edits: {
		'edge.ts': [
			[STAFF_ONLY, 'const parent = tracer.extract(FORMAT_HTTP_HEADERS, req.headers) ?? undefined;'],
			['  using scope = tracer.activateSpan(span);', "  if (!caller?.staff && span.getBaggageItem('chaos') !== undefined) span.setBaggageItem('chaos', '');\n  using scope = tracer.activateSpan(span);"]
		]
	}
});

import { describe, it, expect } from 'vitest';
import { fromJaegerJSON, fromOTLP, parseTraceFile, toOTLP, type Span, type Trace } from '../../../src/lib/model';
import { readFixture } from './fixtures';

// Scope tags are named otel.scope.* by current jaeger and otel.library.* by the jaeger that wrote the
// paired fixture: compare with those normalised.
function comparable(t: Trace) {
	return t.spans
		.map((s: Span) => ({
			spanID: s.spanID, operationName: s.operationName, startTime: s.startTime, duration: s.duration,
			references: s.references.map(({ refType, traceID, spanID }) => ({ refType, traceID, spanID })),
			tags: s.tags.map((k) => ({ ...k, key: k.key.replace('otel.library.', 'otel.scope.') })),
			logs: s.logs, process: t.processes[s.processID]
		}))
		.sort((a, b) => a.spanID.localeCompare(b.spanID));
}

describe('OTLP JSON', () => {
	it('converts the paired OTLP input to the spans jaeger-query produced from it', () => {
		const ours = parseTraceFile(readFixture('otlp-transform-in-multi-combined.json')).traces;
		const theirs = fromJaegerJSON(JSON.parse(readFixture('jaeger-transform-out-multi.json')));
		expect(ours).toHaveLength(1);
		expect(comparable(ours[0])).toEqual(comparable(theirs[0]));
	});

	it('reads Tempo batches with base64 ids and string kinds', () => {
		const [t] = parseTraceFile(readFixture('otlp-tempo-istio-bookinfo-batches.json')).traces;
		expect(t.traceID).toMatch(/^[0-9a-f]{32}$/);
		expect(t.traceID).toBe('3ba55609c3cde49649cd77d1f9dcd936'); // "O6VWCcPN5JZJzXfR+dzZNg==" decoded
		for (const s of t.spans) expect(s.spanID).toMatch(/^[0-9a-f]{16}$/);
		expect(t.spans.flatMap((s) => s.tags).filter((k) => k.key === 'span.kind').map((k) => k.value)).toContain('client');
		expect(t.spans.reduce((n, s) => n + s.logs.length, 0)).toBe(8);
	});

	it('maps every AnyValue type, links, status and missing kind', () => {
		const [t] = parseTraceFile(readFixture('otlp-apiv3-any-value-types.json')).traces;
		const tags = t.spans.flatMap((s) => s.tags);
		// int64 max sits inside an array: kept digit-exact (as a string) inside the JSON text.
		expect(tags.some((k) => String(k.value).includes('"9223372036854775807"'))).toBe(true);
		expect(tags.find((k) => k.key === 'integer')).toEqual({ key: 'integer', type: 'int64', value: 0 });
		expect(tags.some((k) => k.type === 'binary')).toBe(true);
		expect(tags.some((k) => k.type === 'float64')).toBe(true);
		const arrays = tags.filter((k) => typeof k.value === 'string' && k.value.startsWith('['));
		expect(arrays.length).toBeGreaterThan(0);
		expect(() => JSON.parse(arrays[0].value as string)).not.toThrow();
		expect(t.spans.some((s) => s.references.some((r) => r.refType === 'FOLLOWS_FROM'))).toBe(true);
		expect(tags.some((k) => k.key === 'otel.status_description')).toBe(true);
	});

	it('HotROD: error status becomes error=true on 3 spans, events become 52 logs', () => {
		const [t] = parseTraceFile(readFixture('otlp-apiv3-hotrod-getTrace-response.json')).traces;
		expect(t.spans.filter((s) => s.tags.some((k) => k.key === 'error' && k.value === true))).toHaveLength(3);
		expect(t.spans.reduce((n, s) => n + s.logs.length, 0)).toBe(52);
		expect(t.spans.every((s) => s.tags.some((k) => k.key === 'otel.scope.name'))).toBe(true);
	});

	it('upper-case hex ids are lower-cased', () => {
		const [t] = parseTraceFile(readFixture('otlp-proto-example-trace.json')).traces;
		expect(t.traceID).toBe('5b8efff798038103d269b633813fc60c');
	});

	it('round-trips: Jaeger → OTLP → Jaeger keeps the spans (HotROD and the Zipkin-born smartthings)', () => {
		for (const file of ['otlp-apiv3-hotrod-getTrace-response.json', 'zipkin2-smartthings-mobile-web-install.json', 'jaeger-tutorial-multiple-services.json']) {
			const original = parseTraceFile(readFixture(file)).traces;
			const back = fromOTLP(JSON.parse(JSON.stringify(toOTLP(original))));
			expect(back.map((t) => t.spans.length)).toEqual(original.map((t) => t.spans.length));
			const key = (t: Trace) => comparable(t).map(({ spanID, operationName, startTime, duration, references, logs, process }) => ({ spanID, operationName, startTime, duration, parent: references[0]?.spanID, logs: logs.length, service: process.serviceName }));
			expect(key(back[0])).toEqual(key(original[0]));
		}
	});
});

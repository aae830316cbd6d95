// What both our OTLP senders emit, decoded with the official opentelemetry-proto definitions (the
// protobufjs code @opentelemetry/otlp-transformer ships) under OTLP JSON's rules, strictly: first that the
// decoder refuses the mistakes OTLP JSON is known for, then that the page's export setting (toOTLP, for
// every trace fixture we import) passes it. The in-service SDK exporter is checked in ../otel/otlp.test.ts.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTraceFile, toOTLP } from '$lib/model';
import { decodeOtlpJson, decodeOtlpProtobuf, ExportTraceServiceRequest } from './otlp-official';
import { fixtureDir, readFixture } from '../model/fixtures';

const ID = { traceId: '5b8efff798038103d269b633813fc60c', spanId: 'eee19b7ec3c1b174' };
const withSpan = (span: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ resourceSpans: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc' } }] }, scopeSpans: [{ scope: { name: 'lib' }, spans: [{ ...ID, name: 'op', kind: 2, startTimeUnixNano: '1544712660000000000', endTimeUnixNano: '1544712661000000000', ...span }] }], ...extra }] });

describe('the strict OTLP decoder (official definitions, OTLP JSON rules)', () => {
	it('decodes the opentelemetry-proto example request, ids as hex, int64 as strings, enums as integers', () => {
		const decoded = decodeOtlpJson(readFixture('otlp-proto-example-trace.json')) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
		const span = decoded.resourceSpans[0].scopeSpans[0].spans[0];
		expect(span).toMatchObject({ traceId: '5b8efff798038103d269b633813fc60c', spanId: 'eee19b7ec3c1b174', parentSpanId: 'eee19b7ec3c1b173', kind: 2, startTimeUnixNano: '1544712660000000000' });
	});

	it('a well-formed request passes, and its protobuf encoding decodes to the same message', () => {
		const req = withSpan({ parentSpanId: '', attributes: [{ key: 'n', value: { intValue: '-3' } }, { key: 'd', value: { doubleValue: 0.5 } }, { key: 'a', value: { arrayValue: { values: [{ boolValue: true }, {}] } } }], events: [{ timeUnixNano: '1544712660500000000', name: 'e' }], links: [{ ...ID, attributes: [] }], status: { code: 2, message: 'bad' } });
		const json = decodeOtlpJson(JSON.stringify(req));
		const bytes = ExportTraceServiceRequest.encode(ExportTraceServiceRequest.fromObject(JSON.parse(JSON.stringify(req).replace(/"(5b8e[0-9a-f]+|eee1[0-9a-f]+)"/g, (_m, h: string) => `"${Buffer.from(h, 'hex').toString('base64')}"`)))).finish();
		expect(decodeOtlpProtobuf(bytes)).toEqual(json);
	});

	it.each([
		['base64 ids', withSpan({ traceId: 'W47/95gDgQPSabYzgT/GDA==' }), /traceId: OTLP JSON writes this id as 32 hex digits/],
		['a short span id', withSpan({ spanId: 'eee19b7e' }), /spanId: .*16 hex digits/],
		['an enum by name', withSpan({ kind: 'SPAN_KIND_SERVER' }), /kind: the string "SPAN_KIND_SERVER" where the definitions have a number .*here 2/],
		['a status code by name', withSpan({ status: { code: 'STATUS_CODE_ERROR' } }), /status\.code: the string "STATUS_CODE_ERROR"/],
		['milliseconds as a number', withSpan({ startTimeUnixNano: 1544712660000 }), /startTimeUnixNano: the number 1544712660000 .*decimal string/],
		['an int attribute as a number', withSpan({ attributes: [{ key: 'n', value: { intValue: 3 } }] }), /attributes\[0\]\.value\.intValue: the number 3/],
		['snake_case keys', withSpan({ dropped_attributes_count: 0 }), /spans\[0\]\.dropped_attributes_count: not a field/],
		['snake_case at the top', { resource_spans: [] }, /^resource_spans: not a field/],
		['an unknown field', withSpan({ service: 'svc' }), /spans\[0\]\.service: not a field/],
		['service_name on the resource', withSpan({}, { resource: { attributes: [], service_name: 'svc' } }), /resource\.service_name: not a field/],
		['a name that is a number', withSpan({ name: 5 }), /name: the number 5/],
		['two values in one AnyValue', withSpan({ attributes: [{ key: 'x', value: { stringValue: 'a', intValue: '1' } }] }), /value: stringValue and intValue at once/],
		['a count as a string', withSpan({ droppedEventsCount: '0' }), /droppedEventsCount: the string "0"/],
		['a prototype key', JSON.parse('{"__proto__":{"resourceSpans":[]}}'), /__proto__: not a field/],
		['a span that is not an object', { resourceSpans: [{ scopeSpans: [{ spans: [42] }] }] }, /the definitions refuse it/]
	] as const)('refuses %s, naming the field', (_name, req, message) => {
		expect(() => decodeOtlpJson(JSON.stringify(req))).toThrow(message);
	});
});

describe('the export setting’s OTLP JSON (toOTLP) under the official definitions', () => {
	const files = readdirSync(fixtureDir).filter((f) => f.endsWith('.json'));
	it.each(files)('%s: every trace exports as a request the definitions decode field for field', (file) => {
		const { traces } = parseTraceFile(readFixture(file));
		expect(traces.length).toBeGreaterThan(0);
		for (const t of traces) {
			const decoded = decodeOtlpJson(JSON.stringify(toOTLP([t]))) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
			const spans = decoded.resourceSpans.flatMap((rs: any) => rs.scopeSpans.flatMap((ss: any) => ss.spans)); // eslint-disable-line @typescript-eslint/no-explicit-any
			expect(spans).toHaveLength(t.spans.length);
		}
	});
});

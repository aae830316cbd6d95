// Broken input never escapes as anything but a TraceImportError that says what and where.
import { describe, it, expect } from 'vitest';
import { parseTraceFile, TraceImportError } from '../../../src/lib/model';
import { readFixture } from './fixtures';

function importError(text: string): TraceImportError {
	try {
		parseTraceFile(text);
	} catch (e) {
		expect(e).toBeInstanceOf(TraceImportError);
		return e as TraceImportError;
	}
	throw new Error('expected the import to fail');
}

const otlp = (span: Record<string, unknown>) => JSON.stringify({ resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ spans: [span] }] }] });
const goodOTLPSpan = { traceId: '5b8efff798038103d269b633813fc60c', spanId: 'eee19b7ec3c1b174', name: 'x', startTimeUnixNano: '1544712660000000000', endTimeUnixNano: '1544712661000000000' };
const jaeger = (span: Record<string, unknown>) => JSON.stringify({ data: [{ traceID: 't', processes: { p1: { serviceName: 's', tags: [] } }, spans: [{ traceID: 't', spanID: 'a', operationName: 'o', references: [], startTime: 5, duration: 1, tags: [], logs: [], processID: 'p1', ...span }] }] });

describe('garbage input', () => {
	it('not JSON', () => expect(importError('hello, world').message).toMatch(/^the file is not JSON/));
	it('empty file', () => expect(importError('   \n ').message).toMatch(/not JSON|empty/));
	it('JSON of the wrong shape', () => {
		expect(importError('42').message).toBe('the file holds number 42, not traces');
		expect(importError('{"hello":1,"world":2}').message).toMatch(/not a known trace format.*keys hello, world/);
		expect(importError('[1,2]').message).toMatch(/first item is neither/);
	});
	it('50 MB of [[[[ is refused quickly, without a stack overflow', () => {
		const t = performance.now();
		expect(importError('['.repeat(50_000_000)).message).toMatch(/nests brackets deeper than 1000/);
		expect(importError('{"data":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}').message).toMatch(/deeper than 1000/);
		expect(performance.now() - t).toBeLessThan(5_000);
	});
	it('brackets inside strings do not count as nesting, escaped quotes and backslashes included', () => {
		const op = (name: string) => JSON.stringify({ data: [{ traceID: 'a1', spans: [{ traceID: 'a1', spanID: 'b1', operationName: name, startTime: 1, duration: 1 }], processes: {} }] });
		for (const name of ['['.repeat(5000), 'say \\"' + '{'.repeat(5000), 'ends in a backslash \\', '\\\\"[[' + '['.repeat(3000)])
			expect(parseTraceFile(op(name)).traces[0].spans[0].operationName).toBe(name);
		// a string ending in an escaped backslash closes there: the brackets after it are real
		expect(importError('{"a":"x\\\\",' + '"b":' + '['.repeat(2000) + ']'.repeat(2000) + '}').message).toMatch(/deeper than 1000/);
	});
	it('ids of the wrong type name the exact path', () => {
		const e = importError(otlp({ ...goodOTLPSpan, traceId: 12345 }));
		expect(e.message).toBe('OTLP: resourceSpans[0].scopeSpans[0].spans[0].traceId is not a hex or base64 id (it is number 12345)');
		expect(e.path).toBe('resourceSpans[0].scopeSpans[0].spans[0].traceId');
		expect(importError(otlp({ ...goodOTLPSpan, spanId: 'not an id!' })).message).toMatch(/spans\[0\]\.spanId is not a hex or base64 id/);
		expect(importError(JSON.stringify([{ traceId: 'zz', id: 'a' }])).message).toBe('Zipkin v2: [0].traceId is not a hex id (it is the string "zz")');
	});
	it('numbers as strings where integers are expected', () => {
		expect(importError(jaeger({ startTime: '123' })).message).toBe('Jaeger JSON: data[0].spans[0].startTime is not a number (it is the string "123")');
		expect(importError(otlp({ ...goodOTLPSpan, startTimeUnixNano: 'soon' })).message).toMatch(/startTimeUnixNano is not a time in nanoseconds/);
	});
	it('huge numbers', () => {
		expect(importError(jaeger({ duration: 1e300 })).message).toBe('Jaeger JSON: data[0].spans[0].duration is not an integer in range (it is 1e+300)');
		expect(importError(otlp({ ...goodOTLPSpan, startTimeUnixNano: '99999999999999999999' })).message).toMatch(/startTimeUnixNano is out of range/);
		expect(importError(otlp({ ...goodOTLPSpan, kind: 99 })).message).toMatch(/kind is not a span kind/);
	});
	it('AnyValue nesting beyond 64 levels is refused', () => {
		let v: unknown = { stringValue: 'deep' };
		for (let i = 0; i < 100; i++) v = { arrayValue: { values: [v] } };
		expect(importError(otlp({ ...goodOTLPSpan, attributes: [{ key: 'k', value: v }] })).message).toMatch(/nests deeper than 64 levels/);
	});
	it('a bad JSON Lines line is named', () => {
		const line = JSON.stringify(JSON.parse(readFixture('otlp-proto-example-trace.json')));
		expect(importError(`${line}\n{oops\n`).message).toMatch(/^JSON Lines: line 2 is not JSON/);
		expect(parseTraceFile(`${line}\n${line}\n`).warnings[0]).toMatch(/JSON Lines/);
	});
});

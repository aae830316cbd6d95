import { describe, expect, it } from 'vitest';
import { fromOTLP } from '../../../src/lib/model';
import type { NetworkRecord } from '../../../src/lib/sim';
import { findSpan, sentTraceparent, spanKind, spanStatus, type RunOutput } from '../../../src/lib/checks';

const T = '4bf92f3577b34da6a3ce929d0e0e4736';
const span = (spanId: string, name: string, extra: object) => ({ traceId: T, spanId, name, startTimeUnixNano: '1000', endTimeUnixNano: '2000', ...extra });
const str = (key: string, v: string) => ({ key, value: { stringValue: v } });
// OTLP JSON through the same conversion jaeger-query's traces come out of
const traces = fromOTLP({
	resourceSpans: [
		{
			resource: { attributes: [str('service.name', 'hello')] },
			scopeSpans: [
				{
					spans: [
						span('00f067aa0ba902b7', 'client', { kind: 3, status: { code: 2, message: 'no' } }),
						span('00f067aa0ba902b8', 'attr-kind', { kind: 1, attributes: [str('span.kind', 'client')] }),
						span('00f067aa0ba902b9', 'plain', {}),
						span('00f067aa0ba902ba', 'ok', { kind: 2, status: { code: 1 } })
					]
				}
			]
		}
	]
});
const run: RunOutput = { traces, console: [], network: [], args: [], errors: [] };
const found = (operation: string) => findSpan(run, { operation })!;

describe('OpenTelemetry readings', () => {
	it('reads the kind a span was reported with, not a span.kind attribute', () => {
		expect(spanKind(found('client'))).toBe('client');
		expect(spanKind(found('attr-kind'))).toBe('internal');
		expect(spanKind(found('plain'))).toBeUndefined();
		expect(spanKind(found('ok'))).toBe('server');
	});

	it('reads the status: ERROR, OK, or unset', () => {
		expect(spanStatus(found('client'))).toBe('ERROR');
		expect(spanStatus(found('ok'))).toBe('OK');
		expect(spanStatus(found('plain'))).toBeUndefined();
	});

	it('parses a traceparent request header, and refuses malformed ones', () => {
		const req = (h: Record<string, string>) => ({ requestHeaders: h }) as unknown as NetworkRecord;
		expect(sentTraceparent(req({ traceparent: `00-${T}-00f067aa0ba902b7-01` }))).toEqual({ traceId: T, spanId: '00f067aa0ba902b7', flags: '01' });
		expect(sentTraceparent(req({}))).toBeNull();
		expect(sentTraceparent(req({ traceparent: `ff-${T}-00f067aa0ba902b7-01` }))).toBeNull();
		expect(sentTraceparent(req({ traceparent: `00-${T.toUpperCase()}-00f067aa0ba902b7-01` }))).toBeNull();
		expect(sentTraceparent(req({ 'uber-trace-id': `${T}:1:0:1` }))).toBeNull();
	});
});

// Hostile carriers never throw out of extract (null + counted), and baggage limits hold.
import { describe, expect, it } from 'vitest';
import { FORMAT_BINARY, FORMAT_HTTP_HEADERS, FORMAT_TEXT_MAP } from 'opentracing';
import type { JaegerSpan, JaegerSpanContext } from '../../../src/lib/tracer';
import { testTracer } from './helpers';

/** Small deterministic PRNG so a failure can be replayed from its seed. */
function prng(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const KEYS = ['uber-trace-id', 'UBER-TRACE-ID', 'uberctx-user', 'uberctx-', 'jaeger-debug-id', 'jaeger-baggage', 'x-b3-traceid', 'X-B3-SpanId', 'x-b3-parentspanid', 'x-b3-sampled', 'x-b3-flags', 'b3', 'traceparent', 'tracestate', 'baggage', '__proto__', 'constructor', 'prototype', 'uberctx-__proto__', 'toString', ''];

function randomString(r: () => number): string {
	const pick = r();
	if (pick < 0.05) return 'x'.repeat(1 + Math.floor(r() * 200_000)); // huge
	if (pick < 0.25) {
		// plausible-looking ids with mistakes
		const hex = () => Math.floor(r() * 2 ** 52).toString(16);
		const parts = [hex(), hex(), r() < 0.5 ? '0' : hex(), r() < 0.5 ? '1' : 'zz'];
		return parts.slice(0, 1 + Math.floor(r() * 4)).join(r() < 0.8 ? ':' : '-');
	}
	if (pick < 0.35) return `00-${'f'.repeat(Math.floor(r() * 40))}-${'1'.repeat(Math.floor(r() * 20))}-0${Math.floor(r() * 3)}`;
	if (pick < 0.45) return '%E0%A4%A'.repeat(Math.floor(r() * 5)); // malformed escapes
	const n = Math.floor(r() * 40);
	let s = '';
	for (let i = 0; i < n; i++) s += String.fromCharCode(Math.floor(r() * (r() < 0.9 ? 128 : 0xffff)));
	return s;
}

function randomValue(r: () => number): unknown {
	const p = r();
	if (p < 0.6) return randomString(r);
	if (p < 0.65) return 42;
	if (p < 0.7) return null;
	if (p < 0.75) return undefined;
	if (p < 0.8) return [randomString(r), randomString(r)];
	if (p < 0.85) return { nested: randomString(r) };
	if (p < 0.9) return Symbol('s');
	if (p < 0.95) return 10n;
	return () => 'fn';
}

function randomCarrier(r: () => number): unknown {
	const p = r();
	if (p < 0.03) return null;
	if (p < 0.05) return 'a string carrier';
	if (p < 0.06) return 12345;
	if (p < 0.07) return undefined;
	if (p < 0.1)
		return new Proxy({}, { ownKeys: () => { throw new Error('ownKeys trap'); } });
	const carrier: Record<string, unknown> = r() < 0.5 ? {} : Object.create(null);
	const n = Math.floor(r() * 8);
	for (let i = 0; i < n; i++) {
		const key = r() < 0.7 ? KEYS[Math.floor(r() * KEYS.length)] : randomString(r).slice(0, 50);
		if (r() < 0.08) {
			Object.defineProperty(carrier, key, { enumerable: true, configurable: true, get() { throw new Error('getter trap'); } });
		} else {
			Object.defineProperty(carrier, key, { enumerable: true, configurable: true, writable: true, value: randomValue(r) });
		}
	}
	if (r() < 0.05) (carrier as { buffer?: unknown }).buffer = r() < 0.5 ? Array.from({ length: Math.floor(r() * 80) }, () => Math.floor(r() * 300) - 20) : new Uint8Array(Math.floor(r() * 100)).map(() => Math.floor(r() * 256));
	return carrier;
}

describe('extract on hostile input', () => {
	it('never throws on 12,000 random carriers, returns null or a usable context, counts errors', () => {
		const tracers = (['jaeger', 'b3', 'w3c'] as const).map((propagation) => testTracer({ propagation }).tracer);
		const formats = [FORMAT_HTTP_HEADERS, FORMAT_TEXT_MAP, FORMAT_BINARY];
		const r = prng(20240601);
		let contexts = 0;
		let nulls = 0;
		for (let i = 0; i < 12_000; i++) {
			const tracer = tracers[i % 3];
			const carrier = randomCarrier(r);
			const ctx = tracer.extract(formats[Math.floor(r() * 3)], carrier) as JaegerSpanContext | null;
			if (ctx === null) {
				nulls++;
				continue;
			}
			contexts++;
			// whatever came back must be safe to use
			expect(Object.getPrototypeOf(ctx.baggage)).toBeNull();
			const child = tracer.startSpan('child', { childOf: ctx });
			child.setTag('i', i);
			child.finish();
			const out = {};
			tracer.inject(child, FORMAT_HTTP_HEADERS, out);
		}
		const errors = tracers.reduce((n, t) => n + t.metrics.extractErrors, 0);
		expect(contexts + nulls).toBe(12_000);
		expect(errors).toBeGreaterThan(1000);
		expect(contexts).toBeGreaterThan(100); // the fuzzer does reach valid contexts too
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.prototype).not.toHaveProperty('user');
	});

	it('counts malformed carriers and not empty ones', () => {
		const { tracer } = testTracer();
		expect(tracer.extract(FORMAT_HTTP_HEADERS, {})).toBeNull();
		expect(tracer.extract(FORMAT_HTTP_HEADERS, { 'uber-trace-id': 'nope' })).toBeNull();
		expect(tracer.extract(FORMAT_HTTP_HEADERS, null)).toBeNull();
		expect(tracer.extract(FORMAT_HTTP_HEADERS, { get 'uber-trace-id'(): string { throw new Error('x'); } })).toBeNull();
		expect(tracer.extract(FORMAT_HTTP_HEADERS, { 'uber-trace-id': `${'a'.repeat(300)}:1:0:1` })).toBeNull();
		expect(tracer.extract(FORMAT_HTTP_HEADERS, { 'uber-trace-id': '0:1:0:1' })).toBeNull();
		expect(tracer.metrics.extractErrors).toBe(5);
	});

	it('keeps __proto__ baggage keys as plain data', () => {
		const { tracer } = testTracer();
		const carrier = JSON.parse('{"uber-trace-id":"1:2:0:1","uberctx-__proto__":"x","uberctx-constructor":"y"}');
		const ctx = tracer.extract(FORMAT_HTTP_HEADERS, carrier) as JaegerSpanContext;
		expect(ctx.baggage['--proto--']).toBe('x');
		expect(ctx.baggage.constructor).toBe('y');
		expect(({} as Record<string, unknown>).x).toBeUndefined();
	});

	it('inject into a frozen carrier does not throw and is counted', () => {
		const { tracer, errors } = testTracer();
		expect(() => tracer.inject(tracer.startSpan('x'), FORMAT_HTTP_HEADERS, Object.freeze({}))).not.toThrow();
		expect(tracer.metrics.injectErrors).toBe(1);
		expect(errors).toHaveLength(1);
	});
});

describe('baggage limits', () => {
	const logOf = (span: JaegerSpan) => span.logRecords().map((l) => Object.fromEntries(l.fields.map((f) => [f.key, f.value])));

	it('logs each set like jaeger-client, with override and truncated', () => {
		const { tracer } = testTracer();
		const span = tracer.startSpan('s');
		span.setBaggageItem('User_Name', 'a');
		span.setBaggageItem('user-name', 'b');
		span.setBaggageItem('long', 'x'.repeat(3000));
		expect(span.getBaggageItem('user_name')).toBe('b');
		expect(span.getBaggageItem('long')).toHaveLength(2048);
		expect(logOf(span as never)).toEqual([
			{ event: 'baggage', key: 'user-name', value: 'a' },
			{ event: 'baggage', key: 'user-name', value: 'b', override: 'true' },
			{ event: 'baggage', key: 'long', value: 'x'.repeat(2048), truncated: 'true' }
		]);
		expect(tracer.metrics.baggageTruncate).toBe(1);
	});

	it('drops invalid keys and items beyond the total size, logging invalid', () => {
		const { tracer } = testTracer({ baggageLimits: { maxTotalSize: 100 } });
		const span = tracer.startSpan('s');
		span.setBaggageItem('bad key', 'v');
		span.setBaggageItem('a', 'x'.repeat(60));
		span.setBaggageItem('b', 'y'.repeat(60));
		expect(span.getBaggageItem('bad key')).toBeUndefined();
		expect(span.getBaggageItem('a')).toHaveLength(60);
		expect(span.getBaggageItem('b')).toBeUndefined();
		const logs = logOf(span as never);
		expect(logs[0]).toMatchObject({ event: 'baggage', key: 'bad key', invalid: 'true' });
		expect(logs[2]).toMatchObject({ event: 'baggage', key: 'b', invalid: 'true' });
		expect(tracer.metrics.baggageUpdateFailure).toBe(2);
	});

	it('children inherit baggage; later changes on the parent do not leak into existing children', () => {
		const { tracer } = testTracer();
		const parent = tracer.startSpan('p');
		parent.setBaggageItem('k', 'v1');
		const child = tracer.startSpan('c', { childOf: parent });
		parent.setBaggageItem('k', 'v2');
		expect(child.getBaggageItem('k')).toBe('v1');
		expect(tracer.startSpan('c2', { childOf: parent }).getBaggageItem('k')).toBe('v2');
	});

	it('applies the limits to extracted baggage', () => {
		const { tracer } = testTracer();
		const carrier: Record<string, string> = { 'uber-trace-id': '1:2:0:1', 'uberctx-big': 'z'.repeat(5000) };
		for (let i = 0; i < 300; i++) carrier[`uberctx-k${i}`] = 'v';
		const ctx = tracer.extract(FORMAT_HTTP_HEADERS, carrier) as JaegerSpanContext;
		expect(ctx.baggage.big).toHaveLength(2048);
		expect(Object.keys(ctx.baggage)).toHaveLength(180);
	});
});

// Spans: timing, tags, logs, references, ids, process, and the record they become.
import { describe, expect, it } from 'vitest';
import { childOf, followsFrom, Tags, Span as OtSpan, SpanContext as OtSpanContext, Tracer as OtTracer } from 'opentracing';
import { JaegerSpan, JaegerSpanContext, TRACER_VERSION } from '../../../src/lib/tracer';
import { parseAfterFinish } from '../../../src/lib/tracer/misuse';
import { testTracer } from './helpers';

describe('spans', () => {
	it('extend the opentracing classes and round-trip through startSpan/finish', () => {
		const { tracer, reporter, clock } = testTracer();
		expect(tracer).toBeInstanceOf(OtTracer);
		const span = tracer.startSpan('say-hello');
		expect(span).toBeInstanceOf(OtSpan);
		expect(span.context()).toBeInstanceOf(OtSpanContext);
		clock.ms += 1.5;
		span.finish();
		const [rec] = reporter.records();
		expect(rec.operationName).toBe('say-hello');
		expect(rec.startTime).toBe(1_700_000_000_000_000);
		expect(rec.duration).toBe(1500);
		expect(rec.references).toEqual([]);
		expect(rec.flags).toBe(1);
	});

	it('honours explicit fractional-ms timestamps with µs precision', () => {
		const { tracer, reporter } = testTracer();
		const span = tracer.startSpan('t', { startTime: 1000.0015 });
		span.log({ event: 'x' }, 1000.5);
		span.finish(1002.2504);
		const [rec] = reporter.records();
		expect(rec.startTime).toBe(1_000_002);
		expect(rec.duration).toBe(2248); // 1002250 − 1000002 µs
		expect(rec.logs[0].timestamp).toBe(1_000_500);
	});

	it('maps tag values to Jaeger KeyValue types', () => {
		const { tracer, reporter } = testTracer();
		const span = tracer.startSpan('t', { tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER } });
		span.setTag('s', 'x').setTag('b', true).setTag('i', 42).setTag('f', 1.5).setTag('o', { a: [1] });
		span.setTag('n', null).setTag('e', new Error('boom')).setTag('big', 2n ** 70n);
		const cyclic: Record<string, unknown> = {};
		cyclic.self = cyclic;
		span.setTag('c', cyclic);
		span.addTags({ x: 1, y: 'two' });
		span.finish();
		const tags = reporter.records()[0].tags.filter((t) => !t.key.startsWith('sampler.'));
		expect(tags).toEqual([
			{ key: 'span.kind', type: 'string', value: 'server' },
			{ key: 's', type: 'string', value: 'x' },
			{ key: 'b', type: 'bool', value: true },
			{ key: 'i', type: 'int64', value: 42 },
			{ key: 'f', type: 'float64', value: 1.5 },
			{ key: 'o', type: 'string', value: '{"a":[1]}' },
			{ key: 'n', type: 'string', value: 'null' },
			{ key: 'e', type: 'string', value: 'Error: boom' },
			{ key: 'big', type: 'string', value: (2n ** 70n).toString() },
			{ key: 'c', type: 'string', value: '[object Object]' },
			{ key: 'x', type: 'int64', value: 1 },
			{ key: 'y', type: 'string', value: 'two' }
		]);
	});

	it('records logs and logEvent, snapshotting the fields at log time', () => {
		const { tracer, reporter, clock } = testTracer();
		const span = tracer.startSpan('t');
		const fields: Record<string, unknown> = { event: 'string-format', value: 'Hello', obj: { n: 1 } };
		span.log(fields);
		fields.value = 'changed later';
		(fields.obj as { n: number }).n = 2;
		clock.ms += 2;
		span.logEvent('println', 'hi');
		span.finish();
		const { logs } = reporter.records()[0];
		expect(logs[0]).toEqual({
			timestamp: 1_700_000_000_000_000,
			fields: [
				{ key: 'event', type: 'string', value: 'string-format' },
				{ key: 'value', type: 'string', value: 'Hello' },
				{ key: 'obj', type: 'string', value: '{"n":1}' }
			]
		});
		expect(logs[1].timestamp).toBe(1_700_000_000_002_000);
		expect(logs[1].fields).toEqual([
			{ key: 'event', type: 'string', value: 'println' },
			{ key: 'payload', type: 'string', value: 'hi' }
		]);
	});

	it('makes children with childOf span or context, parent reference first', () => {
		const { tracer, reporter } = testTracer();
		const root = tracer.startSpan('root');
		const a = tracer.startSpan('a', { childOf: root });
		const b = tracer.startSpan('b', { childOf: root.context() });
		for (const s of [a, b, root]) s.finish();
		const [ra, rb, rr] = reporter.records();
		for (const r of [ra, rb]) {
			expect(r.traceID).toBe(rr.traceID);
			expect(r.references).toEqual([{ refType: 'CHILD_OF', traceID: rr.traceID, spanID: rr.spanID }]);
			expect(r.spanID).not.toBe(rr.spanID);
		}
		expect(ra.spanID).not.toBe(rb.spanID);
	});

	it('childOf works for any opentracing Span/SpanContext and leaves the options object alone', () => {
		const { tracer, reporter } = testTracer();
		const root = tracer.startSpan('root');
		const options = { childOf: root };
		tracer.startSpan('a', options).finish();
		tracer.startSpan('b', options).finish();
		expect(options).toEqual({ childOf: root });
		const [a, b] = reporter.records();
		expect(a.references[0].spanID).toBe(b.references[0].spanID);
		// a foreign context (the opentracing no-op tracer's) is ignored: a new root span
		const foreign = new OtTracer().startSpan('noop');
		const c = tracer.startSpan('c', { childOf: foreign });
		expect((c.context() as JaegerSpanContext).parentId).toBe('');
		// childOf plus references goes through opentracing's own merging
		const x = tracer.startSpan('x');
		const d = tracer.startSpan('d', { childOf: root, references: [followsFrom(x.context())] });
		d.finish();
		expect(reporter.records()[2].references.map((r) => r.refType)).toEqual(['CHILD_OF', 'FOLLOWS_FROM']);
	});

	it('supports several references, ChildOf winning over FollowsFrom as parent', () => {
		const { tracer, reporter } = testTracer();
		const x = tracer.startSpan('x');
		const y = tracer.startSpan('y');
		const z = tracer.startSpan('z', { references: [followsFrom(x.context()), childOf(y.context())] });
		const f = tracer.startSpan('f', { references: [followsFrom(x.context())] });
		z.finish();
		f.finish();
		const [rz, rf] = reporter.records();
		expect(rz.traceID).toBe((y.context() as JaegerSpanContext).traceId);
		expect(rz.references).toEqual([
			{ refType: 'CHILD_OF', traceID: rz.traceID, spanID: (y.context() as JaegerSpanContext).spanId },
			{ refType: 'FOLLOWS_FROM', traceID: (x.context() as JaegerSpanContext).traceId, spanID: (x.context() as JaegerSpanContext).spanId }
		]);
		expect(rf.references).toEqual([{ refType: 'FOLLOWS_FROM', traceID: rf.traceID, spanID: (x.context() as JaegerSpanContext).spanId }]);
	});

	it('uses zero-padded lower-case hex ids, 64-bit by default and 128-bit on request', () => {
		for (let i = 0; i < 50; i++) {
			const { tracer, reporter } = testTracer();
			const root = tracer.startSpan('r');
			tracer.startSpan('c', { childOf: root }).finish();
			root.finish();
			const [c, r] = reporter.records();
			expect(r.traceID).toMatch(/^[0-9a-f]{16}$/);
			expect(r.spanID).toBe(r.traceID); // jaeger-client: root span id = trace id
			expect(c.spanID).toMatch(/^[0-9a-f]{16}$/);
		}
		const { tracer, reporter } = testTracer({}, { traceId128bit: true });
		tracer.startSpan('r').finish();
		const [r] = reporter.records();
		expect(r.traceID).toMatch(/^[0-9a-f]{32}$/);
		expect(r.spanID).toBe(r.traceID.slice(16));
	});

	it('strips leading zeros in toString/toTraceId like jaeger-client, keeps them in records', () => {
		const ctx = new JaegerSpanContext('000000000000abcd', '00000000000000ef', '0000000000000012', 1);
		expect(ctx.toString()).toBe('abcd:ef:12:1');
		expect(ctx.toTraceId()).toBe('abcd');
		expect(ctx.toSpanId()).toBe('ef');
		expect(new JaegerSpanContext('00000000000000010000000000000002', '0000000000000003', '', 3).toString()).toBe('10000000000000002:3:0:3');
	});

	it('reports the process with jaeger.version, hostname, ip and client-uuid', () => {
		const { tracer, reporter } = testTracer({ tags: { team: 'blue' } });
		tracer.startSpan('t').finish();
		const { process } = reporter.records()[0];
		expect(process.serviceName).toBe('svc');
		const tags = Object.fromEntries(process.tags.map((t) => [t.key, t.value]));
		expect(tags['jaeger.version']).toBe(TRACER_VERSION);
		expect(tags.hostname).toBe('svc');
		expect(tags.ip).toMatch(/^10\.0\.\d+\.\d+$/);
		expect(tags['client-uuid']).toMatch(/^[0-9a-f-]{36}$/);
		expect(tags.team).toBe('blue');
		const other = testTracer({ tags: { hostname: 'box-1', ip: '1.2.3.4' } });
		other.tracer.startSpan('t').finish();
		const t2 = Object.fromEntries(other.reporter.records()[0].process.tags.map((t) => [t.key, t.value]));
		expect([t2.hostname, t2.ip]).toEqual(['box-1', '1.2.3.4']);
	});

	it('tags root spans of sampled traces with sampler.type/param, not children', () => {
		const { tracer, reporter } = testTracer();
		const root = tracer.startSpan('r');
		tracer.startSpan('c', { childOf: root }).finish();
		root.finish();
		const [c, r] = reporter.records();
		expect(r.tags).toEqual([
			{ key: 'sampler.type', type: 'string', value: 'const' },
			{ key: 'sampler.param', type: 'bool', value: true }
		]);
		expect(c.tags).toEqual([]);
	});

	it('does not store or report unsampled spans', () => {
		const { tracer, reporter } = testTracer({ sampler: { type: 'const', param: 0 } });
		const span = tracer.startSpan('t') as JaegerSpan;
		span.setTag('a', 1).log({ event: 'x' });
		expect(span.tagPairs).toBeNull();
		expect(span.logData).toBeNull();
		span.finish();
		expect(reporter.spans).toHaveLength(0);
		expect(tracer.metrics.spansStartedNotSampled).toBe(1);
	});

	it('sampling.priority > 0 makes a span sampled + debug, 0 unsamples it', () => {
		const { tracer, reporter } = testTracer({ sampler: { type: 'const', param: 0 } });
		const up = tracer.startSpan('up');
		up.setTag(Tags.SAMPLING_PRIORITY, 1);
		up.setTag('after', true);
		up.finish();
		const down = tracer.startSpan('down', { tags: { [Tags.SAMPLING_PRIORITY]: 0 } });
		expect((down.context() as JaegerSpanContext).isSampled()).toBe(false);
		down.finish();
		const records = reporter.records();
		expect(records).toHaveLength(1);
		expect(records[0].flags).toBe(3);
		expect(records[0].tags.map((t) => t.key)).toEqual(['sampling.priority', 'after']);
		const sampled = testTracer();
		const s = sampled.tracer.startSpan('x', { tags: { [Tags.SAMPLING_PRIORITY]: 0 } });
		s.finish();
		expect(sampled.reporter.spans).toHaveLength(0);
	});

	it('logs an error on a second finish and reports once', () => {
		const { tracer, reporter, errors } = testTracer();
		const span = tracer.startSpan('t');
		span.finish();
		span.finish();
		expect(reporter.spans).toHaveLength(1);
		expect(errors[0]).toMatch(/operation=t,context=.*#You can only call finish\(\) on a span once\./);
	});

	it('warns once per span when a finished span is tagged, logged, given baggage or finished again, and drops the late tag and log', () => {
		const { tracer, reporter, errors } = testTracer();
		const a = tracer.startSpan('a');
		a.finish();
		a.setTag('late', 1);
		a.log({ event: 'late' });
		a.addTags({ also: 'late' });
		a.setBaggageItem('k', 'v');
		a.finish();
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(/^operation=a,context=[0-9a-f:]+#setTag\(\) after finish\(\): .*before finish\(\)/);
		expect(parseAfterFinish(errors[0])).toEqual({ operation: 'a', call: 'setTag' });
		const rec = reporter.records()[0];
		expect(rec.tags.map((t) => t.key)).not.toContain('late');
		expect(rec.logs).toEqual([]);
		// each span warns once, for the first late call it gets
		const b = tracer.startSpan('b');
		b.finish();
		b.log({ event: 'println' });
		b.log({ event: 'again' });
		const c = tracer.startSpan('c');
		c.finish();
		c.setBaggageItem('greeting', 'Bonjour');
		expect(errors.slice(1).map(parseAfterFinish)).toEqual([
			{ operation: 'b', call: 'log' },
			{ operation: 'c', call: 'setBaggageItem' }
		]);
		// an unfinished span says nothing
		const d = tracer.startSpan('d');
		d.setTag('x', 1).log({ event: 'e' });
		d.finish();
		expect(errors).toHaveLength(3);
		expect(parseAfterFinish('Reporting span 1:2:0:1 svc.d')).toBeNull();
	});

	it('setOperationName changes the reported name', () => {
		const { tracer, reporter } = testTracer();
		tracer.startSpan('a').setOperationName('b').finish();
		expect(reporter.records()[0].operationName).toBe('b');
	});

	it('records are plain serializable data', () => {
		const { tracer, reporter } = testTracer();
		const s = tracer.startSpan('t', { tags: { a: 1 } });
		s.log({ event: 'e' });
		s.finish();
		const rec = reporter.records()[0];
		expect(structuredClone(rec)).toEqual(rec);
		expect(JSON.parse(JSON.stringify(rec))).toEqual(rec);
	});
});

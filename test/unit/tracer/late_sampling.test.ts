// Late sampling: with a sampler whose decision depends on the operation name, an unsampled root span
// stays undecided (keeping its tags and logs) until it is renamed or its context is finalized.
import { describe, expect, it } from 'vitest';
import { FORMAT_HTTP_HEADERS, REFERENCE_FOLLOWS_FROM, Reference } from 'opentracing';
import {
	ConstSampler,
	InMemoryReporter,
	JaegerSpan,
	JaegerTracer,
	nullLogger,
	PerOperationSampler,
	RemoteSampler,
	type FetchLike,
	type Sampler,
	type SamplingDecision
} from '../../../src/lib/tracer';

/** 'on' is always sampled, 'off' and anything else never (no lower bound). */
const ON_OFF = {
	defaultSamplingProbability: 0,
	defaultLowerBoundTracesPerSecond: 0,
	perOperationStrategies: [
		{ operation: 'on', probabilisticSampling: { samplingRate: 1 } },
		{ operation: 'off', probabilisticSampling: { samplingRate: 0 } }
	]
};

function setup(sampler: Sampler = new PerOperationSampler(ON_OFF)) {
	const reporter = new InMemoryReporter();
	const tracer = new JaegerTracer('svc', reporter, sampler, { logger: nullLogger });
	return { tracer, reporter };
}

const tagsOf = (s: JaegerSpan) => s.toRecord().tags.map((t) => [t.key, t.value]);
const state = (s: JaegerSpan) => ({ sampled: s.ctx.isSampled(), debug: s.ctx.isDebug(), final: s.ctx.samplingFinal });

describe('late sampling: rename before the decision is final', () => {
	it('an unsampled root of a per-operation sampler is undecided; renaming it to a sampled operation samples it', () => {
		const { tracer, reporter } = setup();
		const span = tracer.startSpan('off');
		expect(state(span)).toEqual({ sampled: false, debug: false, final: false });
		span.setTag('user', 'bryan');
		span.log({ event: 'before-rename' });
		span.setBaggageItem('greeting', 'hi');
		span.setOperationName('on');
		expect(state(span)).toEqual({ sampled: true, debug: false, final: true });
		span.finish();
		const rec = reporter.spans[0].toRecord();
		expect(rec.operationName).toBe('on');
		expect(rec.flags).toBe(1);
		// what was set while undecided is kept, then the sampler's tags for the new name
		expect(rec.tags.map((t) => [t.key, t.value])).toEqual([
			['user', 'bryan'],
			['sampler.type', 'probabilistic'],
			['sampler.param', 1]
		]);
		expect(rec.logs.map((l) => l.fields[0].value)).toEqual(['before-rename', 'baggage']);
	});

	it('renaming a sampled root to an unsampled operation keeps it sampled (a late decision only adds sampling)', () => {
		const { tracer } = setup();
		const span = tracer.startSpan('on');
		expect(state(span)).toEqual({ sampled: true, debug: false, final: true });
		span.setOperationName('off');
		expect(state(span)).toEqual({ sampled: true, debug: false, final: true });
		expect(tagsOf(span)).toEqual([
			['sampler.type', 'probabilistic'],
			['sampler.param', 1]
		]);
	});

	it('the first rename is the final one', () => {
		const { tracer } = setup();
		const span = tracer.startSpan('off');
		span.setOperationName('still-off');
		expect(state(span)).toEqual({ sampled: false, debug: false, final: true });
		span.setOperationName('on');
		expect(state(span).sampled).toBe(false);
		span.setTag('after', 1);
		span.log({ event: 'after' });
		expect(span.tagPairs).toBeNull();
		expect(span.logData).toBeNull();
	});

	it('a remote sampler samples late only while its strategy is per-operation', async () => {
		const answers = [{ strategyType: 'PROBABILISTIC', probabilisticSampling: { samplingRate: 0 } }, { operationSampling: ON_OFF }];
		const fetch: FetchLike = async () => ({ ok: true, text: async () => JSON.stringify(answers.shift()) });
		const remote = new RemoteSampler('svc', { fetch, refreshIntervalMs: 0 });
		const { tracer } = setup(remote);
		expect(remote.lateSampling).toBe(false); // initial probabilistic sampler
		await remote.refresh();
		expect(remote.lateSampling).toBe(false);
		let span = tracer.startSpan('off');
		span.setOperationName('on');
		expect(state(span)).toEqual({ sampled: false, debug: false, final: true });
		await remote.refresh();
		expect(remote.lateSampling).toBe(true);
		span = tracer.startSpan('off');
		expect(state(span).final).toBe(false);
		span.setOperationName('on');
		expect(state(span)).toEqual({ sampled: true, debug: false, final: true });
	});

	it('samplers that do not depend on the name decide once, at the start (the fast path)', () => {
		const { tracer } = setup(new ConstSampler(false));
		const span = tracer.startSpan('off');
		expect(state(span)).toEqual({ sampled: false, debug: false, final: true });
		span.setTag('k', 'v');
		span.setOperationName('on');
		expect(span.tagPairs).toBeNull();
		expect(state(span).sampled).toBe(false);
	});
});

describe('late sampling: what makes the decision final', () => {
	it('inject: the carrier carries the flags, so they can no longer change', () => {
		const { tracer } = setup();
		const span = tracer.startSpan('off');
		const headers: Record<string, string> = {};
		tracer.inject(span, FORMAT_HTTP_HEADERS, headers);
		expect(headers['uber-trace-id'].endsWith(':0')).toBe(true);
		expect(state(span).final).toBe(true);
		span.setOperationName('on');
		expect(state(span).sampled).toBe(false);
	});

	it('inject into a carrier that throws still finalizes', () => {
		const { tracer } = setup();
		const span = tracer.startSpan('off');
		tracer.inject(span.context(), FORMAT_HTTP_HEADERS, Object.freeze({}));
		expect(tracer.metrics.injectErrors).toBe(1);
		expect(state(span).final).toBe(true);
	});

	it.each([
		['childOf: span', (t: JaegerTracer, p: JaegerSpan) => t.startSpan('child', { childOf: p })],
		['childOf: context', (t: JaegerTracer, p: JaegerSpan) => t.startSpan('child', { childOf: p.context() })],
		['a FOLLOWS_FROM reference', (t: JaegerTracer, p: JaegerSpan) => t.startSpan('child', { references: [new Reference(REFERENCE_FOLLOWS_FROM, p.context())] })],
		[
			'the active span',
			(t: JaegerTracer, p: JaegerSpan) => {
				const scope = t.activateSpan(p);
				const c = t.startSpan('child');
				scope.close();
				return c;
			}
		]
	])('a child (%s): parent and child share one decision, final', (_, start) => {
		const { tracer } = setup();
		const parent = tracer.startSpan('off');
		const child = start(tracer, parent);
		expect(child.ctx.parentId).toBe(parent.ctx.spanId);
		expect(state(parent)).toEqual({ sampled: false, debug: false, final: true });
		expect(state(child)).toEqual({ sampled: false, debug: false, final: true });
		parent.setOperationName('on');
		child.setOperationName('on');
		expect([state(parent).sampled, state(child).sampled]).toEqual([false, false]);
	});

	it('finish: an undecided span that ends unsampled is not reported and drops what it kept', () => {
		const { tracer, reporter } = setup();
		const span = tracer.startSpan('off');
		span.setTag('k', 'v');
		span.log({ event: 'e' });
		expect(span.tagLen).toBe(2);
		span.finish();
		expect(state(span).final).toBe(true);
		expect(span.tagPairs).toBeNull();
		expect(span.logData).toBeNull();
		span.setOperationName('on');
		expect(state(span).sampled).toBe(false);
		expect(reporter.spans).toHaveLength(0);
	});

	it('a child of a remote (extracted) parent inherits its decision, final from the start', () => {
		const { tracer } = setup();
		const remote = tracer.extract(FORMAT_HTTP_HEADERS, { 'uber-trace-id': 'abc:def:0:0' })!;
		const span = tracer.startSpan('off', { childOf: remote });
		expect(state(span)).toEqual({ sampled: false, debug: false, final: true });
		span.setOperationName('on');
		expect(state(span).sampled).toBe(false);
	});
});

describe('late sampling: sampling.priority', () => {
	it('before finalization: > 0 samples with the debug flag and finalizes (no sampler tags on rename)', () => {
		const { tracer } = setup();
		const span = tracer.startSpan('off');
		span.setTag('sampling.priority', 1);
		expect(state(span)).toEqual({ sampled: true, debug: true, final: true });
		span.setOperationName('on');
		expect(tagsOf(span)).toEqual([['sampling.priority', 1]]);
	});

	it('before finalization, through addTags with other tags: they are all kept', () => {
		const { tracer } = setup();
		const span = tracer.startSpan('off');
		span.setTag('early', true);
		span.addTags({ a: 1, 'sampling.priority': 2, b: 2 });
		expect(state(span)).toEqual({ sampled: true, debug: true, final: true });
		expect(tagsOf(span)).toEqual([
			['early', true],
			['sampling.priority', 2],
			['a', 1],
			['b', 2]
		]);
	});

	it('before finalization: 0 makes the span final and unsampled', () => {
		const { tracer } = setup();
		const span = tracer.startSpan('off');
		span.setTag('sampling.priority', 0);
		expect(state(span)).toEqual({ sampled: false, debug: false, final: true });
		span.setOperationName('on');
		expect(state(span).sampled).toBe(false);
	});

	it('after finalization it still works, as in jaeger-client: 1 forces sampled + debug, 0 unsamples', () => {
		const { tracer } = setup();
		const span = tracer.startSpan('off');
		span.setOperationName('off'); // final, unsampled
		span.setTag('sampling.priority', 1);
		expect(state(span)).toEqual({ sampled: true, debug: true, final: true });
		const sampled = tracer.startSpan('on');
		tracer.inject(sampled, FORMAT_HTTP_HEADERS, {});
		sampled.setTag('sampling.priority', 0);
		expect(state(sampled)).toEqual({ sampled: false, debug: false, final: true });
	});
});

describe('late sampling: a sampler that decides on tags (sampleOnTag)', () => {
	const VIP: SamplingDecision = { type: 'tag', param: true };
	const tagSampler = (): Sampler & { asked: string[] } => {
		const asked: string[] = [];
		return {
			asked,
			lateSampling: true,
			sample: () => null,
			sampleOnTag(op, key, value) {
				asked.push(`${op}:${key}`);
				return key === 'customer' && value === 'vip' ? VIP : null;
			},
			close: (cb) => cb?.()
		};
	};

	it('a matching tag samples the span and makes it final; later tags are not asked about', () => {
		const sampler = tagSampler();
		const { tracer } = setup(sampler);
		const span = tracer.startSpan('checkout');
		span.setTag('cart', 3);
		span.setTag('customer', 'vip');
		span.setTag('after', true);
		expect(state(span)).toEqual({ sampled: true, debug: false, final: true });
		expect(sampler.asked).toEqual(['checkout:cart', 'checkout:customer']);
		expect(tagsOf(span)).toEqual([
			['cart', 3],
			['customer', 'vip'],
			['sampler.type', 'tag'],
			['sampler.param', true],
			['after', true]
		]);
	});

	it('the same through addTags and startSpan tags', () => {
		const sampler = tagSampler();
		const { tracer } = setup(sampler);
		const a = tracer.startSpan('a', { tags: { customer: 'vip', x: 1 } });
		expect(state(a)).toEqual({ sampled: true, debug: false, final: true });
		expect(tagsOf(a)).toEqual([
			['customer', 'vip'],
			['sampler.type', 'tag'],
			['sampler.param', true],
			['x', 1]
		]);
		const b = tracer.startSpan('b');
		b.addTags({ customer: 'regular' });
		expect(state(b)).toEqual({ sampled: false, debug: false, final: false });
	});
});

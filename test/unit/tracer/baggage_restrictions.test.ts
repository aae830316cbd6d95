// jaeger-client's BaggageRestrictionManager: the default allows every key with 2048 characters; a
// service's own manager refuses keys it does not know and cuts values to its length, and a manager
// that misbehaves (learner code) refuses the key instead of breaking the tracer.
import { describe, expect, it } from 'vitest';
import { FORMAT_TEXT_MAP } from 'opentracing';
import {
	DefaultBaggageRestrictionManager,
	InMemoryReporter,
	initTracer,
	Restriction,
	type BaggageRestrictionManager,
	type JaegerSpan
} from '../../../src/lib/tracer';

function tracerWith(manager?: BaggageRestrictionManager, maxValueLength?: number) {
	const reporter = new InMemoryReporter();
	const tracer = initTracer(
		{ serviceName: 'edge', sampler: { type: 'const', param: 1 }, baggageLimits: maxValueLength ? { maxValueLength } : undefined },
		{ reporter, logger: { info() {}, error() {} }, baggageRestrictionManager: manager }
	);
	return { tracer, reporter };
}

const baggageLogs = (span: JaegerSpan) =>
	span.logRecords().map((l) => Object.fromEntries(l.fields.map((f) => [f.key, f.value]))).filter((f) => f.event === 'baggage');

class AllowList implements BaggageRestrictionManager {
	constructor(private readonly keys: Record<string, Record<string, number>>) {}
	getRestriction(service: string, key: string): Restriction {
		const max = this.keys[service]?.[key];
		return max === undefined ? new Restriction(false, 0) : new Restriction(true, max);
	}
}

describe('baggage restrictions', () => {
	it('the default manager allows every key, values up to 2048 characters', () => {
		const m = new DefaultBaggageRestrictionManager();
		expect((m as BaggageRestrictionManager).getRestriction('any', 'key')).toEqual(new Restriction(true, 2048));
		const { tracer } = tracerWith();
		const span = tracer.startSpan('op') as JaegerSpan;
		span.setBaggageItem('anything', 'x'.repeat(3000));
		expect(span.getBaggageItem('anything')).toHaveLength(2048);
		expect(baggageLogs(span)[0]).toMatchObject({ key: 'anything', truncated: 'true' });
	});

	it('an allow-list refuses an unknown key (invalid=true, counted) and cuts a known one to its length', () => {
		const { tracer } = tracerWith(new AllowList({ edge: { tenant: 8 } }));
		const span = tracer.startSpan('op') as JaegerSpan;
		span.setBaggageItem('tenant', 'acme-corporation');
		span.setBaggageItem('email', 'ann@example.com');
		expect(span.getBaggageItem('tenant')).toBe('acme-cor');
		expect(span.getBaggageItem('email')).toBeUndefined();
		expect(baggageLogs(span)).toEqual([
			{ event: 'baggage', key: 'tenant', value: 'acme-cor', truncated: 'true' },
			{ event: 'baggage', key: 'email', value: 'ann@example.com', invalid: 'true' }
		]);
		expect(tracer.metrics.baggageUpdateFailure).toBe(1);
		expect(tracer.metrics.baggageTruncate).toBe(1);
		// a refused key never reaches the wire
		const carrier: Record<string, string> = {};
		tracer.inject(span.context(), FORMAT_TEXT_MAP, carrier);
		expect(Object.keys(carrier).sort()).toEqual(['uber-trace-id', 'uberctx-tenant']);
	});

	it('the manager is asked per service, with the normalized key', () => {
		const asked: [string, string][] = [];
		const { tracer } = tracerWith({
			getRestriction(service, key) {
				asked.push([service, key]);
				return new Restriction(true, 100);
			}
		});
		(tracer.startSpan('op') as JaegerSpan).setBaggageItem('Test_Run', '7');
		expect(asked).toEqual([['edge', 'test-run']]);
	});

	it('the tighter of the restriction and baggageLimits wins', () => {
		const { tracer } = tracerWith(new AllowList({ edge: { note: 100 } }), 10);
		const span = tracer.startSpan('op') as JaegerSpan;
		span.setBaggageItem('note', 'y'.repeat(50));
		expect(span.getBaggageItem('note')).toHaveLength(10);
	});

	it('a manager that throws or answers nonsense refuses the key and says why; the span goes on', () => {
		const throwing: BaggageRestrictionManager = {
			getRestriction() {
				throw new Error('lookup failed');
			}
		};
		const { tracer } = tracerWith(throwing);
		const span = tracer.startSpan('op') as JaegerSpan;
		span.setBaggageItem('tenant', 'acme');
		expect(span.getBaggageItem('tenant')).toBeUndefined();
		expect(baggageLogs(span)[0]).toMatchObject({ invalid: 'true', reason: 'restriction manager threw: lookup failed' });
		span.finish();

		for (const answer of [null, 42, { keyAllowed: 'yes', maxValueLength: 5 }, {}]) {
			const { tracer: t } = tracerWith({ getRestriction: () => answer as unknown as Restriction });
			const s = t.startSpan('op') as JaegerSpan;
			s.setBaggageItem('tenant', 'acme');
			expect(s.getBaggageItem('tenant')).toBeUndefined();
		}
		// allowed but with a nonsense length: the default length applies
		const { tracer: t2 } = tracerWith({ getRestriction: () => ({ keyAllowed: true, maxValueLength: NaN }) as Restriction });
		const s2 = t2.startSpan('op') as JaegerSpan;
		s2.setBaggageItem('tenant', 'acme');
		expect(s2.getBaggageItem('tenant')).toBe('acme');
	});
});

// Runs the opentracing package's own compatibility suite (written for mocha + chai) under vitest:
// its describe/it/beforeEach globals are mapped to vitest's, its chai assertions run for real.
// A second run against a deliberately broken tracer must fail, proving the assertions execute.
import { createRequire } from 'node:module';
import { beforeEach, describe, it } from 'vitest';
import { Span } from 'opentracing';
import { initTracer, JaegerTracer, InMemoryReporter, nullLogger } from '../../../src/lib/tracer';

const require = createRequire(import.meta.url);

function makeTracer(): JaegerTracer {
	return initTracer({ serviceName: 'compat', sampler: { type: 'const', param: 1 } }, { reporter: new InMemoryReporter(), logger: nullLogger });
}

type Suite = (create: () => unknown, options: { skipBaggageChecks: boolean; skipInjectExtractChecks: boolean }) => void;

function loadSuite(globals: { describe: unknown; it: unknown; beforeEach: unknown }): Suite {
	Object.assign(globalThis, globals);
	// required after the globals exist; the suite registers its tests when called
	return (require('opentracing/lib/test/api_compatibility.js') as { default: Suite }).default;
}

describe('opentracing api_compatibility suite', () => {
	const suite = loadSuite({ describe, it, beforeEach });
	suite(makeTracer, { skipBaggageChecks: false, skipInjectExtractChecks: false });
});

/** Breaks every behaviour the suite asserts (except Reference construction, which only needs context()). */
class BrokenTracer extends JaegerTracer {
	startSpan(name: string, fields: Parameters<JaegerTracer['startSpan']>[1] = {}) {
		if (fields.references?.length || fields.childOf) throw new Error('broken: no children');
		const span = super.startSpan(name, fields);
		const ctx = span.context();
		(ctx as unknown as { toTraceId(): unknown }).toTraceId = () => 42;
		(ctx as unknown as { toSpanId(): unknown }).toSpanId = () => 42;
		span.getBaggageItem = () => 'wrong';
		(span as Span).finish = () => {
			throw new Error('broken finish');
		};
		return span;
	}
	protected _inject(): void {
		throw new Error('broken inject');
	}
	protected _extract(): never {
		throw new Error('broken extract');
	}
}

describe('the suite really asserts (every check fails against a broken tracer)', () => {
	// no `skip`: both option flags are false, so the suite never skips; if it tried, this run would throw
	const failing = (name: string, fn: () => void) => it.fails(name, fn);
	let inReference = false;
	const d = (name: string, fn: () => void) =>
		describe(name, () => {
			const was = inReference;
			inReference = inReference || name === 'Reference';
			fn();
			inReference = was;
		});
	const pick = (name: string, fn: () => void) => (inReference ? it(name, fn) : failing(name, fn));
	const suite = loadSuite({ describe: d, it: pick, beforeEach });
	suite(() => new BrokenTracer('broken', new InMemoryReporter(), { sample: () => ({ type: 'const', param: true }), close: (cb?: () => void) => cb?.() }, { logger: nullLogger }), {
		skipBaggageChecks: false,
		skipInjectExtractChecks: false
	});
});

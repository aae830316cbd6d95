// Shared set-up for tracer tests: a tracer with an in-memory reporter, a manual clock and a quiet logger.
import { initTracer, InMemoryReporter, type JaegerTracer, type TracingConfig } from '../../../src/lib/tracer';

export interface TestTracer {
	tracer: JaegerTracer;
	reporter: InMemoryReporter;
	clock: { ms: number };
	logs: string[];
	errors: string[];
}

export function testTracer(config: Partial<TracingConfig> = {}, extra: { traceId128bit?: boolean } = {}): TestTracer {
	const reporter = new InMemoryReporter();
	const clock = { ms: 1_700_000_000_000 };
	const logs: string[] = [];
	const errors: string[] = [];
	const tracer = initTracer(
		{ serviceName: 'svc', sampler: { type: 'const', param: 1 }, ...config },
		{
			reporter,
			now: () => clock.ms,
			logger: { info: (m) => logs.push(m), error: (m) => errors.push(m) },
			traceId128bit: extra.traceId128bit
		}
	);
	return { tracer, reporter, clock, logs, errors };
}

// Tracer throughput: start + 2 tags + 1 log + finish of a child span, in-memory reporting, run side by
// side with the OpenTelemetry SDK and jaeger-client in one process. Rounds are interleaved (ours,
// OTel, jaeger, ours, …) after a warm-up so JIT state and GC pressure hit every library alike; the
// median round is reported. Also: what an unsampled span costs.
import { context, trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import jaeger from 'jaeger-client';
import { initTracer, InMemoryReporter, nullLogger } from '../../src/lib/tracer';
import { printTable } from './lib/table';

const SPANS_PER_ROUND = 50_000;
const WARMUP_ROUNDS = 3;
const ROUNDS = 9;

interface Contender {
	name: string;
	/** runs n spans, returns nothing; must clear its own storage in reset() */
	run(n: number): void;
	reset(): void;
}

function ours(sampled: boolean): Contender {
	const reporter = new InMemoryReporter();
	const tracer = initTracer({ serviceName: 'bench', sampler: { type: 'const', param: sampled ? 1 : 0 } }, { reporter, logger: nullLogger });
	const parent = tracer.startSpan('parent');
	return {
		name: sampled ? 'Trace Tour tracer' : 'Trace Tour tracer (unsampled)',
		run(n) {
			for (let i = 0; i < n; i++) {
				const span = tracer.startSpan('child', { childOf: parent });
				span.setTag('http.method', 'GET');
				span.setTag('http.status_code', 200);
				span.log({ event: 'cache-miss' });
				span.finish();
			}
		},
		reset: () => reporter.clear()
	};
}

function otel(): Contender {
	const exporter = new InMemorySpanExporter();
	const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
	const tracer = provider.getTracer('bench');
	const parentCtx = trace.setSpan(context.active(), tracer.startSpan('parent'));
	return {
		name: 'OTel sdk-trace-base 2.12.1',
		run(n) {
			for (let i = 0; i < n; i++) {
				const span = tracer.startSpan('child', {}, parentCtx);
				span.setAttribute('http.method', 'GET');
				span.setAttribute('http.status_code', 200);
				span.addEvent('cache-miss');
				span.end();
			}
		},
		reset: () => exporter.reset()
	};
}

function jaegerClient(sampled: boolean): Contender {
	const reporter = new jaeger.InMemoryReporter();
	const tracer = new jaeger.Tracer('bench', reporter, new jaeger.ConstSampler(sampled));
	const parent = tracer.startSpan('parent');
	return {
		name: sampled ? 'jaeger-client 3.19.0' : 'jaeger-client 3.19.0 (unsampled)',
		run(n) {
			for (let i = 0; i < n; i++) {
				const span = tracer.startSpan('child', { childOf: parent });
				span.setTag('http.method', 'GET');
				span.setTag('http.status_code', 200);
				span.log({ event: 'cache-miss' });
				span.finish();
			}
		},
		reset: () => reporter.clear()
	};
}

const gc = (globalThis as { gc?: () => void }).gc;

/** ns per span for each contender, one entry per measured round. */
function measure(contenders: Contender[]): number[][] {
	const samples = contenders.map(() => [] as number[]);
	for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
		contenders.forEach((c, i) => {
			c.reset();
			gc?.();
			const t0 = process.hrtime.bigint();
			c.run(SPANS_PER_ROUND);
			const ns = Number(process.hrtime.bigint() - t0) / SPANS_PER_ROUND;
			if (round >= WARMUP_ROUNDS) samples[i].push(ns);
		});
	}
	return samples;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const sampledSet = [ours(true), otel(), jaegerClient(true)];
const sampledNs = measure(sampledSet).map(median);
const oursNs = sampledNs[0];
printTable({
	title: `Tracer: start + 2 tags + 1 log + finish, child span, in-memory reporter (median of ${ROUNDS} interleaved rounds × ${SPANS_PER_ROUND.toLocaleString('en-US')} spans)`,
	columns: ['tracer', 'spans/s', 'ns/span', 'ours is × faster'],
	rows: sampledSet.map((c, i) => [c.name, Math.round(1e9 / sampledNs[i]), Math.round(sampledNs[i]), i === 0 ? '—' : Number((sampledNs[i] / oursNs).toFixed(2))]),
	notes: [
		`Targets: ≥ 2× the OTel SDK (${(sampledNs[1] / oursNs).toFixed(2)}×), ≥ 1× jaeger-client (${(sampledNs[2] / oursNs).toFixed(2)}×).`,
		`Node ${process.version}${gc ? ', gc() between rounds' : ' (run with --expose-gc for gc between rounds)'}.`
	]
});

const unsampledSet = [ours(false), jaegerClient(false)];
const unsampledNs = measure(unsampledSet).map(median);
printTable({
	title: 'Unsampled span: the same calls when the sampler says no',
	columns: ['tracer', 'ns/span', 'spans/s'],
	rows: unsampledSet.map((c, i) => [c.name, Math.round(unsampledNs[i]), Math.round(1e9 / unsampledNs[i])]),
	notes: [`Unsampled costs ${((unsampledNs[0] / oursNs) * 100).toFixed(0)}% of a sampled span in our tracer (no tag/log storage, nothing reported).`]
});

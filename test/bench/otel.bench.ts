// The OpenTelemetry SDK inside a service vs our tracer, per span, each on the path a service really
// has: ours = tour/tracing's initTracer → RemoteReporter → the span sender (records JSON-encoded for
// jaeger-agent); OTel = '@opentelemetry/api' as the service gets it → BasicTracerProvider →
// BatchSpanProcessor → the OTLP/HTTP JSON exporter (official serializer). Both with the async-context
// patch installed, both sending to a network stub that answers at once, both flushed in chunks small
// enough that neither queue drops a span (checked). Two shapes: a child span with 2 tags/attributes
// and 1 log/event; the same made active (scope / context.with) around the work. Interleaved rounds,
// median reported. Target: the OTel path within 2× of ours.
import type * as api from '@opentelemetry/api';
import { installAsyncContext } from '../../src/lib/tracer';
import { createTracingModule } from '../../src/lib/runner/service/tracing-module';
import { createSpanBudget } from '../../src/lib/runner/service/span-budget';
import { createOtelRuntime } from '../../src/lib/runner/service/otel/otel-runtime';
import { printTable } from './lib/table';

installAsyncContext(globalThis);

const SPANS_PER_ROUND = 20_000;
/** below both queues' limits (the SDK's BatchSpanProcessor keeps 2048, our reporter 10,000) */
const CHUNK = 1000;
const WARMUP_ROUNDS = 3;
const ROUNDS = 9;

interface Contender {
	name: string;
	run(n: number): Promise<void>;
	sent(): number;
}

function ours(active: boolean): Contender {
	const budget = createSpanBudget(Number.MAX_SAFE_INTEGER, () => {});
	const tracing = createTracingModule({
		post: async (_url, body) => (body.length, 202),
		fetch: async () => ({ ok: true, status: 200, text: async () => '{}' }),
		logger: { info() {}, error() {} },
		onTracer() {},
		budget
	});
	const tracer = tracing.module.initTracer({ serviceName: 'bench', sampler: { type: 'const', param: 1 }, reporter: { maxQueueSize: 100_000 } });
	const parent = tracer.startSpan('parent');
	const reporter = tracer.reporter as unknown as { flush(): Promise<void> };
	return {
		name: `Trace Tour tracer → jaeger-agent${active ? ' (active scope)' : ''}`,
		async run(n) {
			for (let done = 0; done < n; done += CHUNK) {
				for (let i = 0; i < CHUNK; i++) {
					const span = tracer.startSpan('child', { childOf: parent });
					const scope = active ? tracer.activateSpan(span) : null;
					span.setTag('http.method', 'GET');
					span.setTag('http.status_code', 200);
					span.log({ event: 'cache-miss' });
					scope?.close();
					span.finish();
				}
				await reporter.flush();
			}
		},
		sent: () => budget.counter.sent
	};
}

function otel(active: boolean): Contender {
	const budget = createSpanBudget(Number.MAX_SAFE_INTEGER, () => {});
	const runtime = createOtelRuntime({ service: 'bench', send: async () => ({ status: 200, headers: {}, body: '{}' }), budget, onError: (m) => console.error(m) });
	const { trace, context } = runtime.modules['@opentelemetry/api'] as typeof api;
	const tracer = trace.getTracer('bench');
	const parentCtx = trace.setSpan(context.active(), tracer.startSpan('parent'));
	return {
		name: `OTel SDK → OTLP/HTTP JSON${active ? ' (context.with)' : ''}`,
		async run(n) {
			for (let done = 0; done < n; done += CHUNK) {
				for (let i = 0; i < CHUNK; i++) {
					const span = tracer.startSpan('child', {}, parentCtx);
					const work = () => {
						span.setAttribute('http.method', 'GET');
						span.setAttribute('http.status_code', 200);
						span.addEvent('cache-miss');
					};
					if (active) context.with(trace.setSpan(parentCtx, span), work);
					else work();
					span.end();
				}
				await runtime.flush();
			}
		},
		sent: () => budget.counter.sent
	};
}

const gc = (globalThis as { gc?: () => void }).gc;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function measure(contenders: Contender[]): Promise<number[]> {
	const samples = contenders.map(() => [] as number[]);
	for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
		for (const [i, c] of contenders.entries()) {
			gc?.();
			const before = c.sent();
			const t0 = process.hrtime.bigint();
			await c.run(SPANS_PER_ROUND);
			const ns = Number(process.hrtime.bigint() - t0) / SPANS_PER_ROUND;
			if (c.sent() - before !== SPANS_PER_ROUND) throw new Error(`${c.name}: sent ${c.sent() - before} of ${SPANS_PER_ROUND} spans`);
			if (round >= WARMUP_ROUNDS) samples[i].push(ns);
		}
	}
	return samples.map(median);
}

for (const active of [false, true]) {
	const set = [ours(active), otel(active)];
	const ns = await measure(set);
	printTable({
		title: `Inside a service: start + 2 tags + 1 log + finish, reported over the network stub${active ? ', span made active' : ''} (median of ${ROUNDS} interleaved rounds × ${SPANS_PER_ROUND.toLocaleString('en-US')} spans)`,
		columns: ['path', 'spans/s', 'ns/span', '× ours'],
		rows: set.map((c, i) => [c.name, Math.round(1e9 / ns[i]), Math.round(ns[i]), Number((ns[i] / ns[0]).toFixed(2))]),
		notes: [`Target: OTel within 2× of ours — it is ${(ns[1] / ns[0]).toFixed(2)}× (${ns[1] / ns[0] <= 2 ? 'met' : 'NOT met'}).`, `Node ${process.version}${gc ? ', gc() between rounds' : ''}.`]
	});
}

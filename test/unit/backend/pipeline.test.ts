import { describe, expect, it } from 'vitest';
import { createBackend, DEFAULT_PIPELINE, normalizePipelineConfig, type PipelineConfig, type PipelineSnapshot } from '../../../src/lib/backend/index';
import { childOf, span, T0 } from './fixtures';
import { manualTimers } from './manual-timers';

const now = () => T0 / 1000 + 60_000;
type Over = { [K in keyof PipelineConfig]?: Partial<PipelineConfig[K]> };
function config(over: Over = {}): PipelineConfig {
	const c = structuredClone(DEFAULT_PIPELINE);
	for (const k of Object.keys(over) as (keyof PipelineConfig)[]) Object.assign(c[k], over[k]);
	return c;
}
const post = (spans: unknown[]) => ({ method: 'POST', url: 'http://jaeger-collector:14268/api/traces', headers: {}, body: JSON.stringify({ spans }) });

describe('jaeger-collector queue', () => {
	it('writes at once while storage keeps up: the queue stays empty', () => {
		const b = createBackend({ now, timers: manualTimers().timers, pipeline: config({ collector: { queueSize: 2 } }) });
		const r = b.collector.writeSpans([span(), span(), span(), span(), span()]);
		expect(r).toMatchObject({ stored: 5, queued: 0, dropped: 0 });
		expect(b.collector.stats()).toMatchObject({ queued: 0, queueDropped: 0 });
	});

	it('fills while storage is slow and drops the INCOMING spans when full, counted as spans_dropped', () => {
		const clock = manualTimers();
		const b = createBackend({ now, timers: clock.timers, pipeline: config({ collector: { queueSize: 3, workers: 2 }, storage: { fault: 'slow' } }) });
		const spans = [span(), span(), span(), span(), span()];
		const r = b.collector.writeSpans(spans);
		expect(r).toMatchObject({ stored: 0, queued: 3, dropped: 2, reasons: { 'queue-full': 2 } });
		expect(r.errors.map((e) => e.spanID)).toEqual([spans[3].spanID, spans[4].spanID]);
		expect(b.collector.stats()).toMatchObject({ queued: 3, queueDropped: 2, received: 5 });
		clock.fire(); // one tick: two workers write two spans
		expect(b.store.stats().spans).toBe(2);
		expect(b.collector.stats().queued).toBe(1);
		b.collector.flush();
		expect(b.store.stats().spans).toBe(3);
		expect(b.store.getTrace(spans[0].traceID)).not.toBeNull();
		expect(b.store.getTrace(spans[4].traceID)).toBeNull();
	});

	it('a full collector drops everything; a down one answers 503', async () => {
		const full = createBackend({ now, timers: manualTimers().timers, pipeline: config({ collector: { fault: 'full' } }) });
		expect(full.collector.writeSpans([span(), span()])).toMatchObject({ dropped: 2, stored: 0 });
		const down = createBackend({ now, timers: manualTimers().timers, pipeline: config({ collector: { fault: 'down' } }) });
		expect((await down.collector.handler(post([span()]))).status).toBe(503);
	});

	it('storage down or full: writes fail and are counted, nothing is stored', () => {
		for (const fault of ['down', 'full'] as const) {
			const b = createBackend({ now, timers: manualTimers().timers, pipeline: config({ storage: { fault } }) });
			const r = b.collector.writeSpans([span(), span()]);
			expect(r).toMatchObject({ stored: 0, reasons: { 'storage-failed': 2 } });
			expect(b.collector.stats().failed).toBe(2);
			expect(b.storage.stats()).toMatchObject({ failed: 2, written: 0 });
			expect(b.store.stats().spans).toBe(0);
		}
	});

	it('raising the collector queue does not save packets the agent dropped', async () => {
		const run = async (agentQueue: number, collectorQueue: number) => {
			const clock = manualTimers();
			const b = createBackend({ now, timers: clock.timers, pipeline: config({ agent: { queueSize: agentQueue }, collector: { queueSize: collectorQueue } }) });
			const root = span();
			const packets = [[root], ...Array.from({ length: 9 }, () => [childOf(root)])];
			for (const p of packets) await b.agent.handler({ method: 'POST', url: 'http://jaeger-agent:6831/', headers: {}, body: JSON.stringify({ spans: p }) });
			await b.flush();
			return { stored: b.store.stats().spans, dropped: b.agent.stats().packetsDropped };
		};
		expect(await run(3, 2000)).toEqual({ stored: 3, dropped: 7 });
		expect(await run(3, 1_000_000)).toEqual({ stored: 3, dropped: 7 });
		expect(await run(1000, 2000)).toEqual({ stored: 10, dropped: 0 });
	});
});

describe('Kafka path', () => {
	it('collector → topic → ingester → storage, the topic holding what storage cannot take yet', () => {
		const clock = manualTimers();
		const b = createBackend({ now, timers: clock.timers, pipeline: config({ kafka: { enabled: true, ingesterRate: 2, capacity: 4 } }) });
		const r = b.collector.writeSpans([span(), span(), span(), span(), span()]);
		expect(r.stored).toBe(4); // safely in Kafka
		expect(b.kafka!.stats()).toMatchObject({ written: 4, refused: 1, lag: 4 });
		expect(b.store.stats().spans).toBe(0);
		clock.fire();
		expect(b.kafka!.stats()).toMatchObject({ lag: 2, consumed: 2, stored: 2 });
		b.kafka!.flush();
		expect(b.store.stats().spans).toBe(4);
	});
});

describe('snapshots for the Backend panel', () => {
	it('names every counter with its Jaeger metric and throttles to one per interval', async () => {
		const clock = manualTimers();
		const b = createBackend({ now, timers: clock.timers, pipeline: config({ agent: { queueSize: 1 } }) });
		const seen: PipelineSnapshot[] = [];
		b.onSnapshot((s) => seen.push(s));
		for (let i = 0; i < 5; i++) await b.agent.handler({ method: 'POST', url: 'http://jaeger-agent:6831/', headers: {}, body: JSON.stringify({ spans: [span()] }) });
		expect(seen).toHaveLength(0); // not one per packet
		clock.fire(); // the agent's tick and the snapshot timer
		expect(seen).toHaveLength(1);
		const agent = seen[0].components.find((c) => c.id === 'agent')!;
		const dropped = agent.counters.find((c) => c.id === 'dropped')!;
		expect(dropped).toMatchObject({ value: 4, metric: 'jaeger_agent_thrift_udp_server_packets_dropped_total', loss: true });
		expect(agent.counters.find((c) => c.id === 'queued')!.metric).toBe('jaeger_agent_thrift_udp_server_queue_size');
		const collector = seen[0].components.find((c) => c.id === 'collector')!;
		expect(collector.counters.map((c) => c.metric)).toContain('jaeger_collector_spans_dropped_total');
		expect(collector.counters.map((c) => c.metric)).toContain('jaeger_collector_queue_length');
		expect(structuredClone(seen[0])).toEqual(seen[0]);
		expect(seen[0].components.map((c) => c.id)).toEqual(['reporter', 'agent', 'collector', 'storage', 'query']);
	});

	it('configure() starts a fresh pipeline and keeps the stored traces', () => {
		const b = createBackend({ now, timers: manualTimers().timers });
		b.collector.writeSpans([span()]);
		b.configure(config({ kafka: { enabled: true } }));
		expect(b.collector.stats().received).toBe(0);
		expect(b.store.stats().spans).toBe(1);
		expect(b.snapshot().components.map((c) => c.id)).toContain('kafka');
	});
});

describe('normalizePipelineConfig (what crosses into the worker)', () => {
	it('keeps good values and puts defaults where values are missing, wrong or absurd', () => {
		const c = normalizePipelineConfig({ agent: { queueSize: 3, workers: -1, fault: 'exploded' }, storage: { type: 'elasticsearch', indexPrefix: 'Prod!' }, kafka: 'yes', extra: 1 });
		expect(c.agent).toEqual({ ...DEFAULT_PIPELINE.agent, queueSize: 3 });
		expect(c.storage).toEqual({ type: 'elasticsearch', indexPrefix: '', fault: 'none' });
		expect(c.kafka).toEqual(DEFAULT_PIPELINE.kafka);
		expect(normalizePipelineConfig(null)).toEqual(DEFAULT_PIPELINE);
		expect(normalizePipelineConfig({ collector: { queueSize: 1e12 } }).collector.queueSize).toBe(2000);
	});
});

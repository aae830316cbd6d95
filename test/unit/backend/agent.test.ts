import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../src/lib/backend/index';
import type { SimRequest } from '../../../src/lib/sim/types';
import { span, T0 } from './fixtures';
import { manualTimers } from './manual-timers';

const now = () => T0 / 1000 + 60_000;
const packet = (spans: unknown[], extra: object = {}): SimRequest => ({
	method: 'POST',
	url: 'http://jaeger-agent:6831/',
	headers: { 'content-type': 'application/json' },
	body: JSON.stringify({ spans, ...extra })
});

describe('jaeger-agent (a queue of UDP packets)', () => {
	it('answers 202 at once and forwards on the next processing tick', async () => {
		const clock = manualTimers();
		const b = createBackend({ now, timers: clock.timers });
		const res = await b.agent.handler(packet([span(), span()]));
		expect(res.status).toBe(202);
		expect(b.store.stats().spans).toBe(0); // still queued: UDP-like, nothing waited on
		expect(b.agent.stats()).toMatchObject({ packets: 1, spansReceived: 2, queued: 1, queuedSpans: 2, spansForwarded: 0 });
		clock.fire();
		expect(b.store.stats().spans).toBe(2);
		expect(b.agent.stats()).toMatchObject({ queued: 0, queuedSpans: 0, spansForwarded: 2, packetsProcessed: 1, packetsDropped: 0 });
	});

	it('drops the NEWEST packet whole when the queue is full, and counts packets and their spans', async () => {
		const clock = manualTimers();
		const b = createBackend({ now, timers: clock.timers, pipeline: undefined, agent: { queueSize: 2 } });
		const first = span();
		const second = span();
		await b.agent.handler(packet([first]));
		await b.agent.handler(packet([second]));
		const res = await b.agent.handler(packet([span(), span(), span()]));
		expect(res.status).toBe(202); // the sender never learns
		expect(b.agent.stats()).toMatchObject({ packets: 3, queued: 2, packetsDropped: 1, spansDropped: 3 });
		clock.fire();
		// the two that were waiting arrive; the burst's tail is what is lost
		expect(b.store.stats().spans).toBe(2);
		expect(b.store.getTrace(first.traceID)).not.toBeNull();
	});

	it('takes one packet per worker per tick, so a burst outruns a small queue', async () => {
		const clock = manualTimers();
		const b = createBackend({ now, timers: clock.timers, agent: { queueSize: 3, workers: 2 } });
		for (let i = 0; i < 3; i++) await b.agent.handler(packet([span()]));
		clock.fire(); // two packets leave
		expect(b.agent.stats().queued).toBe(1);
		for (let i = 0; i < 4; i++) await b.agent.handler(packet([span()]));
		expect(b.agent.stats()).toMatchObject({ queued: 3, packetsDropped: 2 });
	});

	it('a packet larger than maxPacketSize is a read error: all its spans are lost', async () => {
		const clock = manualTimers();
		const b = createBackend({ now, timers: clock.timers, agent: { maxPacketSize: 600 } });
		const big = span({ tags: [{ key: 'blob', type: 'string', value: 'x'.repeat(700) }] });
		expect((await b.agent.handler(packet([big]))).status).toBe(413);
		expect(b.agent.stats()).toMatchObject({ readErrors: 1, queued: 0 });
	});

	it('a down agent answers nobody; a full agent drops every packet; a slow one ticks ten times slower', async () => {
		const down = createBackend({ now, timers: manualTimers().timers, pipeline: { ...defaults(), agent: { ...defaults().agent, fault: 'down' } } });
		expect((await down.agent.handler(packet([span()]))).status).toBe(503);
		expect(down.agent.stats()).toMatchObject({ lostWhileDown: 1, packets: 0 });
		const full = createBackend({ now, timers: manualTimers().timers, pipeline: { ...defaults(), agent: { ...defaults().agent, fault: 'full' } } });
		await full.agent.handler(packet([span(), span()]));
		expect(full.agent.stats()).toMatchObject({ packetsDropped: 1, spansDropped: 2 });
		const ms: number[] = [];
		const slow = createBackend({
			now,
			timers: { setTimeout: (_fn, t) => (ms.push(t), 1), clearTimeout: () => {} },
			pipeline: { ...defaults(), agent: { ...defaults().agent, fault: 'slow' } }
		});
		await slow.agent.handler(packet([span()]));
		expect(ms).toEqual([50]);
	});

	it('batches the collector refuses are lost and counted (the agent does not keep them)', async () => {
		const clock = manualTimers();
		const b = createBackend({ now, timers: clock.timers });
		b.collector.stop();
		await b.agent.handler(packet([span(), span(), span()]));
		clock.fire();
		expect(b.agent.stats()).toMatchObject({ forwardFailures: 1, spansLostForwarding: 3, queued: 0 });
		b.collector.start();
		b.agent.flush();
		expect(b.store.stats().spans).toBe(0);
	});

	it('adds up what clients report about their own drops, latest report per service', async () => {
		const clock = manualTimers();
		const b = createBackend({ now, timers: clock.timers });
		await b.agent.handler(packet([span({ service: 'a' })], { clientStats: { fullQueueDroppedSpans: 2, tooLargeDroppedSpans: 1, failedToEmitSpans: 0 } }));
		await b.agent.handler(packet([span({ service: 'a' })], { clientStats: { fullQueueDroppedSpans: 3, tooLargeDroppedSpans: 1, failedToEmitSpans: 0 } }));
		await b.agent.handler(packet([span({ service: 'b' })], { clientStats: { fullQueueDroppedSpans: 0, tooLargeDroppedSpans: 0, failedToEmitSpans: 4 } }));
		expect(b.agent.stats().clientDrops).toEqual({ 'full-queue': 3, 'too-large': 1, 'send-failure': 4 });
	});

	it('answers 400 to a packet that is not JSON and leaves invalid spans to the collector', async () => {
		const clock = manualTimers();
		const b = createBackend({ now, timers: clock.timers });
		expect((await b.agent.handler({ ...packet([]), body: 'garbage' })).status).toBe(400);
		expect((await b.agent.handler({ ...packet([]), body: '{"batch": []}' })).status).toBe(400);
		expect((await b.agent.handler({ ...packet([]), method: 'GET' })).status).toBe(405);
		await b.agent.handler(packet([span(), { traceID: 'nope' }]));
		b.agent.flush();
		expect(b.agent.stats().readErrors).toBe(2);
		expect(b.collector.stats()).toMatchObject({ stored: 1, rejected: 1, reasons: { 'bad-trace-id': 1 } });
	});

	it('listens on 6831 and 6832 and cancels its timer on dispose', () => {
		const clock = manualTimers();
		const b = createBackend({ now, timers: clock.timers });
		const ports = b.handlers().filter((h) => h.host === 'jaeger-agent').map((h) => h.port);
		expect(ports.sort()).toEqual([5778, 6831, 6832]);
		b.agent.handler(packet([span()]));
		expect(clock.pending).toBe(1);
		b.dispose();
		expect(clock.pending).toBe(0);
	});
});

import { DEFAULT_PIPELINE } from '../../../src/lib/backend/index';
function defaults() {
	return structuredClone(DEFAULT_PIPELINE);
}

import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../src/lib/backend/index';
import type { SimRequest } from '../../../src/lib/sim/types';
import { span, T0 } from './fixtures';
import { manualTimers } from './manual-timers';

const now = () => T0 / 1000 + 60_000;
const packet = (spans: unknown[]): SimRequest => ({
	method: 'POST',
	url: 'http://jaeger-agent:6831/',
	headers: { 'content-type': 'application/json' },
	body: JSON.stringify({ spans })
});

describe('jaeger-agent', () => {
	it('answers 202 at once and forwards on the flush interval', async () => {
		const clock = manualTimers();
		const b = createBackend({ now, timers: clock.timers, agent: { batchSize: 100, flushIntervalMs: 1000 } });
		const res = await b.agent.handler(packet([span(), span()]));
		expect(res.status).toBe(202);
		expect(b.store.stats().spans).toBe(0); // still queued: UDP-like, nothing waited on
		expect(b.agent.stats()).toMatchObject({ received: 2, queued: 2, forwarded: 0 });
		expect(clock.pending).toBe(1);
		clock.fire();
		expect(b.store.stats().spans).toBe(2);
		expect(b.agent.stats()).toMatchObject({ received: 2, queued: 0, forwarded: 2, dropped: 0 });
		expect(clock.pending).toBe(0);
	});

	it('forwards as soon as a batch is full', async () => {
		const clock = manualTimers();
		const b = createBackend({ now, timers: clock.timers, agent: { batchSize: 3 } });
		await b.agent.handler(packet([span(), span(), span(), span()]));
		expect(b.store.stats().spans).toBe(4);
	});

	it('drops and counts spans that do not fit in the queue', async () => {
		const clock = manualTimers();
		const b = createBackend({ now, timers: clock.timers, agent: { queueSize: 5, batchSize: 100 } });
		await b.agent.handler(packet([span(), span(), span()]));
		const res = await b.agent.handler(packet([span(), span(), span(), span()]));
		expect(res.status).toBe(202); // the sender never learns
		expect(b.agent.stats()).toMatchObject({ received: 7, queued: 5, dropped: 2, droppedByReason: { 'queue-full': 2, 'agent-stopped': 0 } });
		clock.fire();
		expect(b.store.stats().spans).toBe(5);
	});

	it('a stopped agent loses what it held and what arrives', async () => {
		const clock = manualTimers();
		const b = createBackend({ now, timers: clock.timers });
		await b.agent.handler(packet([span()]));
		b.agent.stop();
		await b.agent.handler(packet([span(), span()]));
		expect(b.agent.stats()).toMatchObject({ received: 3, queued: 0, dropped: 3, droppedByReason: { 'agent-stopped': 3 } });
		b.agent.start();
		await b.agent.handler(packet([span()]));
		b.agent.flush();
		expect(b.store.stats().spans).toBe(1);
	});

	it('keeps batches while the collector is down, then fills up and drops', async () => {
		const clock = manualTimers();
		const b = createBackend({ now, timers: clock.timers, agent: { queueSize: 4, batchSize: 2 } });
		b.collector.stop();
		await b.agent.handler(packet([span(), span(), span()]));
		clock.fire();
		await b.agent.handler(packet([span(), span()]));
		expect(b.agent.stats()).toMatchObject({ queued: 4, dropped: 1, droppedByReason: { 'queue-full': 1 } });
		expect(b.agent.stats().forwardFailures).toBeGreaterThan(0);
		b.collector.start();
		clock.fire();
		expect(b.store.stats().spans).toBe(4);
	});

	it('answers 400 to a packet that is not JSON and leaves invalid spans to the collector', async () => {
		const clock = manualTimers();
		const b = createBackend({ now, timers: clock.timers });
		expect((await b.agent.handler({ ...packet([]), body: 'garbage' })).status).toBe(400);
		expect((await b.agent.handler({ ...packet([]), body: '{"batch": []}' })).status).toBe(400);
		expect((await b.agent.handler({ ...packet([]), method: 'GET' })).status).toBe(405);
		await b.agent.handler(packet([span(), { traceID: 'nope' }]));
		b.agent.flush();
		expect(b.agent.stats().badBatches).toBe(2);
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

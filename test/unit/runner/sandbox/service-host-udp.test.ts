import { describe, expect, it } from 'vitest';
import { createNetwork, type SimResponse } from '$lib/sim';
import { createRequestGuard } from '$lib/runner/world/request-guard';
import { createServiceHost } from '$lib/runner/world/service-host';
import type { ServiceLink } from '$lib/runner/world/service-handle';

const link = { service: 's01', stopped: false, call: async () => undefined, responsive: async () => true, stop() {} } as unknown as ServiceLink;
const events = { output() {}, error() {}, exit() {} };
const post = (url: string) => ({ method: 'POST', url, headers: {}, body: '{"spans":[]}' });

/** a host that answers only when told: what is sent to it stays in flight until then */
function slowHost() {
	const waiting: (() => void)[] = [];
	const handler = () => new Promise<SimResponse>((r) => waiting.push(() => r({ status: 202, headers: {}, body: '' })));
	return { handler, answerAll: () => waiting.splice(0).forEach((f) => f()), waiting: () => waiting.length };
}

describe("a service's sends and the cap on requests in flight", () => {
	it('span packets to a UDP port do not count: a burst of them slower to answer than the cap does not stop the run', async () => {
		const net = createNetwork();
		const agent = slowHost();
		net.listen('jaeger-agent', 6831, agent.handler, 'backend', { datagram: true });
		const trips: string[] = [];
		const guard = createRequestGuard(4, (m) => trips.push(m), { maxDatagrams: 100, onDatagramDrop: () => {} });
		const host = createServiceHost('s01', link, net, events, guard);
		const sends = Array.from({ length: 40 }, () => host.api.send(post('http://jaeger-agent:6831/')));
		await new Promise((r) => setTimeout(r, 0));
		expect(agent.waiting()).toBe(40);
		agent.answerAll();
		expect((await Promise.all(sends)).every((r) => r.ok)).toBe(true);
		expect(trips).toEqual([]);
	});

	it('the same burst to an HTTP port (the collector, a learner service) still stops at the cap', async () => {
		const net = createNetwork();
		const collector = slowHost();
		net.listen('jaeger-collector', 14268, collector.handler, 'backend');
		const trips: string[] = [];
		const guard = createRequestGuard(4, (m) => trips.push(m), { maxDatagrams: 100, onDatagramDrop: () => {} });
		const host = createServiceHost('s01', link, net, events, guard);
		const sends = Array.from({ length: 6 }, () => host.api.send(post('http://jaeger-collector:14268/api/traces')));
		await new Promise((r) => setTimeout(r, 0));
		collector.answerAll();
		const out = await Promise.all(sends);
		expect(out.filter((r) => !r.ok)).toHaveLength(2);
		expect(trips).toHaveLength(1);
		expect(trips[0]).toMatch(/more than 4 requests .* s01 → jaeger-collector/);
	});

	it('hand-made packets past the packet cap are dropped (the sender hears so), and the run goes on', async () => {
		const net = createNetwork();
		const agent = slowHost();
		net.listen('jaeger-agent', 6831, agent.handler, 'backend', { datagram: true });
		const drops: string[] = [];
		const guard = createRequestGuard(4, () => {}, { maxDatagrams: 10, onDatagramDrop: (m) => drops.push(m) });
		const host = createServiceHost('spam', link, net, events, guard);
		const sends = Array.from({ length: 15 }, () => host.api.send(post('http://jaeger-agent:6831/')));
		await new Promise((r) => setTimeout(r, 0));
		agent.answerAll();
		const out = await Promise.all(sends);
		expect(out.filter((r) => r.ok)).toHaveLength(10);
		expect(out.filter((r) => !r.ok).map((r) => (r.ok ? '' : 'message' in r.error ? r.error.message : ''))).toEqual(Array(5).fill('UDP packet dropped: too many packets on their way'));
		expect(drops).toHaveLength(1);
		expect(guard.stopped).toBe(false);
	});
});

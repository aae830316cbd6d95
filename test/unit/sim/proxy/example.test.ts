// The playground's proxy example, run as the browser runs it: one trace, rooted at the proxy's
// EntryPoint span, through the forward span into both services.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyExample } from '../../../../src/routes/playground/examples/proxy';
import { runWorld, setUpWorld, tearDownWorld } from '../../lessons/world';

beforeAll(setUpWorld);
afterAll(tearDownWorld);

describe('the proxy example', () => {
	it('gives one trace whose root is the proxy’s span, connecting every service', async () => {
		const r = await runWorld(proxyExample.files, { 'shopper.ts': 'shopper', 'frontend.ts': 'frontend', 'inventory.ts': 'inventory' }, '');
		expect(r.errors).toEqual([]);
		expect(r.console.filter((l) => l.service === 'shopper').map((l) => l.text)).toEqual(['200 1 teapot, 3 in stock']);
		expect(r.traces).toHaveLength(1);
		const spans = r.traces[0].spans;
		const byId = new Map(spans.map((s) => [s.spanID, s]));
		const service = (s: (typeof spans)[number]) => r.traces[0].processes[s.processID].serviceName;
		const path = (s: (typeof spans)[number]): string[] => {
			const parent = s.references[0] ? byId.get(s.references[0].spanID) : undefined;
			return [...(parent ? path(parent) : []), `${service(s)}:${s.operationName}`];
		};
		const roots = spans.filter((s) => s.references.length === 0);
		expect(roots.map((s) => `${service(s)}:${s.operationName}`)).toEqual(['traefik:EntryPoint web shop.local']);
		const deepest = spans.find((s) => s.operationName === 'check-stock')!;
		expect(path(deepest)).toEqual([
			'traefik:EntryPoint web shop.local',
			'traefik:forward frontend@file/shop@file',
			'frontend:GET /cart',
			'frontend:GET /stock',
			'inventory:check-stock'
		]);
		// the proxy's forward is a plain HTTP record from traefik
		expect(r.network.some((n) => n.from === 'traefik' && n.url === 'http://frontend:8080/cart' && n.status === 200)).toBe(true);
	});

	it('with propagation b3 the services (reading uber-trace-id) start their own trace: two traces', async () => {
		const files = { ...proxyExample.files, 'traefik.yml': proxyExample.files['traefik.yml'].replace('propagation: jaeger', 'propagation: b3') };
		const r = await runWorld(files, { 'shopper.ts': 'shopper', 'frontend.ts': 'frontend', 'inventory.ts': 'inventory' }, '');
		expect(r.errors).toEqual([]);
		const roots = r.traces.map((t) => t.spans.filter((s) => s.references.length === 0).map((s) => `${t.processes[s.processID].serviceName}:${s.operationName}`));
		expect(roots.flat().sort()).toEqual(['frontend:GET /cart', 'traefik:EntryPoint web shop.local']);
	});
});

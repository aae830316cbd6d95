// backend.worker.ts is only wiring; this checks the wiring: it exposes the worker API via comlink.
import { describe, expect, it, vi } from 'vitest';

const expose = vi.fn();
vi.mock('comlink', () => ({ expose }));

describe('backend.worker.ts', () => {
	it('exposes a working backend API with comlink', async () => {
		await import('../../../src/lib/backend/backend.worker');
		expect(expose).toHaveBeenCalledTimes(1);
		const api = expose.mock.calls[0][0];
		for (const m of ['init', 'handle', 'stats', 'clear', 'flush', 'endpoints']) expect(typeof api[m]).toBe('function');
		const res = await api.handle('jaeger-query', 16686, { method: 'GET', url: 'http://jaeger-query:16686/api/services', headers: {}, body: '' });
		expect(JSON.parse(res.body).data).toEqual([]);
		api.clear();
	});
});

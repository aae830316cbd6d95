// The simulated Jaeger lives in a worker of its own; if it stops answering, a run goes on without it
// and says so, instead of waiting for good (and with it every later Run, which waits for this one).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type SimulatedHost, type WorldDeps } from '$lib/runner';
import { inProcessPool, nodeCompiler } from '../../lessons/in-process';
import { setUpWorld, tearDownWorld, worldDir } from '../../lessons/world';

beforeAll(setUpWorld);
afterAll(tearDownWorld);

const never = () => new Promise<void>(() => {});
const files = { 'main.ts': `export async function main() { console.log('still ran'); }\n` };

async function runWith(host: SimulatedHost, hostAnswerMs = 200, timeLimitMs?: number) {
	const deps: WorldDeps = { compiler: nodeCompiler, pool: inProcessPool(worldDir()), hosts: [host], hostAnswerMs };
	return startWorld(deps, { files, timeLimitMs }).result;
}

describe('a simulated host that does not answer', () => {
	it('at the start: the run goes on without it and names it (once: it is not asked for its spans)', async () => {
		let flushed = false;
		const result = await runWith({ name: 'jaeger', attach: never, flush: async () => void (flushed = true) });
		expect(flushed).toBe(false);
		expect(result.console.map((l) => l.text)).toContain('still ran');
		expect(result.errors).toEqual([expect.objectContaining({ service: 'jaeger', where: 'no answer', message: 'jaeger did not start within 200 ms; the run went on without it. If this happens again, reload the page.' })]);
		expect(result.ok).toBe(false);
	});

	it('the wait for it does not count against the services’ time limit', async () => {
		const result = await runWith({ name: 'jaeger', attach: never, flush: async () => {} }, 1500, 1000);
		expect(result.timedOut).toBe(false);
		expect(result.console.map((l) => l.text)).toContain('still ran');
	});

	it('at the end: the run ends and says the spans were not handed over', async () => {
		const result = await runWith({ name: 'jaeger', attach: async () => {}, flush: never });
		expect(result.console.map((l) => l.text)).toContain('still ran');
		expect(result.errors.map((e) => e.message)).toEqual(['jaeger did not hand over its spans within 200 ms; the run ended without them. If this happens again, reload the page.']);
	});
});

// A run's sampling.json reaches the agent's /sampling, and a remote-sampled service follows it from
// its first poll: the whole path (files → backend → network → tracer) in Node, as in the browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWorld, setUpWorld, tearDownWorld } from './world';

beforeAll(setUpWorld);
afterAll(tearDownWorld);

const burst = `import { initTracer } from 'tour/tracing';
import { sleep } from 'tour/time';
const tracer = initTracer({ serviceName: 'burst', sampler: { type: 'remote', refreshIntervalMs: 1000 }, reporter: {} });
export async function main() {
  await sleep(30); // the remote sampler's first poll answers
  for (let i = 0; i < 200; i++) tracer.startSpan(i % 2 ? 'GET /health' : 'checkout').finish();
}
`;
const services = { 'burst.ts': 'burst' };
const roots = (r: Awaited<ReturnType<typeof runWorld>>, op?: string) => r.traces.filter((t) => t.spans.some((s) => !op || s.operationName === op)).length;

describe('sampling.json in a run', () => {
	it('no file: the course default samples every trace', async () => {
		const r = await runWorld({ 'burst.ts': burst }, services, '');
		expect(roots(r)).toBe(200);
	});

	it('a file served to the remote sampler: probabilistic 0 for the service samples nothing', async () => {
		const file = JSON.stringify({ service_strategies: [{ service: 'burst', type: 'probabilistic', param: 0 }] });
		const r = await runWorld({ 'burst.ts': burst, 'sampling.json': file }, services, '');
		expect(roots(r)).toBe(0);
		expect(r.console.some((l) => l.service === 'jaeger-collector' && /sampling\.json loaded/.test(l.text))).toBe(true);
	});

	it('per operation with a lower bound: /health never, checkout always', async () => {
		const file = JSON.stringify({
			default_strategy: { type: 'probabilistic', param: 0, default_lower_bound_traces_per_second: 0, operation_strategies: [{ operation: 'GET /health', type: 'probabilistic', param: 0 }, { operation: 'checkout', type: 'probabilistic', param: 1 }] }
		});
		const r = await runWorld({ 'burst.ts': burst, 'sampling.json': file }, services, '');
		expect(roots(r, 'checkout')).toBe(100);
		expect(roots(r, 'GET /health')).toBe(0);
	});

	it('a refused file: the reason in the Console, the previous strategies (here the default) served', async () => {
		const r = await runWorld({ 'burst.ts': burst, 'sampling.json': '{"default_strategy": {"type": "probabilistic", "param": 5}}' }, services, '');
		const lines = r.console.filter((l) => l.service === 'jaeger-collector').map((l) => l.text);
		expect(lines[0]).toMatch(/refused/);
		expect(lines[1]).toMatch(/sampling\.json:1 \(default_strategy\.param\)/);
		expect(roots(r)).toBe(200);
	});
});

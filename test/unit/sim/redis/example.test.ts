// The playground's Redis example run as the browser runs it: one trace from producer to worker,
// the worker's brPop(…, 0) parked so the run ends while it waits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisExample } from '../../../../src/routes/playground/examples/redis';
import { runWorld, setUpWorld, tearDownWorld } from '../../lessons/world';
import { typeErrors } from '../../lessons/typecheck';
import { summarizeRedis, type NetworkRecordEx } from '../../../../src/lib/sim';

beforeAll(setUpWorld);
afterAll(tearDownWorld);

describe('playground example: Redis job queue', () => {
	it('one trace across producer and worker, the context carried inside the job', async () => {
		const services = { 'producer.ts': 'producer', 'worker.ts': 'worker' };
		const r = await runWorld(redisExample.files, services, redisExample.args);
		expect(r.errors).toEqual([]);
		const lines = r.console.filter((l) => !l.text.startsWith('Reporting span')).map((l) => `${l.service}: ${l.text}`);
		expect(lines).toEqual(['producer: queued job-1', 'worker: resizing cat.png for job-1']);
		expect(r.traces).toHaveLength(1);
		const [trace] = r.traces;
		const byOp = new Map(trace.spans.map((s) => [s.operationName, s]));
		const enqueue = byOp.get('enqueue-job')!;
		const process = byOp.get('process-job')!;
		expect(trace.processes[enqueue.processID].serviceName).toBe('producer');
		expect(trace.processes[process.processID].serviceName).toBe('worker');
		expect(process.references).toEqual([{ refType: 'FOLLOWS_FROM', traceID: enqueue.traceID, spanID: enqueue.spanID }]);
		// the run's records are the network's own (RunOutput types them as plain NetworkRecords)
		const notes = (r.network as NetworkRecordEx[]).filter((n) => n.protocol === 'redis').map(summarizeRedis);
		expect(notes).toContainEqual(expect.stringMatching(/^LPUSH jobs "\{"id":"job-1".*" → 1$/));
		expect(notes).toContainEqual(expect.stringMatching(/^BRPOP jobs 0 → (\(blocked \d+ ms\) )?jobs "\{"id":"job-1"/));
	});

	it('type-checks against the editor’s typings of tour/redis', () => {
		expect(typeErrors({ example: redisExample.files })).toEqual([]);
	}, 60_000);
});

// process.exit() in the world, on the in-process services the lesson tests use (the browser's worker
// runs the same service-api.ts; the page's side of the exit message is tested in sandbox/link.test.ts).
// As in Node: the program ends at once, nothing after the call runs, its timers and requests are
// dropped, and its tracer is not closed — spans still buffered are lost, spans sent before are kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorldHosts, WORLD_HOST_KINDS } from '$lib/sim';
import { startWorld, type RunRequest, type WorldDeps } from '$lib/runner';
import { inProcessBackend, inProcessPool, nodeCompiler } from './in-process';
import { setUpWorld, tearDownWorld, worldDir } from './world';

beforeAll(setUpWorld);
afterAll(tearDownWorld);

async function run(req: RunRequest) {
	const backend = inProcessBackend();
	const deps: WorldDeps = { compiler: nodeCompiler, pool: inProcessPool(worldDir()), hosts: [backend, createWorldHosts(WORLD_HOST_KINDS)] };
	try {
		const result = await startWorld(deps, req).result;
		const traces = await backend.traces();
		return { result, operations: traces.flatMap((t) => t.spans.map((s) => s.operationName)).sort(), lines: result.console.map((l) => `${l.service} ${l.stream}: ${l.text}`) };
	} finally {
		backend.dispose();
	}
}

const job = (body: string, tracerInit = "initTracer('job')") => ({
	files: {
		'job.ts': `import { initTracer } from 'tour/tracing';
import { sleep } from 'tour/time';
const tracer = initTracer${tracerInit.slice('initTracer'.length)};
export async function main(): Promise<void> {
${body}
}
`
	},
	services: { 'job.ts': 'job' }
});

describe('process.exit on in-process services', () => {
	it('ends the program at once: spans still in the reporter are lost, nothing after it runs, its timer never fires', async () => {
		const r = await run(
			job(`  const span = tracer.startSpan('export');
  await sleep(5);
  span.finish();
  console.log('done');
  // due at once, but set in the same synchronous stretch as the exit: it must never fire
  setTimeout(() => console.log('timer fired'), 0);
  process.exit(0);
  console.log('after exit');`)
		);
		expect(r.operations).toEqual([]);
		expect(r.lines.filter((l) => !l.includes('Reporting span'))).toEqual(['job out: done', 'job system: exited with code 0']);
		expect(r.result.ok).toBe(true);
		expect(r.result.errors).toEqual([]);
		expect(r.result.services).toMatchObject([{ name: 'job', end: 'exited', exitStatus: 0, spansReported: 0 }]);
		await new Promise((done) => setTimeout(done, 60));
		expect(r.result.console.some((l) => l.text === 'timer fired')).toBe(false);
	});

	it('spans flushed before the exit are kept: await tracer.close(), or an earlier flush interval', async () => {
		const closed = await run(
			job(`  const span = tracer.startSpan('export');
  span.finish();
  await tracer.close();
  process.exit(0);`)
		);
		expect(closed.operations).toEqual(['export']);

		const interval = await run(
			job(
				`  tracer.startSpan('early').finish();
  await sleep(120);
  tracer.startSpan('late').finish();
  process.exit(0);`,
				"initTracer({ serviceName: 'job', sampler: { type: 'const', param: 1 }, reporter: { flushIntervalMs: 20 } })"
			)
		);
		expect(interval.operations).toEqual(['early']);
	});

	it('close() without waiting for it, then exit: the flush never leaves', async () => {
		const r = await run(
			job(`  tracer.startSpan('export').finish();
  tracer.close();
  process.exit(0);`)
		);
		expect(r.operations).toEqual([]);
	});

	it('a status other than 0 is a failed command; the status is kept to 8 bits, as a shell sees it', async () => {
		const failed = await run(job(`  console.error('no rows');\n  process.exit(3);`));
		expect(failed.result.ok).toBe(false);
		expect(failed.result.errors).toMatchObject([{ service: 'job', where: 'exit status', message: 'exited with code 3' }]);
		expect(failed.lines).toEqual(['job err: no rows', 'job err: exited with code 3']);
		expect(failed.result.services[0]).toMatchObject({ end: 'exited', exitStatus: 3 });

		const wrapped = await run(job(`  process.exit(-1);`));
		expect(wrapped.result.services[0]).toMatchObject({ end: 'exited', exitStatus: 255 });
		const text = await run(job(`  process.exit('0' as unknown as number);`));
		expect(text.result.services[0]).toMatchObject({ end: 'exited', exitStatus: 0 });
	});

	it('a code that is not an integer throws, as in Node, and the program goes on', async () => {
		const r = await run(job(`  try {\n    process.exit(1.5);\n  } catch (e) {\n    console.log((e as Error).name);\n  }\n  console.log('still here');`));
		expect(r.lines).toEqual(['job out: TypeError', 'job out: still here']);
		expect(r.result.services[0].end).toBe('finished');
	});

	it('a catch around exit swallows the signal, but the program has ended: nothing it does is seen', async () => {
		const r = await run(job(`  try {\n    process.exit(0);\n  } catch {\n    console.log('caught');\n  }\n  console.log('after');\n  throw new Error('late');`));
		expect(r.lines).toEqual(['job system: exited with code 0']);
		expect(r.result.errors).toEqual([]);
		expect(r.result.services[0].end).toBe('exited');
	});

	it('exit at the top level of a module: the program ends before main', async () => {
		const r = await run({ files: { 'job.ts': `console.log('top');\nprocess.exit(0);\nexport function main() {\n  console.log('main');\n}\n` }, services: { 'job.ts': 'job' } });
		expect(r.lines).toEqual(['job out: top', 'job system: exited with code 0']);
		expect(r.result.services[0].end).toBe('exited');
	});

	it('a server that exits stops serving: the request it was handling is cut, the next is refused', async () => {
		const r = await run({
			files: {
				'client.ts': `import { fetch } from 'tour/http';
export async function main(): Promise<void> {
  for (const path of ['/quit', '/hello']) {
    try {
      const res = await fetch('http://server:8080' + path);
      console.log(path, res.status);
    } catch (e) {
      console.log(path, (e as Error).message);
    }
  }
}
`,
				'server.ts': `import { serve } from 'tour/http';
serve(8080, (req) => {
  if (req.path === '/quit') process.exit(0);
  return 'hello';
});
`
			},
			services: { 'client.ts': 'client', 'server.ts': 'server' }
		});
		expect(r.lines).toEqual(['server system: exited with code 0', 'client out: /quit fetch failed: socket hang up', 'client out: /hello fetch failed: connect ECONNREFUSED server:8080']);
		expect(r.result.services).toMatchObject([
			{ name: 'client', end: 'finished' },
			{ name: 'server', end: 'exited', exitStatus: 0 }
		]);
	});
});

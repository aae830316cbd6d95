// The Node stand-ins for startWorld's workers keep services apart as workers do, and the world
// reports what it reports in the browser: console per service, errors on the learner's lines, the
// time limit. (Every lesson step then runs through them: steps.test.ts, mistakes.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorldHosts, WORLD_HOST_KINDS } from '$lib/sim';
import { startWorld, type RunRequest, type WorldDeps } from '$lib/runner';
import { inProcessBackend, inProcessPool, nodeCompiler } from './in-process';
import { runWorld, setUpWorld, tearDownWorld, worldDir } from './world';

beforeAll(setUpWorld);
afterAll(tearDownWorld);

async function run(req: RunRequest) {
	const backend = inProcessBackend();
	const deps: WorldDeps = { compiler: nodeCompiler, pool: inProcessPool(worldDir()), hosts: [backend, createWorldHosts(WORLD_HOST_KINDS)] };
	try {
		const result = await startWorld(deps, req).result;
		return { result, traces: await backend.traces() };
	} finally {
		backend.dispose();
	}
}

const server = `import { serve } from 'tour/http';
import { globalTracer } from 'opentracing';
import { initTracer } from 'tour/tracing';
const tracer = initTracer('formatter');
serve(8081, (req) => {
  console.log('formatting', req.query.name);
  const span = tracer.startSpan('format');
  span.setTag('global-is-noop', globalTracer().startSpan('probe').context().toTraceId() === '');
  span.finish();
  return 'Hello, ' + req.query.name + '!';
});
`;
const client = `import { fetch } from 'tour/http';
import { initGlobalTracer } from 'opentracing';
import { initTracer } from 'tour/tracing';
const tracer = initTracer('hello-world');
initGlobalTracer(tracer);
export async function main(): Promise<void> {
  const span = tracer.startSpan('say-hello');
  using scope = tracer.activateSpan(span);
  const res = await fetch('http://formatter:8081/?name=' + process.argv[2]);
  console.log(await res.text());
  span.finish();
}
`;

describe('startWorld on in-process services', () => {
	it('console lines per service; no caller span and no other service’s global tracer inside a service', async () => {
		const r = await runWorld({ 'hello.ts': client, 'formatter.ts': server }, { 'hello.ts': 'hello', 'formatter.ts': 'formatter' }, 'Bryan');
		expect(r.errors).toEqual([]);
		expect(r.console.filter((l) => !l.text.startsWith('Reporting span'))).toEqual([
			{ service: 'formatter', stream: 'out', text: 'formatting Bryan' },
			{ service: 'hello', stream: 'out', text: 'Hello, Bryan!' }
		]);
		// no context crossed the wire, so no trace continued: two traces, each a root span
		expect(r.traces.map((t) => t.spans.map((s) => [s.operationName, s.references.length]))).toEqual([[['say-hello', 0]], [['format', 0]]]);
		expect(r.traces[1].spans[0].tags).toContainEqual({ key: 'global-is-noop', type: 'bool', value: true });
		expect(r.records).toHaveLength(2);
		expect(r.network.map((n) => n.to)).toEqual(['formatter:8081']);
	});

	it('an uncaught error is reported on the learner’s line', async () => {
		const { result } = await run({
			files: { 'hello.ts': `export function main() {\n  const x = 1;\n  throw new Error('boom ' + x);\n}\n` },
			services: { 'hello.ts': 'hello' }
		});
		expect(result.ok).toBe(false);
		expect(result.errors).toMatchObject([{ service: 'hello', where: 'main', message: 'boom 1', file: 'hello.ts', line: 3 }]);
		expect(result.services[0].end).toBe('failed');
	});

	it('an error a service reports on its own (a request handler that throws) keeps where it happened', async () => {
		const { result } = await run({
			files: {
				'client.ts': `import { fetch } from 'tour/http';\nexport async function main() {\n  const res = await fetch('http://server:8080/');\n  console.log('got', res.status);\n}\n`,
				'server.ts': `import { serve } from 'tour/http';\nserve(8080, () => {\n  throw new Error('handler broke');\n});\n`
			}
		});
		expect(result.errors).toMatchObject([{ service: 'server', where: 'request handler', message: 'handler broke', file: 'server.ts', line: 3 }]);
		expect(result.console.map((l) => l.text)).toContain('got 500');
	});

	it('an error that is the browser running out of memory says so', async () => {
		const { result } = await run({
			files: { 'hello.ts': `export function main() {\n  const sizes: number[] = [];\n  sizes.length = -1;\n}\n` },
			services: { 'hello.ts': 'hello' }
		});
		expect(result.errors).toMatchObject([{ where: 'main', message: 'Invalid array length' }]);
		expect(result.console.at(-1)?.text).toMatch(/running out of memory .* a loop that keeps allocating/);
	});

	it('a server that calls itself twice per request is stopped at the request cap, naming the loop', async () => {
		const { result } = await run({
			files: {
				'client.ts': `import { fetch } from 'tour/http';\nexport async function main() {\n  await fetch('http://echo:8080/');\n}\n`,
				'echo.ts': `import { serve, fetch } from 'tour/http';\nserve(8080, async () => {\n  await Promise.all([fetch('http://echo:8080/'), fetch('http://echo:8080/')]);\n  return 'ok';\n});\n`
			},
			timeLimitMs: 4000
		});
		expect(result.timedOut).toBe(false);
		expect(result.stopped).toBe(false);
		expect(result.errors).toMatchObject([{ service: 'runner', where: 'request limit', message: expect.stringMatching(/more than 256 requests .* echo → echo/) }]);
		expect(result.services.map((s) => s.end)).toEqual(['stopped', 'stopped']);
	});

	it('the time limit stops a client still waiting, and its timers with it', async () => {
		const { result } = await run({
			files: { 'hello.ts': `export function main() {\n  setInterval(() => console.log('tick'), 20);\n}\n` },
			services: { 'hello.ts': 'hello' },
			timeLimitMs: 200
		});
		expect(result.timedOut).toBe(true);
		expect(result.services[0].end).toBe('stopped');
		expect(result.console.at(-1)?.text).toMatch(/did not finish within 200 ms \(waiting for 1 timer and 0 requests\); stopped/);
		const printed = result.console.length;
		await new Promise((r) => setTimeout(r, 100));
		expect(result.console.length).toBe(printed);
	});
});

describe('a span used after finish()', () => {
	it('is said once per span in the Console, in English', async () => {
		const program = `import { initTracer } from 'tour/tracing';
const tracer = initTracer('hello-world');
const a = tracer.startSpan('say-hello');
a.finish();
a.log({ event: 'println' });
a.setTag('hello-to', 'Bryan');
a.finish();
const b = tracer.startSpan('other');
b.finish();
b.setBaggageItem('greeting', 'Bonjour');
`;
		const r = await runWorld({ 'hello.ts': program }, { 'hello.ts': 'hello' }, '');
		const warnings = r.console.filter((l) => /after finish\(\)|only call finish/.test(l.text));
		expect(warnings.map((l) => [l.service, l.stream, l.text.replace(/context=[^#]*#/, 'context=…#')])).toEqual([
			['hello', 'err', 'operation=say-hello,context=…#log() after finish(): the span "say-hello" was already reported, so what this call records is lost. Tag, log and set baggage before finish().'],
			['hello', 'err', 'operation=other,context=…#setBaggageItem() after finish(): the span "other" was already reported, so what this call records is lost. Tag, log and set baggage before finish().']
		]);
	});
});

// The whole path with the real tracer: tracer → remote reporter's sender → jaeger-agent :6831 →
// collector → store → jaeger-query :16686, with the remote sampler polling :5778 on the way.
import { describe, expect, it } from 'vitest';
import { parseTraceFile } from '../../../src/lib/model/index';
import { createBackend } from '../../../src/lib/backend/index';
import { initTracer, nullLogger } from '../../../src/lib/tracer/index';
import type { SpanRecord } from '../../../src/lib/model/types';

describe('tracer → agent → collector → store → query', () => {
	it('lands a learner’s spans and serves them as Jaeger JSON', async () => {
		const backend = createBackend();
		// what the simulated network will do: route by host:port to the backend's handlers
		const send = (url: string, body: string) => backend.fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
		const fetchForSampler = async (url: string) => {
			const r = await backend.fetch(url);
			return { ok: r.status < 300, status: r.status, text: async () => String(r.body) };
		};
		const tracerFor = (serviceName: string) =>
			initTracer(
				{ serviceName, sampler: { type: 'remote', param: 0 }, reporter: { flushIntervalMs: 60_000 } },
				{
					sender: async (records: SpanRecord[]) => {
						const res = await send('http://jaeger-agent:6831/', JSON.stringify({ spans: records }));
						if (res.status !== 202) throw new Error(`agent answered ${res.status}`);
					},
					fetch: fetchForSampler,
					logger: nullLogger
				}
			);
		const hello = tracerFor('hello-world');
		const formatter = tracerFor('formatter');
		// initial rate 0 samples nothing: only the strategy from :5778 (probabilistic 1.0) lets spans through
		await new Promise((r) => setTimeout(r, 10));

		const root = hello.startSpan('say-hello');
		root.setTag('hello-to', 'Bryan');
		const child = formatter.startSpan('format', { childOf: root.context() });
		child.setTag('span.kind', 'server');
		child.log({ event: 'string-format', value: 'Hello, Bryan!' });
		child.finish();
		root.finish();
		await Promise.all([hello.close(), formatter.close()]);
		await backend.flush(); // the agent forwards on its own interval; do not wait for it

		expect(backend.stats().agent).toMatchObject({ spansReceived: 2, spansForwarded: 2, packetsDropped: 0 });
		expect(backend.stats().collector).toMatchObject({ stored: 2, rejected: 0 });

		// the id as jaeger-client logs it: leading zeros stripped
		const traceID = (root.context() as unknown as { toTraceId(): string }).toTraceId();
		const [found] = await backend.client.findTraces({ service: 'hello-world', tags: { 'hello-to': 'Bryan' } });
		expect(found).toBeDefined();
		const res = await backend.fetch(`http://jaeger-query:16686/api/traces/${found.traceID}`);
		expect(res.status).toBe(200);
		const body = JSON.parse(String(res.body));
		// what jaeger-query answers imports through the same importer as the trace fixtures, unrepaired
		const imported = parseTraceFile(String(res.body));
		expect(imported.format).toBe('jaeger-json');
		expect(imported.traces).toHaveLength(1);
		expect(imported.traces[0].spans).toHaveLength(2);
		expect(imported.warnings).toEqual([]);
		expect(imported.traces[0].spans.flatMap((s) => s.warnings ?? [])).toEqual([]);
		const trace = body.data[0];
		expect(trace.spans.map((s: { operationName: string }) => s.operationName).sort()).toEqual(['format', 'say-hello']);
		expect(Object.values(trace.processes).map((p) => (p as { serviceName: string }).serviceName).sort()).toEqual(['formatter', 'hello-world']);
		const fmt = trace.spans.find((s: { operationName: string }) => s.operationName === 'format');
		expect(fmt.references[0]).toMatchObject({ refType: 'CHILD_OF', traceID: trace.traceID });
		expect(trace.processes[fmt.processID].serviceName).toBe('formatter');
		// the short id the tracer logs finds the same trace
		expect((await backend.client.getTrace(traceID))!.traceID).toBe(trace.traceID);
		expect(await backend.client.findTraces({ service: 'formatter', tags: 'event=string-format' })).toHaveLength(1);
		expect(await backend.client.getDependencies()).toEqual([{ parent: 'hello-world', child: 'formatter', callCount: 1 }]);
		backend.dispose();
	});
});

// Backend bench: 1 M spans (100k traces × 10 spans, 5 services, 20 operations, a few tags) through
// the collector's write path; trace searches by service + operation + tag over that store; the
// dependencies query. Targets: ingest < 5 s, findTraces p50 < 50 ms.
import { cpus, loadavg } from 'node:os';
import { createBackend } from '../../src/lib/backend/index';
import type { KeyValue, SpanRecord } from '../../src/lib/model/types';
import { percentile, printTable } from './lib/table';

const TRACES = 100_000;
const SPANS_PER_TRACE = 10;
const SERVICES = ['frontend', 'customer', 'driver', 'route', 'redis'];
const OPS_PER_SERVICE = 4;
const QUERIES = 200;
const T0 = Date.now() * 1000 - 3600e6;

// A small deterministic PRNG so every run searches the same data.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
const hex = (n: number) => n.toString(16).padStart(16, '0');
const STATUS = [200, 200, 200, 200, 404, 500];

function makeSpans(): SpanRecord[] {
	const processes = SERVICES.map((s, i) => ({
		serviceName: s,
		tags: [
			{ key: 'hostname', type: 'string', value: `${s}-host` },
			{ key: 'ip', type: 'string', value: `10.0.0.${i + 1}` },
			{ key: 'jaeger.version', type: 'string', value: 'Trace-Tour-0.1' }
		] as KeyValue[]
	}));
	const out: SpanRecord[] = [];
	let spanSeq = 1;
	for (let t = 0; t < TRACES; t++) {
		const traceID = hex(0x1_0000_0000 + t);
		const start = T0 + t * 30_000;
		const ids: string[] = [];
		for (let s = 0; s < SPANS_PER_TRACE; s++) {
			const svc = s === 0 ? 0 : Math.floor(rand() * SERVICES.length);
			const status = pick(STATUS);
			const spanID = hex(spanSeq++);
			const tags: KeyValue[] = [
				{ key: 'span.kind', type: 'string', value: s === 0 ? 'server' : pick(['server', 'client']) },
				{ key: 'http.status_code', type: 'int64', value: status },
				{ key: 'customer', type: 'string', value: `c${Math.floor(rand() * 1000)}` }
			];
			if (status === 500) tags.push({ key: 'error', type: 'bool', value: true });
			out.push({
				traceID,
				spanID,
				flags: 1,
				operationName: `${SERVICES[svc]}-op${Math.floor(rand() * OPS_PER_SERVICE)}`,
				references: s === 0 ? [] : [{ refType: 'CHILD_OF', traceID, spanID: pick(ids) }],
				startTime: start + s * 100,
				duration: Math.floor(rand() * 50_000) + 10,
				tags,
				logs: s % 3 === 0 ? [{ timestamp: start + s * 100 + 5, fields: [{ key: 'event', type: 'string', value: 'cache-miss' }] }] : [],
				process: processes[svc]
			});
			ids.push(spanID);
		}
	}
	return out;
}

// CPU seconds (user + system) beside wall seconds: on a shared machine the wall clock also counts
// the time other processes held the cores.
const cpuS = (since: NodeJS.CpuUsage) => {
	const d = process.cpuUsage(since);
	return (d.user + d.system) / 1e6;
};

const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = () => {
	gc?.();
	return process.memoryUsage().heapUsed / 1e6;
};

const spans = makeSpans();
const heapBefore = heapMb();
const backend = createBackend({ store: { maxTraces: 150_000, maxSpans: 2_000_000 } });

// 1. ingest through the collector's in-process write path (what the agent uses)
const load = loadavg()[0];
let cpu = process.cpuUsage();
let t = performance.now();
for (let i = 0; i < spans.length; i += 1000) backend.collector.writeSpans(spans.slice(i, i + 1000));
const ingestS = (performance.now() - t) / 1000;
const ingestCpuS = cpuS(cpu);
const st = backend.store.stats();
if (st.spans !== spans.length) throw new Error(`stored ${st.spans} of ${spans.length}`);
const heapAfter = heapMb();

// 2. the HTTP path (JSON bodies of 100 spans, as reporters send) on a fresh backend, 100k spans
const jsonBackend = createBackend();
const bodies: string[] = [];
for (let i = 0; i < 100_000; i += 100) bodies.push(JSON.stringify({ spans: spans.slice(i, i + 100) }));
cpu = process.cpuUsage();
t = performance.now();
for (const body of bodies) await jsonBackend.collector.handler({ method: 'POST', url: 'http://jaeger-collector:14268/api/traces', headers: {}, body });
const jsonS = (performance.now() - t) / 1000;
const jsonCpuS = cpuS(cpu);

// 3. searches by service + operation + tag, in the store and through the HTTP API (JSON out)
const queries = Array.from({ length: QUERIES }, () => {
	const service = pick(SERVICES);
	const tag = pick<[string, string]>([['http.status_code', '500'], ['error', 'true'], ['customer', `c${Math.floor(rand() * 1000)}`], ['span.kind', 'client']]);
	return { service, operation: `${service}-op${Math.floor(rand() * OPS_PER_SERVICE)}`, tags: { [tag[0]]: tag[1] }, limit: 20 };
});
const storeMs: number[] = [];
const httpMs: number[] = [];
let found = 0;
for (const q of queries) {
	t = performance.now();
	found += backend.store.findTraces(q).length;
	storeMs.push(performance.now() - t);
	const url = `http://jaeger-query:16686/api/traces?service=${q.service}&operation=${q.operation}&tags=${encodeURIComponent(JSON.stringify(q.tags))}&limit=20`;
	t = performance.now();
	const res = await backend.query({ method: 'GET', url, headers: {}, body: '' });
	JSON.parse(res.body);
	httpMs.push(performance.now() - t);
}
// a search that matches nothing walks its whole shortest list: the worst case
t = performance.now();
backend.store.findTraces({ service: 'frontend', operation: 'frontend-op0', tags: { 'span.kind': 'client' }, minDuration: 10e6, limit: 20 });
const worstMs = performance.now() - t;

// 4. dependencies over the whole store: first call computes per-trace calls, later ones reuse them
t = performance.now();
const links = backend.store.getDependencies(Date.now() * 1000, 2 * 86400e6);
const depsColdMs = performance.now() - t;
t = performance.now();
backend.store.getDependencies(Date.now() * 1000, 2 * 86400e6);
const depsWarmMs = performance.now() - t;

printTable({
	title: 'Backend: ingest (1 M spans, 100k traces, 5 services, 20 operations)',
	columns: ['path', 'spans', 'wall s', 'CPU s', 'spans/s (wall)', 'target'],
	rows: [
		['collector.writeSpans (in-process, batches of 1000)', spans.length, ingestS, ingestCpuS, Math.round(spans.length / ingestS), ingestS < 5 ? '< 5 s ✓' : '< 5 s ✗'],
		['POST /api/traces (JSON, batches of 100)', 100_000, jsonS, jsonCpuS, Math.round(100_000 / jsonS), '—']
	],
	notes: [
		`Load average when ingest started: ${load.toFixed(1)} on ${cpus().length} cores.`,
		`Store after ingest: ${st.traces.toLocaleString('en-US')} traces, ${st.indexKeys.toLocaleString('en-US')} index keys, heap +${Math.round(heapAfter - heapBefore)} MB (spans generated beforehand: ${Math.round(heapBefore)} MB).`
	]
});
printTable({
	title: `Backend: findTraces by service + operation + tag (${QUERIES} queries, limit 20)`,
	columns: ['path', 'p50 ms', 'p99 ms', 'max ms', 'target'],
	rows: [
		['store.findTraces', percentile(storeMs, 50), percentile(storeMs, 99), Math.max(...storeMs), percentile(storeMs, 50) < 50 ? 'p50 < 50 ms ✓' : 'p50 < 50 ms ✗'],
		['GET /api/traces (JSON out)', percentile(httpMs, 50), percentile(httpMs, 99), Math.max(...httpMs), '—'],
		['no match (walks a whole list)', worstMs, worstMs, worstMs, '—']
	],
	notes: [`${found.toLocaleString('en-US')} traces returned in all.`]
});
printTable({
	title: 'Backend: getDependencies over 100k traces',
	columns: ['call', 'ms', 'links'],
	rows: [
		['first (computes calls per trace)', depsColdMs, links.length],
		['again (cached per trace)', depsWarmMs, links.length]
	]
});
backend.dispose();
jsonBackend.dispose();

// 5. in Chromium: a 100,000-span burst through agent → collector → store with the Backend panel open
const { backendBurst } = await import('./lib/backend-burst');
const burst = await backendBurst();
const longest = Math.max(0, ...burst.longTasks);
printTable({
	title: 'Backend in the browser: a 100,000-span burst (20 services × 5,000 spans over UDP), Backend panel open',
	columns: ['spans sent', 'written', 'packets dropped', 'spans/s (panel clock)', 'long tasks', 'longest ms', 'target'],
	rows: [[burst.spans, burst.written, burst.dropped, Math.round((burst.written / burst.ingestMs) * 1000), burst.longTasks.length, longest, longest < 50 ? 'each < 50 ms ✓' : 'each < 50 ms ✗']],
	notes: [`Run status: ${burst.status}. Throughput: storage's written counter from its first non-zero value to its last, sampled every 20 ms in the page.`]
});

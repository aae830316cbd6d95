import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { sendTraces, describeOutcome, corsConfig } from '$lib/export';
import { recordsToTraces, type Trace } from '$lib/model';
import { startOtlpReceiver, type Receiver } from './otlp-receiver';

const trace: Trace = {
	traceID: '0af7651916cd43dd8448eb211c80319c',
	spans: [
		{ traceID: '0af7651916cd43dd8448eb211c80319c', spanID: 'b7ad6b7169203331', operationName: 'say-hello', references: [], startTime: 1_700_000_000_000_000, duration: 1000, tags: [{ key: 'span.kind', type: 'string', value: 'client' }], logs: [], processID: 'p1', warnings: null },
		{ traceID: '0af7651916cd43dd8448eb211c80319c', spanID: '00f067aa0ba902b7', operationName: 'format', references: [{ refType: 'CHILD_OF', traceID: '0af7651916cd43dd8448eb211c80319c', spanID: 'b7ad6b7169203331' }], startTime: 1_700_000_000_000_100, duration: 500, tags: [{ key: 'span.kind', type: 'string', value: 'server' }], logs: [], processID: 'p2', warnings: null }
	],
	processes: { p1: { serviceName: 'hello-world', tags: [] }, p2: { serviceName: 'formatter', tags: [] } },
	warnings: null
} as unknown as Trace;
void recordsToTraces;

let receiver: Receiver | null = null;
afterEach(async () => {
	await receiver?.close();
	receiver = null;
});
const nodeFetch = (url: string, init: RequestInit) => fetch(url, init);

describe('sendTraces', () => {
	it('sends OTLP JSON that the official definitions decode: ids, parent, kinds, service.name', async () => {
		receiver = await startOtlpReceiver();
		const out = await sendTraces([trace], receiver.url, 'http://localhost:4173', nodeFetch);
		expect(out).toEqual({ kind: 'sent', spans: 2 });
		expect(receiver.contentTypes).toEqual(['application/json']);
		const byName = Object.fromEntries(receiver.spans.map((s) => [s.name, s]));
		expect(byName['say-hello']).toMatchObject({ service: 'hello-world', traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', kind: 3 });
		expect(byName['format']).toMatchObject({ service: 'formatter', parentSpanId: 'b7ad6b7169203331', kind: 2 });
		expect(describeOutcome(out, receiver.url)).toBe(`Sent 2 spans to ${receiver.url}.`);
		expect(receiver.refusals).toEqual([]);
	});

	it('the receiver is strict: a request against OTLP JSON\'s rules is a 400 naming the field', async () => {
		receiver = await startOtlpReceiver();
		const body = JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', name: 'x', kind: 'SPAN_KIND_SERVER' }] }] }] });
		const res = await fetch(receiver.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
		expect(res.status).toBe(400);
		expect(receiver.refusals).toEqual([expect.stringMatching(/spans\[0\]\.kind: the string "SPAN_KIND_SERVER"/)]);
		expect(receiver.spans).toEqual([]);
	});

	it('a 4xx carries the collector message', async () => {
		receiver = await startOtlpReceiver({ answer: (res) => (res.writeHead(400, { 'content-type': 'application/json' }).end('{"code":3,"message":"unknown field \\"foo\\""}'), true) });
		const out = await sendTraces([trace], receiver.url, 'http://x', nodeFetch);
		expect(out).toEqual({ kind: 'http-error', status: 400, message: 'unknown field "foo"' });
		expect(describeOutcome(out, receiver.url)).toContain('answered 400: unknown field "foo"');
	});

	it('a partial success names the rejected spans', async () => {
		receiver = await startOtlpReceiver({ answer: (res) => (res.writeHead(200).end('{"partialSuccess":{"rejectedSpans":"1","errorMessage":"too old"}}'), true) });
		expect(await sendTraces([trace], receiver.url, 'http://x', nodeFetch)).toEqual({ kind: 'sent', spans: 2, rejected: { spans: 1, message: 'too old' } });
	});

	it('nothing listening is "refused"', async () => {
		const port = await new Promise<number>((resolve) => {
			const s = createServer().listen(0, '127.0.0.1', () => {
				const p = (s.address() as { port: number }).port;
				s.close(() => resolve(p));
			});
		});
		const out = await sendTraces([trace], `http://127.0.0.1:${port}/v1/traces`, 'http://x', nodeFetch);
		expect(out).toEqual({ kind: 'refused' });
		expect(describeOutcome(out, 'u')).toContain('connection refused');
	});

	it('refuses non-http endpoints and sends nothing for an empty run', async () => {
		expect((await sendTraces([trace], 'file:///etc/passwd', 'o', nodeFetch)).kind).toBe('bad-endpoint');
		expect(await sendTraces([], 'http://127.0.0.1:1/v1/traces', 'o', nodeFetch)).toEqual({ kind: 'nothing' });
	});

	it('the CORS fix names the page origin, not a bare *', () => {
		expect(corsConfig('http://localhost:4173')).toContain('allowed_origins: ["http://localhost:4173"]');
	});

	it('says every outcome in Chinese too, with the same facts (counts, addresses, status, the collector’s words)', () => {
		const u = 'http://localhost:4318/v1/traces';
		const zh = (o: Parameters<typeof describeOutcome>[0]) => describeOutcome(o, u, 'zh-CN');
		expect(zh({ kind: 'sent', spans: 3 })).toBe(`已把 3 个 span 发送到 ${u}。`);
		expect(zh({ kind: 'sent', spans: 1 })).toBe(`已把 1 个 span 发送到 ${u}。`);
		expect(zh({ kind: 'sent', spans: 3, rejected: { spans: 1, message: 'too old' } })).toBe(`已把 3 个 span 发送到 ${u}；collector 拒收了其中 1 个：too old`);
		expect(zh({ kind: 'nothing' })).toBe('这次运行没有产生 span，所以什么也没有发送。');
		expect(zh({ kind: 'bad-endpoint', reason: 'scheme' })).toBe(`未发送：${u} 不是 collector 的地址（只能是 http:// 或 https:// 的 collector）。`);
		expect(zh({ kind: 'refused' })).toContain('连接被拒绝');
		expect(zh({ kind: 'cors', origin: 'http://localhost:4173' })).toContain('不允许本页面（http://localhost:4173）');
		expect(zh({ kind: 'http-error', status: 400, message: 'bad' })).toBe('未发送：collector 返回了 400：bad。');
		expect(describeOutcome({ kind: 'bad-endpoint', reason: 'credentials' }, 'x')).toBe('Not sent: x is not a collector address (no user or password in the URL).');
		expect(describeOutcome({ kind: 'http-error', status: 503, message: '' }, 'x')).toBe('Not sent: the collector answered 503.');
	});

	it('names what is wrong with an endpoint', async () => {
		expect(await sendTraces([trace], 'file:///etc/passwd', 'o', nodeFetch)).toEqual({ kind: 'bad-endpoint', reason: 'scheme' });
		expect(await sendTraces([trace], 'localhost:4318', 'o', nodeFetch)).toEqual({ kind: 'bad-endpoint', reason: 'scheme' });
		expect(await sendTraces([trace], 'not a url', 'o', nodeFetch)).toEqual({ kind: 'bad-endpoint', reason: 'notUrl' });
		expect(await sendTraces([trace], 'http://me:pw@localhost:4318/v1/traces', 'o', nodeFetch)).toEqual({ kind: 'bad-endpoint', reason: 'credentials' });
	});
});

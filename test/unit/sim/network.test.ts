import { describe, expect, it } from 'vitest';
import { createNetwork, isNetworkError, type NetworkRecordEx, type SimRequest } from '../../../src/lib/sim';

const get = (url: string, headers: Record<string, string> = {}): SimRequest => ({ method: 'GET', url, headers, body: '' });

describe('simulated network', () => {
	it('routes by host and port, passes method, headers (lower-cased), query and body', async () => {
		const net = createNetwork();
		let seen: SimRequest | null = null;
		net.listen('formatter', 8081, (req) => {
			seen = req;
			return { status: 200, headers: { 'Content-Type': 'text/plain' }, body: 'Hello, Bryan!' };
		});
		const res = await net.request('hello', {
			method: 'post',
			url: 'http://formatter:8081/format?helloTo=Bryan',
			headers: { 'Uber-Trace-Id': 'abc:def:0:1' },
			body: 'x'
		});
		expect(res).toEqual({ status: 200, headers: { 'content-type': 'text/plain' }, body: 'Hello, Bryan!' });
		expect(seen).toEqual({
			method: 'POST',
			url: 'http://formatter:8081/format?helloTo=Bryan',
			headers: { 'uber-trace-id': 'abc:def:0:1' },
			body: 'x'
		});
	});

	it('knows which ports are UDP (their senders never wait), by the URL a request goes to', () => {
		const net = createNetwork();
		const ok = () => ({ status: 202, headers: {}, body: '' });
		const close = net.listen('jaeger-agent', 6831, ok, 'backend', { datagram: true });
		net.listen('jaeger-agent', 5778, ok, 'backend');
		net.listen('echo', 80, ok);
		expect(net.isDatagram('http://jaeger-agent:6831/')).toBe(true);
		expect(net.isDatagram('http://JAEGER-AGENT:6831/api')).toBe(true);
		expect(net.isDatagram('http://jaeger-agent:5778/sampling')).toBe(false);
		expect(net.isDatagram('http://echo/')).toBe(false);
		expect(net.isDatagram('http://nobody:6831/')).toBe(false);
		expect(net.isDatagram('not a url')).toBe(false);
		expect(net.isDatagram('file:///etc/passwd')).toBe(false);
		expect(net.listeners().find((l) => l.port === 6831)).toEqual({ host: 'jaeger-agent', port: 6831, kind: 'backend', datagram: true });
		close();
		expect(net.isDatagram('http://jaeger-agent:6831/')).toBe(false);
	});

	it('gives ENOTFOUND for an unknown host and ECONNREFUSED for a known host with a closed port', async () => {
		const net = createNetwork();
		net.addHost('publisher');
		net.listen('formatter', 8081, () => ({ status: 200, headers: {}, body: '' }));
		const nf = await net.request('hello', get('http://formater:8081/')).catch((e) => e);
		expect(isNetworkError(nf) && nf.code).toBe('ENOTFOUND');
		expect(nf.message).toBe('getaddrinfo ENOTFOUND formater');
		const refused = await net.request('hello', get('http://publisher:8082/publish')).catch((e) => e);
		expect(refused.code).toBe('ECONNREFUSED');
		expect(refused.message).toBe('connect ECONNREFUSED publisher:8082');
		const wrongPort = await net.request('hello', get('http://formatter:9999/')).catch((e) => e);
		expect(wrongPort.code).toBe('ECONNREFUSED');
	});

	it('records every message with from, to, status, latency and headers, and reports start and end', async () => {
		const seen: NetworkRecordEx[] = [];
		let t = 0;
		const net = createNetwork({
			now: () => t,
			sleep: async (ms) => {
				t += ms;
			},
			links: [{ to: 'formatter', latencyMs: 5 }],
			onRecord: (r) => seen.push(r)
		});
		net.listen('formatter', 8081, () => ({ status: 201, headers: {}, body: 'ok' }));
		net.listen('jaeger-agent', 6831, () => ({ status: 202, headers: {}, body: '' }), 'backend');
		await net.request('hello', get('http://formatter:8081/format', { 'uber-trace-id': '1:2:0:1' }));
		await net.request('hello', { method: 'POST', url: 'http://jaeger-agent:6831', headers: {}, body: '{"spans":[]}' });
		await net.request('hello', get('http://nowhere:1/')).catch(() => {});
		const recs = net.records();
		expect(recs.map((r) => [r.id, r.from, r.to, r.status, r.latency, r.kind])).toEqual([
			[1, 'hello', 'formatter:8081', 201, 10, 'service'],
			[2, 'hello', 'jaeger-agent:6831', 202, 0, 'backend'],
			[3, 'hello', 'nowhere:1', null, 0, 'service']
		]);
		expect(recs[0].requestHeaders).toEqual({ 'uber-trace-id': '1:2:0:1' });
		expect(recs[2].error).toBe('ENOTFOUND: getaddrinfo ENOTFOUND nowhere');
		// each record is published when it starts (in flight) and when it completes
		expect(seen.filter((r) => r.id === 1).map((r) => r.latency)).toEqual([null, 10]);
		// backend traffic is backend from its first publication (a panel hiding it never draws it)
		expect(seen.filter((r) => r.id === 2).map((r) => r.kind)).toEqual(['backend', 'backend']);
	});

	it('injects faults: error status without calling the server, drops as ECONNRESET, extra delay', async () => {
		let calls = 0;
		let t = 0;
		const net = createNetwork({
			now: () => t,
			sleep: async (ms) => {
				t += ms;
			},
			links: [
				{ to: 'formatter', fault: { errorStatus: 503 } },
				{ to: 'publisher', fault: { drop: 1 } },
				{ to: 'slow', fault: { delayMs: 200 } }
			]
		});
		for (const h of ['formatter', 'publisher', 'slow'])
			net.listen(h, 80, () => {
				calls++;
				return { status: 200, headers: {}, body: 'real' };
			});
		const res = await net.request('hello', get('http://formatter/'));
		expect(res.status).toBe(503);
		const dropped = await net.request('hello', get('http://publisher/')).catch((e) => e);
		expect(dropped.code).toBe('ECONNRESET');
		expect(calls).toBe(0);
		await net.request('hello', get('http://slow/'));
		expect(calls).toBe(1);
		expect(net.records().map((r) => r.fault)).toEqual(['status 503', 'drop', 'delay 200ms']);
		expect(net.records()[2].latency).toBe(200);
	});

	it('applies probabilistic faults reproducibly from the seed', async () => {
		const run = async (seed: number) => {
			const net = createNetwork({ seed, links: [{ fault: { errorStatus: 500, errorRate: 0.5 } }] });
			net.listen('a', 80, () => ({ status: 200, headers: {}, body: '' }));
			const statuses: number[] = [];
			for (let i = 0; i < 40; i++) statuses.push((await net.request('x', get('http://a/'))).status);
			return statuses;
		};
		const a = await run(7);
		expect(a).toEqual(await run(7));
		const errors = a.filter((s) => s === 500).length;
		expect(errors).toBeGreaterThan(5);
		expect(errors).toBeLessThan(35);
	});

	it('tracks in-flight requests and resolves idle() when they are done', async () => {
		const net = createNetwork();
		let release!: () => void;
		net.listen('slow', 80, () => new Promise((r) => (release = () => r({ status: 200, headers: {}, body: '' }))));
		const p = net.request('x', get('http://slow/'));
		await Promise.resolve();
		expect(net.inFlight()).toBe(1);
		let idle = false;
		const done = net.idle().then(() => (idle = true));
		await new Promise((r) => setTimeout(r, 5));
		expect(idle).toBe(false);
		release();
		await p;
		await done;
		expect(net.inFlight()).toBe(0);
	});

	it('turns a failing handler into ECONNRESET and refuses everything after close()', async () => {
		const net = createNetwork();
		net.listen('crashy', 80, () => {
			throw new Error('worker gone');
		});
		expect((await net.request('x', get('http://crashy/')).catch((e) => e)).code).toBe('ECONNRESET');
		net.close();
		expect((await net.request('x', get('http://crashy/')).catch((e) => e)).code).toBe('ECONNREFUSED');
	});

	it('rejects non-http URLs before sending, and caps kept records', async () => {
		const net = createNetwork({ maxRecords: 2 });
		net.listen('a', 80, () => ({ status: 200, headers: {}, body: '' }));
		await expect(net.request('x', get('ftp://a/'))).rejects.toThrow(/carries http/);
		await net.request('x', get('http://a/'));
		await net.request('x', get('http://a/'));
		expect(net.records()).toHaveLength(2);
		expect(net.droppedRecords()).toBe(1);
	});
});

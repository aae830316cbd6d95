import { describe, expect, it } from 'vitest';
import { checkMessage, checkResult } from '$lib/runner/sandbox/validate';
import { WIRE_LIMITS } from '$lib/runner/sandbox/protocol';

const req = { method: 'GET', url: 'http://formatter:8081/format?helloTo=Bryan', headers: { 'uber-trace-id': 'a:b:0:1' }, body: '' };
const host = (m: string, a: unknown[], id?: number) => ({ v: 1, t: 'host', ...(id ? { id } : {}), m, a });
const refused = (x: unknown) => {
	const c = checkMessage(x);
	expect(c.ok).toBe(false);
	return c.ok ? '' : c.reason;
};

describe('what the page accepts from a sandboxed service', () => {
	it('takes each well-formed message as plain data', () => {
		expect(checkMessage(host('send', [req], 1))).toEqual({ ok: true, value: { v: 1, t: 'host', id: 1, m: 'send', a: [req] } });
		expect(checkMessage(host('listen', [8081], 2)).ok).toBe(true);
		expect(checkMessage(host('unlisten', [8081])).ok).toBe(true);
		expect(checkMessage(host('output', [[{ stream: 'out', text: 'Hello, Bryan!' }]])).ok).toBe(true);
		const err = { name: 'Error', message: 'boom', stack: 'Error: boom\n    at main (hello.ts:3:9)', file: 'hello.ts', line: 3, column: 9 };
		expect(checkMessage(host('error', [err, 'main'])).ok).toBe(true);
		expect(checkMessage({ v: 1, t: 'ret', id: 3, ok: true, value: { anything: 1 } }).ok).toBe(true);
		expect(checkMessage({ v: 1, t: 'ret', id: 3, ok: false, error: 'nothing listens on port 1' }).ok).toBe(true);
	});

	it('refuses comlink messages, other versions and unknown kinds', () => {
		// the old bridge: build a Function on the page and call it
		expect(refused({ id: 'x', type: 'APPLY', path: ['constructor', 'constructor'], argumentList: [] })).toMatch(/another protocol version/);
		expect(refused({ v: 2, t: 'host', m: 'send', id: 1, a: [req] })).toMatch(/another protocol version/);
		expect(refused({ v: 1, t: 'call', id: 1, m: 'ping', a: [] })).toMatch(/no known kind/);
		expect(refused(null)).toMatch(/not an object/);
		expect(refused('hello')).toMatch(/not an object/);
	});

	it('never looks a method up by the name the sandbox chose', () => {
		for (const m of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'send ']) expect(refused(host(m, [], 1))).toMatch(/no known kind/);
	});

	it('refuses requests that are malformed or too large', () => {
		expect(refused(host('send', [{ ...req, method: 'get;rm' }], 1))).toMatch(/does not fit the URL's protocol/);
		// each protocol's own method names, and nothing else, for its scheme
		const ok = (method: string, url: string) => checkMessage(host('send', [{ ...req, method, url }], 1)).ok;
		expect(ok('basic.publish', 'amqp://rabbitmq:5672/')).toBe(true);
		expect(ok('LPUSH', 'redis://redis:6379/')).toBe(true);
		expect(ok('QUERY', 'mysql://mysql:3306/shop')).toBe(true);
		expect(ok('POST', 'http://route:50051/route.Route/Find')).toBe(true);
		expect(ok('basic.publish', 'http://formatter:8081/')).toBe(false);
		expect(ok('DROP TABLE', 'mysql://mysql:3306/shop')).toBe(false);
		expect(ok('lpush\n', 'redis://redis:6379/')).toBe(false);
		expect(ok('basic.publish ', 'amqp://rabbitmq:5672/')).toBe(false);
		expect(refused(host('send', [{ ...req, url: 42 }], 1))).toMatch(/URL is not a string/);
		expect(refused(host('send', [{ ...req, body: 'x'.repeat(WIRE_LIMITS.maxBody + 1) }], 1))).toMatch(/body is longer/);
		const many = Object.fromEntries(Array.from({ length: WIRE_LIMITS.maxHeaders + 1 }, (_, i) => [`h${i}`, 'v']));
		expect(refused(host('send', [{ ...req, headers: many }], 1))).toMatch(/more than 200 headers/);
		expect(refused(host('send', [{ ...req, headers: { a: 1 } }], 1))).toMatch(/header 'a' is not a string/);
		expect(refused(host('send', [req]))).toMatch(/call id/);
		expect(refused(host('send', [req], 1.5))).toMatch(/call id/);
		expect(refused(host('listen', [70000], 1))).toMatch(/port/);
		expect(refused(host('listen', ['8081'], 1))).toMatch(/port/);
	});

	it('keeps a header named __proto__ a header, not a prototype', () => {
		const headers = JSON.parse('{"__proto__": {"polluted": "yes"}}');
		expect(refused(host('send', [{ ...req, headers }], 1))).toMatch(/not a string/);
		const named = JSON.parse('{"__proto__": "x"}');
		const c = checkMessage(host('send', [{ ...req, headers: named }], 1));
		expect(c.ok).toBe(true);
		const got = c.ok && c.value.t === 'host' && c.value.m === 'send' ? c.value.a[0].headers : {};
		expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('takes process.exit with an exit status, 0 to 255, and nothing else', () => {
		expect(checkMessage(host('exit', [0]))).toEqual({ ok: true, value: { v: 1, t: 'host', m: 'exit', a: [0] } });
		expect(checkMessage(host('exit', [255])).ok).toBe(true);
		// a fresh message: nothing else the sandbox put on it comes through
		expect(checkMessage({ ...host('exit', [1], 9), extra: 'x' })).toEqual({ ok: true, value: { v: 1, t: 'host', m: 'exit', a: [1] } });
		for (const status of [-1, 256, 1.5, Number.NaN, Infinity, 2 ** 53, '0', null, undefined, { valueOf: () => 0 }, [0]]) {
			expect(refused(host('exit', [status]))).toMatch(/an exit status is not a whole number from 0 to 255/);
		}
		expect(refused(host('exit', []))).toMatch(/an exit status/);
		expect(refused({ v: 1, t: 'host', m: 'exit', a: 0 })).toMatch(/arguments are not a list/);
	});

	it('cuts long console lines and refuses floods of them in one message', () => {
		const c = checkMessage(host('output', [[{ stream: 'out', text: 'y'.repeat(WIRE_LIMITS.maxLineText + 10) }]]));
		expect(c.ok && c.value.t === 'host' && c.value.m === 'output' && c.value.a[0][0].text).toMatch(/… \(cut at 16384 characters\)$/);
		const lines = Array.from({ length: WIRE_LIMITS.maxLinesPerMessage + 1 }, () => ({ stream: 'out', text: 'x' }));
		expect(refused(host('output', [lines]))).toMatch(/more than 1000 console lines/);
		expect(refused(host('output', [[{ stream: 'html', text: '<b>' }]]))).toMatch(/no known stream/);
	});
});

describe('what a call answered, judged by what was called', () => {
	const status = { pendingTimers: 0, pendingRequests: 1, spansReported: 3, spansDropped: 0 };

	it('accepts the right shape for each method', () => {
		expect(checkResult('ping', true)).toEqual({ ok: true, value: true });
		expect(checkResult('start', { ok: true, exports: ['main'] })).toEqual({ ok: true, value: { ok: true, exports: ['main'] } });
		expect(checkResult('main', { ok: true, extra: 'dropped' })).toEqual({ ok: true, value: { ok: true } });
		expect(checkResult('handle', { status: 200, headers: {}, body: 'ok' }).ok).toBe(true);
		expect(checkResult('status', status)).toEqual({ ok: true, value: status });
	});

	it('refuses answers of the wrong shape', () => {
		expect(checkResult('ping', 'true').ok).toBe(false);
		expect(checkResult('handle', { status: 99, headers: {}, body: '' }).ok).toBe(false);
		expect(checkResult('handle', { status: 200, headers: {}, body: () => 1 }).ok).toBe(false);
		expect(checkResult('status', { ...status, pendingTimers: -1 }).ok).toBe(false);
		expect(checkResult('start', { ok: true, exports: 'main' }).ok).toBe(false);
		expect(checkResult('main', { ok: false, error: { name: 'E', message: 1 } }).ok).toBe(false);
	});
});

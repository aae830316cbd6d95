// The page's end of a sandboxed service, over a real MessageChannel: the other end plays the
// service (and, in most tests, an attacker in it).
import { afterEach, describe, expect, it } from 'vitest';
import { MESSAGES_PER_TASK, SandboxServiceLink } from '$lib/runner/sandbox/link';
import type { HostApi, StartOptions } from '$lib/runner/service/protocol';
import type { MappedError } from '$lib/runner/sourcemap/stack';
import { WIRE_LIMITS } from '$lib/runner/sandbox/protocol';

const open: MessagePort[] = [];
afterEach(() => {
	for (const p of open.splice(0)) p.close();
});

/** A link and the service's end of its port; `answer` replies to the page's calls. */
function setUp(answer: (msg: { id: number; m: string; a: unknown[] }, port: MessagePort) => void = () => {}, yieldTask?: (fn: () => void) => void) {
	const { port1, port2 } = new MessageChannel();
	open.push(port1, port2);
	let kills = 0;
	const link = new SandboxServiceLink(port1, () => kills++, yieldTask);
	link.service = 'hello';
	port2.onmessage = (ev) => {
		const data = ev.data as { t: string; id: number; m: string; a: unknown[] } | { t: 'batch'; m: { t: string; id: number; m: string; a: unknown[] }[] };
		for (const msg of data.t === 'batch' ? (data.m as { t: string; id: number; m: string; a: unknown[] }[]) : [data as { t: string; id: number; m: string; a: unknown[] }]) {
			if (msg.t === 'call') answer(msg, port2);
		}
	};
	const told: { error: MappedError; where: string }[] = [];
	const lines: unknown[] = [];
	const sent: unknown[] = [];
	const exits: number[] = [];
	const host: HostApi = {
		send: async (req) => (sent.push(req), { ok: true, response: { status: 200, headers: {}, body: 'ok' } }),
		listen: async () => ({ ok: true }),
		unlisten: () => {},
		output: (ls) => lines.push(...ls),
		error: (error, where) => told.push({ error, where }),
		exit: (status) => exits.push(status)
	};
	return { link, port: port2, host, told, lines, sent, exits, kills: () => kills };
}

const opts: StartOptions = { service: 'hello', file: 'hello.ts', code: '', args: [], maxConsoleLines: 10, maxSpans: 10 };
const reply = (port: MessagePort, id: number, value: unknown) => port.postMessage({ v: 1, t: 'ret', id, ok: true, value });
const tick = () => new Promise((r) => setTimeout(r, 20));

describe('SandboxServiceLink', () => {
	it('calls the service and hands back checked answers, lines in the order sent', async () => {
		const s = setUp((msg, port) => {
			if (msg.m === 'start') {
				port.postMessage({ v: 1, t: 'host', m: 'output', a: [[{ stream: 'out', text: 'started' }]] });
				reply(port, msg.id, { ok: true, exports: ['main'] });
			} else reply(port, msg.id, msg.m === 'ping' ? true : { ok: true });
		});
		await s.link.ready;
		const started = await s.link.call((api) => api.start(opts, s.host));
		expect(started).toEqual({ ok: true, exports: ['main'] });
		expect(s.lines).toEqual([{ stream: 'out', text: 'started' }]);
		expect(await s.link.call((api) => api.main())).toEqual({ ok: true });
	});

	it('answers a host call with what the world said, counting the request and the answer as activity', async () => {
		const s = setUp((msg, port) => reply(port, msg.id, msg.m === 'ping' ? true : { ok: true, exports: [] }));
		await s.link.call((api) => api.start(opts, s.host));
		expect(s.link.activity()).toBe(0);
		const answered = new Promise((r) => (s.port.onmessage = (ev) => r(ev.data)));
		s.port.postMessage({ v: 1, t: 'host', id: 7, m: 'send', a: [{ method: 'GET', url: 'http://formatter:8081/', headers: {}, body: '' }] });
		expect(await answered).toEqual({ v: 1, t: 'hostret', id: 7, value: { ok: true, response: { status: 200, headers: {}, body: 'ok' } } });
		expect(s.sent).toHaveLength(1);
		// the run's quiet check: a round that saw this change waits another round
		expect(s.link.activity()).toBe(2);
	});

	it('stops a service that speaks comlink to the page, and says why', async () => {
		const s = setUp((msg, port) => reply(port, msg.id, msg.m === 'ping' ? true : { ok: true, exports: [] }));
		await s.link.call((api) => api.start(opts, s.host));
		s.port.postMessage({ id: 'x', type: 'APPLY', path: ['constructor', 'constructor'], argumentList: [] });
		await tick();
		expect(s.link.stopped).toBe(true);
		expect(s.kills()).toBe(1);
		expect(s.told).toEqual([expect.objectContaining({ where: 'protocol', error: expect.objectContaining({ message: expect.stringMatching(/refused: a message of another protocol version/) }) })]);
		// nothing more is taken from it, and calls fail at once
		s.port.postMessage({ v: 1, t: 'host', m: 'output', a: [[{ stream: 'out', text: 'after' }]] });
		await tick();
		expect(s.lines).toEqual([]);
		await expect(s.link.call((api) => api.status())).rejects.toThrow(/was stopped/);
	});

	it('refuses an answer of the wrong shape, and an answer to no call', async () => {
		const s = setUp((msg, port) => reply(port, msg.id, msg.m === 'ping' ? true : { status: 'fine' }));
		await s.link.ready;
		s.host.error = (error, where) => s.told.push({ error, where });
		const started = s.link.call((api) => api.start(opts, s.host));
		await expect(started).rejects.toThrow(/was stopped/);
		expect(s.told[0].error.message).toMatch(/answered start\(\) with something the page refused/);

		const t = setUp();
		await t.link.call((api) => Promise.race([api.start(opts, t.host), tick()]));
		t.port.postMessage({ v: 1, t: 'ret', id: 999, ok: true, value: true });
		await tick();
		expect(t.told[0].error.message).toMatch(/a call that was never made/);
	});

	it('closes ports the sandbox sends and never uses them', async () => {
		const s = setUp((msg, port) => reply(port, msg.id, true));
		await s.link.ready;
		const extra = new MessageChannel();
		open.push(extra.port1, extra.port2);
		let reached = false;
		extra.port2.onmessage = () => (reached = true);
		s.port.postMessage({ v: 1, t: 'host', m: 'unlisten', a: [1] }, [extra.port1]);
		await tick();
		extra.port2.postMessage('anyone there?');
		await tick();
		expect(reached).toBe(false);
	});

	it('acts on a big batch a slice per task, in order, with what arrives meanwhile behind it', async () => {
		const later: (() => void)[] = [];
		const s = setUp((msg, port) => reply(port, msg.id, msg.m === 'ping' ? true : { ok: true, exports: [] }), (fn) => later.push(fn));
		await s.link.call((api) => api.start(opts, s.host));
		const line = (n: number) => ({ v: 1, t: 'host', m: 'output', a: [[{ stream: 'out', text: `line ${n}` }]] });
		s.port.postMessage({ v: 1, t: 'batch', m: Array.from({ length: 150 }, (_, i) => line(i)) });
		await tick();
		expect(s.lines).toHaveLength(MESSAGES_PER_TASK);
		s.port.postMessage(line(150)); // arrives while the batch is still being acted on: waits its turn
		await tick();
		expect(s.lines).toHaveLength(MESSAGES_PER_TASK);
		while (later.length) later.shift()!();
		expect((s.lines as { text: string }[]).map((l) => l.text)).toEqual(Array.from({ length: 151 }, (_, i) => `line ${i}`));
		// and a lone message with nothing queued is acted on at once
		s.port.postMessage(line(151));
		await tick();
		expect(s.lines).toHaveLength(152);
	});

	it('a fault acts on what came before it first, then stops (the rest of a sliced batch included)', async () => {
		const later: (() => void)[] = [];
		const s = setUp((msg, port) => reply(port, msg.id, msg.m === 'ping' ? true : { ok: true, exports: [] }), (fn) => later.push(fn));
		await s.link.call((api) => api.start(opts, s.host));
		s.port.postMessage({ v: 1, t: 'batch', m: Array.from({ length: 100 }, (_, i) => ({ v: 1, t: 'host', m: 'output', a: [[{ stream: 'out', text: `line ${i}` }]] })) });
		s.port.postMessage({ v: 1, t: 'host', m: 'nonsense', a: [] });
		await tick();
		expect(s.lines).toHaveLength(100);
		expect(s.link.stopped).toBe(true);
		expect(s.told[0]).toMatchObject({ where: 'protocol' });
		while (later.length) later.shift()!();
		expect(s.lines).toHaveLength(100);
	});

	it('stops a service that floods the port', async () => {
		const s = setUp((msg, port) => reply(port, msg.id, msg.m === 'ping' ? true : { ok: true, exports: [] }));
		await s.link.call((api) => api.start(opts, s.host));
		for (let i = 0; i <= WIRE_LIMITS.maxMessagesPerSecond; i++) s.port.postMessage({ v: 1, t: 'host', m: 'unlisten', a: [1] });
		await new Promise((r) => setTimeout(r, 300));
		expect(s.link.stopped).toBe(true);
		expect(s.told[0]).toMatchObject({ where: 'message flood' });
	});

	it('process.exit: acts on what came before the exit, tells the world, stops the worker, and takes nothing after', async () => {
		const s = setUp((msg, port) => reply(port, msg.id, msg.m === 'ping' ? true : { ok: true, exports: ['main'] }));
		await s.link.call((api) => api.start(opts, s.host));
		const main = s.link.call((api) => api.main());
		main.catch(() => {});
		const line = (text: string) => ({ v: 1, t: 'host', m: 'output', a: [[{ stream: 'out', text }]] });
		const send = { v: 1, t: 'host', id: 3, m: 'send', a: [{ method: 'POST', url: 'http://jaeger-agent:6831/', headers: {}, body: '{"spans":[]}' }] };
		// in one batch, as the worker's outbox sends it: a line and a span packet, the exit, then
		// whatever a learner's catch still managed to send (another exit, a line, an answer to main)
		s.port.postMessage({ v: 1, t: 'batch', m: [line('done'), send, { v: 1, t: 'host', m: 'exit', a: [0] }, { v: 1, t: 'host', m: 'exit', a: [1] }, line('after'), { v: 1, t: 'ret', id: 2, ok: true, value: { ok: true } }] });
		await tick();
		expect(s.lines).toEqual([{ stream: 'out', text: 'done' }]);
		expect(s.sent).toHaveLength(1);
		expect(s.exits).toEqual([0]);
		expect(s.link.stopped).toBe(true);
		expect(s.kills()).toBe(1);
		expect(s.told).toEqual([]);
		// the world's wait for main ends: the service is gone
		await expect(main).rejects.toThrow(/was stopped/);
		s.port.postMessage({ v: 1, t: 'host', m: 'exit', a: [2] });
		s.port.postMessage(line('later'));
		await tick();
		expect(s.exits).toEqual([0]);
		expect(s.lines).toHaveLength(1);
	});

	it('process.exit before start, or with a status that is no exit status, is refused and stops the service', async () => {
		const early = setUp((msg, port) => reply(port, msg.id, true));
		await early.link.ready;
		early.port.postMessage({ v: 1, t: 'host', m: 'exit', a: [0] });
		await tick();
		expect(early.link.stopped).toBe(true);
		expect(early.exits).toEqual([]);
		await early.link.remote.start(opts, early.host).catch(() => {});
		expect(early.told[0]).toMatchObject({ where: 'protocol', error: { message: expect.stringMatching(/before it was started/) } });

		for (const status of [-1, 256, 1.5, Number.NaN, '0', null, 2 ** 53]) {
			const s = setUp((msg, port) => reply(port, msg.id, msg.m === 'ping' ? true : { ok: true, exports: [] }));
			await s.link.call((api) => api.start(opts, s.host));
			s.port.postMessage({ v: 1, t: 'host', m: 'exit', a: [status] });
			await tick();
			expect(s.link.stopped).toBe(true);
			expect(s.exits).toEqual([]);
			expect(s.told[0]).toMatchObject({ where: 'protocol', error: { message: expect.stringMatching(/refused: an exit status is not a whole number from 0 to 255/) } });
		}
	});

	it('tells the world about a crash, and a memory crash as such; a fault before start is told at start', async () => {
		const s = setUp((msg, port) => reply(port, msg.id, msg.m === 'ping' ? true : { ok: true, exports: [] }));
		await s.link.call((api) => api.start(opts, s.host));
		s.link.crashed('Uncaught RangeError: Array buffer allocation failed');
		expect(s.told[0]).toMatchObject({ where: 'out of memory', error: { message: 'ran out of memory and was stopped by the browser' } });

		const early = setUp();
		early.link.crashed('the sandbox for learner code did not start');
		await expect(early.link.call((api) => api.start(opts, early.host))).rejects.toThrow(/was stopped/);
		const late = setUp();
		late.link.crashed('the sandbox for learner code did not start');
		await late.link.remote.start(opts, late.host).catch(() => {});
		expect(late.told[0]).toMatchObject({ where: 'crash', error: { message: 'stopped unexpectedly (the sandbox for learner code did not start)' } });
	});
});

// Batches on a service's port (protocol.ts): what the page accepts, how the outbox splits a burst,
// and the page's link acting on a batch — with an attacker on the other end.
import { afterEach, describe, expect, it } from 'vitest';
import { checkWire } from '$lib/runner/sandbox/validate';
import { createOutbox } from '$lib/runner/sandbox/outbox';
import { SandboxServiceLink } from '$lib/runner/sandbox/link';
import { WIRE_LIMITS, messageChars } from '$lib/runner/sandbox/protocol';
import type { HostApi, StartOptions } from '$lib/runner/service/protocol';
import type { MappedError } from '$lib/runner/sourcemap/stack';

const req = (body = '') => ({ method: 'basic.publish', url: 'amqp://rabbitmq:5672/', headers: {}, body });
const send = (id: number, body = '') => ({ v: 1, t: 'host', id, m: 'send', a: [req(body)] });
const batch = (m: unknown) => ({ v: 1, t: 'batch', m });
const refused = (x: unknown) => {
	const c = checkWire(x);
	expect(c.ok).toBe(false);
	return c.ok ? '' : c.reason;
};

describe('batches the page accepts', () => {
	it('takes a batch as its messages, in order, each checked as if alone; a lone message as a list of one', () => {
		const c = checkWire(batch([send(1, 'a'), { v: 1, t: 'ret', id: 4, ok: true, value: true }, send(2, 'b')]));
		expect(c.ok && c.value.map((m) => (m.t === 'ret' ? -m.id : 'id' in m ? m.id : 0))).toEqual([1, -4, 2]);
		expect(checkWire(send(1))).toEqual({ ok: true, value: [send(1)] });
	});

	it('refuses a batch with too many messages, too much text, or of the wrong shape', () => {
		expect(refused(batch(Array.from({ length: WIRE_LIMITS.maxBatchEntries + 1 }, (_, i) => send(i + 1))))).toMatch(/more than 512 messages in one batch/);
		const big = 'x'.repeat(WIRE_LIMITS.maxBody);
		expect(refused(batch([send(1, big), send(2, big), send(3, big)]))).toMatch(/characters of text in one batch/);
		expect(refused(batch('send'))).toMatch(/not a list/);
		expect(refused(batch({ length: 3, 0: send(1) }))).toMatch(/not a list/);
		expect(refused(batch([send(1)]))).toMatch(/fewer than two/);
		expect(refused({ v: 2, t: 'batch', m: [send(1), send(2)] })).toMatch(/another protocol version/);
	});

	it('refuses the whole batch for one bad message, and batches inside batches', () => {
		expect(refused(batch([send(1), { ...send(2), m: '__proto__' }]))).toMatch(/no known kind/);
		expect(refused(batch([send(1), { ...send(2), a: [{ ...req(), method: 'rm -rf' }] }]))).toMatch(/does not fit/);
		expect(refused(batch([send(1), null]))).toMatch(/not an object/);
		expect(refused(batch([send(1), batch([send(2), send(3)])]))).toMatch(/a batch inside a batch/);
	});
});

describe('the outbox', () => {
	const collect = () => {
		const sent: { t: string; m?: unknown[] }[] = [];
		let run: (() => void) | null = null;
		const box = createOutbox<Record<string, unknown>>((m) => void sent.push(m as never), (fn) => (run = fn));
		return { box, sent, tick: () => run?.() };
	};

	it('sends what one task posted as one batch at its end, a lone message as itself', () => {
		const { box, sent, tick } = collect();
		box.post(send(1));
		expect(sent).toEqual([]);
		tick();
		expect(sent).toEqual([send(1)]);
		box.post(send(2));
		box.post(send(3));
		tick();
		expect(sent[1]).toEqual(batch([send(2), send(3)]));
	});

	it('splits a burst so each batch stays within the limits the page checks, in order', () => {
		const { box, sent, tick } = collect();
		for (let i = 1; i <= 1100; i++) box.post(send(i));
		tick();
		expect(sent.map((b) => (b.t === 'batch' ? b.m!.length : 1))).toEqual([512, 512, 76]);
		expect(sent.flatMap((b) => (b.t === 'batch' ? b.m! : [b])).map((m) => (m as { id: number }).id)).toEqual(Array.from({ length: 1100 }, (_, i) => i + 1));
		for (const b of sent) expect(checkWire(b).ok).toBe(true);

		const big = collect();
		const body = 'x'.repeat(3 * 1024 * 1024);
		for (let i = 1; i <= 5; i++) big.box.post(send(i, body));
		big.tick();
		expect(big.sent.map((b) => (b.t === 'batch' ? b.m!.length : 1))).toEqual([2, 2, 1]);
		for (const b of big.sent) expect(b.t === 'batch' ? b.m!.reduce((n: number, m) => n + messageChars(m), 0) : 0).toBeLessThanOrEqual(WIRE_LIMITS.maxBatchChars);
	});

	it('sends message by message when a batch cannot be cloned, so the one that failed can be answered for', () => {
		const sent: unknown[] = [];
		let run: (() => void) | null = null;
		const box = createOutbox<Record<string, unknown>>(
			(m) => {
				if ((m as { t: string }).t === 'batch') throw new DOMException('could not be cloned', 'DataCloneError');
				sent.push(m);
			},
			(fn) => (run = fn)
		);
		box.post(send(1));
		box.post(send(2));
		run!();
		expect(sent).toEqual([send(1), send(2)]);
	});
});

describe("the page's link, given batches", () => {
	const open: MessagePort[] = [];
	afterEach(() => open.splice(0).forEach((p) => p.close()));
	const opts: StartOptions = { service: 'hello', file: 'hello.ts', code: '', args: [], maxConsoleLines: 10, maxSpans: 10 };
	const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));

	async function started() {
		const { port1, port2 } = new MessageChannel();
		open.push(port1, port2);
		const link = new SandboxServiceLink(port1, () => {});
		link.service = 'hello';
		const received: { t: string; id?: number; m?: unknown }[] = [];
		port2.onmessage = (ev) => {
			const d = ev.data as { t: string; id: number; m: string | unknown[] };
			received.push(d);
			for (const msg of (d.t === 'batch' ? d.m : [d]) as { t: string; id: number; m: string }[]) {
				if (msg.t === 'call') port2.postMessage({ v: 1, t: 'ret', id: msg.id, ok: true, value: msg.m === 'ping' ? true : { ok: true, exports: [] } });
			}
		};
		const told: { error: MappedError; where: string }[] = [];
		const acted: string[] = [];
		const host: HostApi = {
			send: async (r) => (acted.push(`send ${r.body}`), { ok: true, response: { status: 200, headers: {}, body: r.body } }),
			listen: async () => ({ ok: true }),
			unlisten: (p) => void acted.push(`unlisten ${p}`),
			output: (ls) => void acted.push(...ls.map((l) => `line ${l.text}`)),
			error: (error, where) => void told.push({ error, where }),
			exit: (status) => void acted.push(`exit ${status}`)
		};
		await link.call((api) => api.start(opts, host));
		received.length = 0;
		return { link, port: port2, told, acted, received };
	}

	it('acts on a batch in order and answers its calls together, in one batch', async () => {
		const s = await started();
		s.port.postMessage(batch([send(1, 'a'), { v: 1, t: 'host', m: 'output', a: [[{ stream: 'out', text: 'hi' }]] }, send(2, 'b'), { v: 1, t: 'host', m: 'unlisten', a: [9] }]));
		await tick();
		expect(s.acted).toEqual(['send a', 'line hi', 'send b', 'unlisten 9']);
		expect(s.received).toHaveLength(1);
		expect(s.received[0]).toMatchObject({ t: 'batch', m: [{ t: 'hostret', id: 1 }, { t: 'hostret', id: 2 }] });
	});

	it('stops a service whose batch has a bad message, acting on none of it', async () => {
		const s = await started();
		s.port.postMessage(batch([send(1, 'a'), { v: 1, t: 'host', m: 'unlisten', a: ['9'] }]));
		await tick();
		expect(s.link.stopped).toBe(true);
		expect(s.acted).toEqual([]);
		expect(s.told[0]).toMatchObject({ where: 'protocol', error: { message: expect.stringMatching(/refused: a port is not a whole number/) } });
	});

	it('counts the messages inside batches toward the flood limit', async () => {
		const s = await started();
		const unlisten = { v: 1, t: 'host', m: 'unlisten', a: [1] };
		const full = batch(Array.from({ length: WIRE_LIMITS.maxBatchEntries }, () => unlisten));
		for (let i = 0; i * WIRE_LIMITS.maxBatchEntries <= WIRE_LIMITS.maxEntriesPerSecond; i++) s.port.postMessage(full);
		// 200,000 messages take a while to check on a busy machine: wait until the link has read them
		for (let waited = 0; !s.link.stopped && waited < 20_000; waited += 50) await tick(50);
		expect(s.link.stopped).toBe(true);
		expect(s.told[0]).toMatchObject({ where: 'message flood', error: { message: expect.stringMatching(/more than 200,000 messages in a second/) } });
	});
});

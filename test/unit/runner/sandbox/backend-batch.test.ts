import { describe, expect, it } from 'vitest';
import { createBackendBatcher, MAX_BACKEND_BATCH, MAX_BACKEND_BATCH_CHARS, type BackendCall } from '$lib/runner/world/backend-batch';
import type { SimResponse } from '$lib/sim';

const req = (n: number) => ({ host: 'jaeger-agent', port: 6831, req: { method: 'POST', url: 'http://jaeger-agent:6831/', headers: {}, body: String(n) } });
const answer = (c: BackendCall): SimResponse => ({ status: 202, headers: {}, body: c.req.body });

describe('requests to the backend worker, batched', () => {
	it('a burst leaves as messages of at most MAX_BACKEND_BATCH calls, in order, each caller getting its own answer', async () => {
		const sent: number[][] = [];
		let run: (() => void) | null = null;
		const send = createBackendBatcher(
			async (calls) => {
				sent.push(calls.map((c) => Number(c.req.body)));
				return calls.map(answer);
			},
			(fn) => (run = fn)
		);
		const n = MAX_BACKEND_BATCH * 2 + 5;
		const answers = Array.from({ length: n }, (_, i) => send(req(i)));
		expect(sent).toEqual([]);
		run!();
		expect(sent.map((b) => b.length)).toEqual([MAX_BACKEND_BATCH, MAX_BACKEND_BATCH, 5]);
		expect(sent.flat()).toEqual(Array.from({ length: n }, (_, i) => i));
		expect((await Promise.all(answers)).map((r) => Number(r.body))).toEqual(Array.from({ length: n }, (_, i) => i));
	});

	it('a failed message rejects its callers only; a missing answer rejects that caller', async () => {
		const send = createBackendBatcher(async (calls) => {
			if (calls.some((c) => c.req.body === 'boom')) throw new Error('worker gone');
			return calls.slice(1).map(answer);
		}, (fn) => queueMicrotask(fn));
		await expect(send({ ...req(0), req: { ...req(0).req, body: 'boom' } })).rejects.toThrow('worker gone');
		const [a, b] = [send(req(1)), send(req(2))];
		await expect(a).resolves.toMatchObject({ body: '2' });
		await expect(b).rejects.toThrow(/did not answer/);
	});

	it('big packets go a few per message: at most MAX_BACKEND_BATCH_CHARS of bodies, a bigger one alone', async () => {
		const sent: number[] = [];
		let run: (() => void) | null = null;
		const send = createBackendBatcher(
			async (calls) => {
				sent.push(calls.length);
				return calls.map(answer);
			},
			(fn) => (run = fn)
		);
		const packet = (chars: number) => ({ ...req(0), req: { ...req(0).req, body: 'x'.repeat(chars) } });
		const quarter = MAX_BACKEND_BATCH_CHARS / 4;
		const answers = [...Array.from({ length: 9 }, () => send(packet(quarter))), send(packet(MAX_BACKEND_BATCH_CHARS * 2)), send(packet(10))];
		run!();
		expect(sent).toEqual([4, 4, 1, 1, 1]);
		expect(await Promise.all(answers)).toHaveLength(11);
	});
});

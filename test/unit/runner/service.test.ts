import { describe, expect, it } from 'vitest';
import { createConsoleSink } from '../../../src/lib/runner/service/console-sink';
import { createLiveness } from '../../../src/lib/runner/service/liveness';
import { formatArgs } from '../../../src/lib/runner/service/format';
import type { WorkerLine } from '../../../src/lib/runner/service/protocol';

const realTimers = { setTimeout, clearTimeout, setInterval, clearInterval };

describe('console sink', () => {
	it('sends the first lines at once (a line before an infinite loop still arrives), batches a burst', async () => {
		const batches: WorkerLine[][] = [];
		const scheduled: (() => void)[] = [];
		const sink = createConsoleSink((l) => batches.push(l), { maxLines: 1000, schedule: (f) => scheduled.push(f) });
		sink.push('out', 'about to spin');
		expect(batches).toEqual([[{ stream: 'out', text: 'about to spin' }]]);
		for (let i = 0; i < 100; i++) sink.push('out', `line ${i}`);
		// 20 lines in a 16 ms window go one by one (the first included), the rest wait for the tick
		expect(batches.length).toBe(20);
		scheduled.forEach((f) => f());
		expect(batches.flat().length).toBe(101);
	});

	it('caps a flood with a visible note and counts what it dropped', async () => {
		const lines: WorkerLine[] = [];
		const sink = createConsoleSink((l) => lines.push(...l), { maxLines: 5, schedule: (f) => f() });
		for (let i = 0; i < 50; i++) sink.push('out', `n${i}`);
		await sink.flush();
		expect(lines.map((l) => l.text)).toEqual(['n0', 'n1', 'n2', 'n3', 'n4', 'console output capped at 5 lines; later lines are not shown']);
		expect(sink.dropped()).toBe(45);
	});
});

describe('liveness (when a program is done, as Node decides when to exit)', () => {
	it('waits for the learner’s timers and requests, not for anything else', async () => {
		const l = createLiveness(realTimers);
		let idle = false;
		const fired: string[] = [];
		l.timers.setTimeout(() => fired.push('t1'), 20);
		let finish!: () => void;
		l.track(new Promise<void>((r) => (finish = r)));
		const done = l.idle().then(() => (idle = true));
		await new Promise((r) => setTimeout(r, 40));
		expect(fired).toEqual(['t1']);
		expect([idle, l.pendingTimers(), l.pendingRequests()]).toEqual([false, 0, 1]);
		finish();
		await done;
		expect(idle).toBe(true);
	});

	it('an interval keeps it alive until cleared; clearTimeout releases a timer', async () => {
		const l = createLiveness(realTimers);
		let idle = false;
		const t = l.timers.setTimeout(() => {}, 10_000);
		const i = l.timers.setInterval(() => {}, 5);
		const done = l.idle().then(() => (idle = true));
		l.timers.clearTimeout(t);
		await new Promise((r) => setTimeout(r, 30));
		expect(idle).toBe(false);
		l.timers.clearInterval(i);
		await done;
		expect(l.pendingTimers()).toBe(0);
	});

	it('work started by a promise reaction right after the last timer still counts', async () => {
		const l = createLiveness(realTimers);
		const log: string[] = [];
		l.timers.setTimeout(() => {
			Promise.resolve().then(() => l.timers.setTimeout(() => log.push('second'), 10));
		}, 1);
		await l.idle();
		expect(log).toEqual(['second']);
	});
});

describe('console formatting', () => {
	it('prints like Node: strings raw, objects inspected, printf-style specifiers', () => {
		expect(formatArgs(['Hello,', 'Bryan!'])).toBe('Hello, Bryan!');
		expect(formatArgs(['n', 1, { a: 'x', b: [1, 2] }, null])).toBe("n 1 { a: 'x', b: [ 1, 2 ] } null");
		expect(formatArgs(['%s is %d years', 'Ada', 36.6, 'extra'])).toBe('Ada is 36.6 years extra');
		const o: Record<string, unknown> = { x: 1 };
		o.self = o;
		expect(formatArgs([o])).toBe('{ x: 1, self: [Circular] }');
		expect(formatArgs([new Map([['k', 1]])])).toBe('Map(1) { k: 1 }');
	});
});

import { describe, expect, it } from 'vitest';
import { createProcessModule, exitStatus } from '$lib/sim';

describe('tour/process exit', () => {
	it('reads the code as Node does and keeps it to 8 bits, as a shell sees it', () => {
		expect([undefined, null, 0, 1, 255, 256, 257, -1, '2', ' 3 '].map(exitStatus)).toEqual([0, 0, 0, 1, 255, 0, 1, 255, 2, 3]);
	});

	it('refuses what is not an integer with a TypeError, before anything ends', () => {
		for (const code of [1.5, NaN, Infinity, 2 ** 53, 'one', '', true, {}, [1]]) expect(() => exitStatus(code)).toThrow(TypeError);
	});

	it("hands the status to the runtime's exit, which ends the program", () => {
		const ended: number[] = [];
		const proc = createProcessModule('job', [], (status) => {
			ended.push(status);
			throw new Error('ended');
		});
		expect(() => proc.exit(-2)).toThrow('ended');
		expect(() => proc.exit(0.5)).toThrow(TypeError);
		expect(ended).toEqual([254]);
		expect(() => createProcessModule('job', []).exit()).toThrow(/not available/);
	});
});

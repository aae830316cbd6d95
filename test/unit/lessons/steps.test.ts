// Every step of the course, run for real in Node (compile core + runtime modules + simulated network +
// tracer): its solution passes its check, its start files do not, and every file compiles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFiles, runWorld, setUpWorld, tearDownWorld } from './world';
import { english, failing, judge, show, steps } from './course';

beforeAll(setUpWorld);
afterAll(tearDownWorld);

describe.each(steps.map((s) => [s.id, s] as const))('%s', (id, s) => {
	const entries = Object.keys(s.services);

	it('start and solution files compile with no diagnostics', async () => {
		expect(entries.length).toBeGreaterThan(0);
		expect(await compileFiles(s.start, entries)).toEqual([]);
		expect(await compileFiles(s.solution, entries)).toEqual([]);
	});

	// reading steps have no check: they only need to run cleanly
	if (s.readingOnly) {
		it('a reading step still runs cleanly as written', async () => {
			const run = await runWorld(s.start, s.services, s.args, s.timeLimitMs);
			expect(run.errors).toEqual([]);
		});
		return;
	}

	it('the solution passes every check', async () => {
		const run = await runWorld(s.solution, s.services, s.args, s.timeLimitMs);
		expect(run.errors).toEqual([]);
		const items = await judge(id, run);
		expect(items.length).toBeGreaterThan(0);
		expect(failing(items), show(items)).toEqual([]);
	});

	it('the start files do not pass, and every failing item has a hint', async () => {
		const run = await runWorld(s.start, s.services, s.args, s.timeLimitMs);
		const items = await judge(id, run);
		expect(failing(items).length, show(items)).toBeGreaterThan(0);
		for (const i of failing(items)) expect(i.hint, english(i.label)).toBeTruthy();
	});
});

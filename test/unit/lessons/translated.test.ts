// Every label and hint a step's check shows has Simplified Chinese beside its English. Each check is
// run over what the learner can give it — nothing at all, the start files, the solution, and each
// typical mistake — and every item it answers with (every hint of the failing ones) must carry a
// zh-CN text that is not empty, is not the English again, and is written in Chinese.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckItem, CheckText, RunOutput } from '$lib/checks';
import { runWorld, setUpWorld, tearDownWorld } from './world';
import { english, judge, step, steps } from './course';
import { variants, type Variant } from './mistakes';

beforeAll(setUpWorld);
afterAll(tearDownWorld);

/** What is wrong with one label or hint, or null. */
function problem(t: CheckText | undefined, what: string): string | null {
	if (t === undefined || t === '') return what === 'hint' ? `a failing item has no hint` : `an item has no label`;
	if (typeof t === 'string') return `${what} "${t}" is English only`;
	const zh = t['zh-CN'];
	if (!zh) return `${what} "${t.en}" has no zh-CN text`;
	if (zh === t.en) return `${what} "${t.en}" is the same in zh-CN`;
	if (!/[\u4e00-\u9fff]/.test(zh)) return `${what} "${t.en}" has zh-CN "${zh}" with no Chinese in it`;
	if (!t.en) return `${what} "${zh}" has no English`;
	return null;
}

function problems(items: CheckItem[]): string[] {
	return items.flatMap((i) => [problem(i.label, 'label'), i.ok ? null : problem(i.hint, 'hint')]).filter((p): p is string => p !== null);
}

function apply(v: Variant): Record<string, string> {
	const s = step(v.step);
	const files = { ...(v.fromStart ? s.start : s.solution) };
	for (const [file, edits] of Object.entries(v.edits)) for (const [from, to] of edits) files[file] = files[file].replace(from, to);
	return { ...files, ...v.files };
}

const nothing = (args: string[]): RunOutput => ({ traces: [], console: [], network: [], args, errors: ['hello: stopped at the time limit'] });

const checked = steps.filter((s) => !s.readingOnly && s.check);

it('covers every step with a check', () => {
	expect(checked.length).toBeGreaterThanOrEqual(16);
});

describe.each(checked.map((s) => [s.id, s] as const))('%s', (id, s) => {
	it('every label and hint it shows has Simplified Chinese', async () => {
		const args = s.args.split(/\s+/).filter(Boolean);
		const runs: [string, RunOutput][] = [
			['an empty run', nothing(args)],
			['the start files', await runWorld(s.start, s.services, s.args, s.timeLimitMs)],
			['the solution', await runWorld(s.solution, s.services, s.args, s.timeLimitMs)]
		];
		for (const v of variants.filter((x) => x.step === id)) runs.push([`mistake "${v.name}"`, await runWorld(apply(v), s.services, v.args ?? s.args, s.timeLimitMs)]);
		const found: string[] = [];
		let hints = 0;
		for (const [what, run] of runs) {
			const items = await judge(id, run);
			hints += items.filter((i) => !i.ok && i.hint).length;
			for (const p of problems(items)) found.push(`${what}: ${p}`);
		}
		expect([...new Set(found)]).toEqual([]);
		expect(hints, 'an empty run fails every item, so hints were looked at').toBeGreaterThan(0);
	}, 180_000); // every run of the step (start, solution, each mistake) in one test: a cap, not a target
});

it('the English is what the English page shows', async () => {
	const items = await judge('hello-span/tags-and-logs', nothing(['Bryan']));
	expect(english(items[0].label)).toBe('hello prints "Hello, Bryan!"');
	expect(english(items[0].hint)).toBe('Keep printing the greeting.');
	expect((items[0].label as { 'zh-CN': string })['zh-CN']).toBe('hello 打印出 "Hello, Bryan!"');
});

it('no label calls the FollowsFrom span a child', async () => {
	const s = step('context/follows-from');
	for (const run of [nothing(['Bryan']), await runWorld(s.solution, s.services, s.args, s.timeLimitMs)]) {
		const labels = (await judge(s.id, run)).map((i) => i.label);
		for (const l of labels) {
			expect(english(l)).not.toMatch(/child/i);
			expect(typeof l === 'string' ? l : l['zh-CN']).not.toMatch(/子 span/);
		}
	}
});

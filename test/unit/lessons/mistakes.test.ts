// Each typical mistake fails its step's check with the hint that names it; each correct solution
// written another way passes. Run for real, like steps.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWorld, setUpWorld, tearDownWorld } from './world';
import { english, failing, judge, show, step } from './course';
import { variants, type Variant } from './mistakes';

beforeAll(setUpWorld);
afterAll(tearDownWorld);

function apply(v: Variant): Record<string, string> {
	const s = step(v.step);
	const files = { ...(v.fromStart ? s.start : s.solution) };
	for (const [file, edits] of Object.entries(v.edits)) {
		let text = files[file];
		if (text === undefined) throw new Error(`${v.step}: no solution file ${file}`);
		for (const [from, to] of edits) {
			const next = text.replace(from, to);
			if (next === text) throw new Error(`${v.step} / ${v.name}: "${String(from).slice(0, 60)}" not found in ${file}`);
			text = next;
		}
		files[file] = text;
	}
	return { ...files, ...v.files };
}

describe.each(variants.map((v) => [`${v.step}: ${v.name}`, v] as const))('%s', (_, v) => {
	it(v.hint ? 'fails with the hint that names the mistake' : 'passes', async () => {
		const s = step(v.step);
		const run = await runWorld(apply(v), s.services, v.args ?? s.args, s.timeLimitMs);
		const items = await judge(v.step, run);
		if (v.hint) {
			const hints = failing(items).map((i) => english(i.hint));
			expect(hints.some((h) => h.includes(v.hint!)), show(items) + "\nCONSOLE:\n" + run.console.map((l) => `${l.service}: ${l.text}`).join("\n")).toBe(true);
		} else {
			expect(failing(items), show(items) + "\nCONSOLE:\n" + run.console.map((l) => `${l.service}: ${l.text}`).join("\n")).toEqual([]);
		}
	});
});

import { describe, expect, it } from 'vitest';
import { createProgressStore, STORAGE_KEY, upgrade, type KeyValueStorage } from '../../../src/lib/course/progress';
import { playgroundConditionsSaver, playgroundSaver } from '../../../src/lib/course/step-work.svelte';
import { newRule } from '../../../src/lib/runner/conditions';

function memory(initial: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
	const data = new Map(Object.entries(initial));
	return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('the playground\'s network conditions in saved progress', () => {
	it('old saved progress without conditions loads unchanged and has no rules', () => {
		const old = { version: 1, steps: { 'a/b': { passedAt: 5 } }, playground: { files: { 'hello.ts': 'x' }, savedAt: 7 } };
		expect(upgrade(structuredClone(old))).toEqual(old);
		const store = createProgressStore(memory({ [STORAGE_KEY]: JSON.stringify(old) }));
		expect(store.read()).toEqual(old);
		expect(playgroundConditionsSaver(store).saved()).toEqual([]);
		expect(playgroundSaver(store).saved()).toEqual({ 'hello.ts': 'x' });
	});

	it('survives a reload, and saving files keeps the rules (and the other way round)', () => {
		const storage = memory();
		const a = createProgressStore(storage);
		const rules = [newRule({ to: 'formatter', latency: '300' })];
		playgroundConditionsSaver(a).save(rules);
		// rules saved before any file: the playground still opens its example, not an empty file list
		expect(playgroundSaver(a).saved()).toBeUndefined();
		playgroundSaver(a).save({ 'hello.ts': 'mine' });
		const b = createProgressStore(storage);
		expect(playgroundConditionsSaver(b).saved()).toEqual(rules);
		expect(playgroundSaver(b).saved()).toEqual({ 'hello.ts': 'mine' });
		playgroundConditionsSaver(b).save([]);
		const c = createProgressStore(storage);
		expect(playgroundConditionsSaver(c).saved()).toEqual([]);
		expect(playgroundSaver(c).saved()).toEqual({ 'hello.ts': 'mine' });
	});

	it('damaged conditions are dropped without costing the saved files', () => {
		const problems: string[] = [];
		const raw = { version: 1, steps: {}, playground: { files: { 'hello.ts': 'x' }, savedAt: 1, conditions: 'garbage' } };
		const store = createProgressStore(memory({ [STORAGE_KEY]: JSON.stringify(raw) }), (p) => problems.push(p.kind));
		expect(problems).toEqual([]);
		expect(store.read().playground).toEqual({ files: { 'hello.ts': 'x' }, savedAt: 1 });
	});

	it('conditions of a newer shape are kept in storage but not misread', () => {
		const raw = { version: 1, steps: {}, playground: { files: { 'hello.ts': 'x' }, savedAt: 1, conditions: { version: 99, rules: [{ anything: true }] } } };
		const store = createProgressStore(memory({ [STORAGE_KEY]: JSON.stringify(raw) }));
		expect(store.read().playground?.conditions).toEqual({ version: 99, rules: [{ anything: true }] });
		expect(playgroundConditionsSaver(store).saved()).toEqual([]);
	});

	it('travel with an export and import', () => {
		const a = createProgressStore(memory());
		playgroundSaver(a).save({ 'hello.ts': 'x' });
		playgroundConditionsSaver(a).save([newRule({ failure: 'reset' })]);
		const b = createProgressStore(memory());
		b.importText(a.exportText());
		expect(playgroundConditionsSaver(b).saved()).toEqual([newRule({ failure: 'reset' })]);
	});
});

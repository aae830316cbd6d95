import { describe, expect, it } from 'vitest';
import { createProgressStore, type KeyValueStorage } from '../../../src/lib/course/progress';
import { StepWork, stepSaver, playgroundSaver } from '../../../src/lib/course/step-work.svelte';
import { encodeShare } from '../../../src/lib/course/share';

function memory(): KeyValueStorage {
	const data = new Map<string, string>();
	return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const KEY = 'a/one';
const start = { 'main.ts': '// start' };
const solution = { 'main.ts': '// solved' };
const mine = { 'main.ts': '// mine' };
const theirs = { 'main.ts': '// theirs' };

/** A step page in a tab: its own store on the browser's one storage, as a page would make it. */
function tab(storage: KeyValueStorage, hash = '') {
	const store = createProgressStore(storage);
	const work = new StepWork(KEY, start, solution, stepSaver(store, KEY, start));
	work.restore(hash);
	work.watch();
	return { store, work, saved: () => createProgressStore(storage).read().steps[KEY]?.work?.files };
}

function edit(work: StepWork, files: Record<string, string>) {
	work.files = { ...files };
	work.changed();
	work.flush();
}

describe('a shared attempt and the learner\'s own work', () => {
	it('shows the shared version, keeps their own saved and one click away until they edit the shared one', () => {
		const storage = memory();
		edit(tab(storage).work, mine);
		const { work, saved } = tab(storage, encodeShare(theirs));
		expect(work.files).toEqual(theirs);
		expect(work.versions).toEqual({ kind: 'shared', showing: 'other' });
		work.running(); // running it is not editing it
		expect(saved()).toEqual(mine);
		work.switchTo('own');
		expect(work.files).toEqual(mine);
		expect(saved()).toEqual(mine);
		work.switchTo('other');
		expect(work.files).toEqual(theirs);
		expect(saved()).toEqual(mine);
		expect(work.sharedIsTheirs).toBe(false);
		edit(work, { 'main.ts': '// theirs, edited' });
		expect(work.sharedIsTheirs).toBe(true);
		expect(saved()).toEqual({ 'main.ts': '// theirs, edited' });
		work.switchTo('own'); // still one click away, and choosing it saves it again
		expect(saved()).toEqual(mine);
	});

	it('with nothing of their own to replace, the shared version is theirs once they run it', () => {
		const storage = memory();
		const { work, saved } = tab(storage, encodeShare(theirs));
		expect(work.versions).toBeNull();
		expect(work.notice?.kind).toBe('shared');
		expect(saved()).toBeUndefined();
		work.running();
		expect(saved()).toEqual(theirs);
	});

	it('Solve on a shared version keeps the learner\'s own one click away', () => {
		const storage = memory();
		edit(tab(storage).work, mine);
		const { work, saved } = tab(storage, encodeShare(theirs));
		work.solve();
		expect(saved()).toEqual(solution);
		work.switchTo('own');
		expect(saved()).toEqual(mine);
	});
});

describe('one step open in two tabs', () => {
	it('a tab with no unsaved edits shows the other tab\'s newer version, and keeps its own one click away', () => {
		const storage = memory();
		const a = tab(storage);
		const b = tab(storage);
		edit(b.work, mine);
		edit(a.work, theirs); // a had not heard of b's edit: both versions must survive
		b.store.storageChanged();
		expect(b.work.files).toEqual(theirs);
		expect(b.work.versions).toEqual({ kind: 'tab', showing: 'other' });
		b.work.switchTo('own');
		expect(b.saved()).toEqual(mine);
		a.store.storageChanged();
		expect(a.work.files).toEqual(mine);
		a.work.switchTo('own');
		expect(a.work.files).toEqual(theirs);
	});

	it('a tab in the middle of typing keeps its edits; the other tab\'s version is one click away', () => {
		const storage = memory();
		const a = tab(storage);
		const b = tab(storage);
		edit(a.work, theirs);
		b.work.files = { ...mine };
		b.work.changed(); // not saved yet
		b.store.storageChanged();
		expect(b.work.files).toEqual(mine);
		expect(b.work.versions).toEqual({ kind: 'tab', showing: 'own' });
		b.work.flush();
		expect(b.saved()).toEqual(mine);
		b.work.switchTo('other');
		expect(b.work.files).toEqual(theirs);
		expect(b.saved()).toEqual(theirs);
	});

	it('a save that finds the other tab\'s version first (its news not yet in) keeps that version too', () => {
		const storage = memory();
		const a = tab(storage);
		const b = tab(storage);
		edit(a.work, theirs);
		edit(b.work, mine); // b never got "storage changed"
		expect(b.saved()).toEqual(mine);
		b.work.switchTo('other');
		expect(b.work.files).toEqual(theirs);
	});

	it('the same version arriving changes nothing; the tab\'s own saves are not news', () => {
		const storage = memory();
		const a = tab(storage);
		const b = tab(storage);
		edit(a.work, mine);
		edit(b.work, { 'main.ts': '// mine' });
		b.store.storageChanged();
		a.store.storageChanged();
		expect(a.work.versions).toBeNull();
		expect(b.work.versions).toBeNull();
	});

	it('the playground follows another tab the same way', () => {
		const storage = memory();
		const store = createProgressStore(storage);
		const work = new StepWork('playground', start, start, playgroundSaver(store));
		work.restore('');
		work.watch();
		createProgressStore(storage).savePlayground(theirs);
		store.storageChanged();
		expect(work.files).toEqual(theirs);
	});
});

import { describe, it, expect } from 'vitest';
import { createProgressStore, STORAGE_KEY, BACKUP_KEY, BACKUP_PREFIX, upgrade, salvage, summarize, ProgressFormatError, type KeyValueStorage, type ProgressProblem } from '../../../src/lib/course/progress';

/** localStorage's shape on a Map: two stores on one memory() are two tabs of one browser */
function memory(initial: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
	const data = new Map(Object.entries(initial));
	return {
		data,
		getItem: (k) => data.get(k) ?? null,
		setItem: (k, v) => void data.set(k, v),
		removeItem: (k) => void data.delete(k),
		get length() {
			return data.size;
		},
		key: (i) => [...data.keys()][i] ?? null
	};
}

describe('progress store', () => {
	const start = { 'hello.ts': '// start' };

	it('keeps edits, passes and the last step across a reload', () => {
		const storage = memory();
		const a = createProgressStore(storage);
		a.saveWork('hello-span/first', { 'hello.ts': 'edited' }, start);
		a.markPassed('hello-span/first');
		a.visit('hello-span/second');
		a.savePlayground({ 'client.ts': 'x' });
		const b = createProgressStore(storage).read();
		expect(b.steps['hello-span/first'].work?.files).toEqual({ 'hello.ts': 'edited' });
		expect(b.steps['hello-span/first'].passedAt).toBeTypeOf('number');
		expect(b.lastVisited).toBe('hello-span/second');
		expect(b.playground?.files).toEqual({ 'client.ts': 'x' });
	});

	it('forgets edits that match the start files again', () => {
		const s = createProgressStore(memory());
		s.saveWork('a/b', { 'hello.ts': 'edited' }, start);
		s.saveWork('a/b', { ...start }, start);
		expect(s.read().steps['a/b'].work).toBeUndefined();
	});

	it('discarding edits can be undone', () => {
		const s = createProgressStore(memory());
		s.saveWork('a/b', { 'hello.ts': 'mine' }, start);
		const undo = s.discardWork('a/b')!;
		expect(s.read().steps['a/b'].work).toBeUndefined();
		s.restoreWork('a/b', undo);
		expect(s.read().steps['a/b'].work?.files['hello.ts']).toBe('mine');
	});

	it('corrupt saved data: a clear message, a backup of the old text, a fresh start', () => {
		const problems: ProgressProblem[] = [];
		const storage = memory({ [STORAGE_KEY]: '{"version":1,"steps":' });
		const s = createProgressStore(storage, (p) => problems.push(p));
		expect(s.read().steps).toEqual({});
		expect(problems[0].kind).toBe('corrupt');
		expect(problems[0].message).toMatch(/could not be read.*not valid JSON/);
		const backups = s.backups();
		expect(backups.map((b) => b.text)).toEqual(['{"version":1,"steps":']);
		expect(backups[0].key).toMatch(new RegExp(`^${BACKUP_PREFIX}\\d{4}-\\d\\d-\\d\\dT`));
	});

	it('a full storage reports quota and keeps the data in memory', () => {
		const problems: ProgressProblem[] = [];
		const storage = memory();
		storage.setItem = () => {
			throw new DOMException('full', 'QuotaExceededError');
		};
		const s = createProgressStore(storage, (p) => problems.push(p));
		s.saveWork('a/b', { 'hello.ts': 'mine' }, start);
		expect(s.read().steps['a/b'].work?.files['hello.ts']).toBe('mine');
		expect(problems.map((p) => p.kind)).toEqual(['quota']);
	});

	it('no storage at all still works for the tab and says so', () => {
		const problems: ProgressProblem[] = [];
		const s = createProgressStore(null, (p) => problems.push(p));
		s.markPassed('a/b');
		expect(s.read().steps['a/b'].passedAt).toBeDefined();
		expect(problems[0].kind).toBe('unavailable');
	});

	it('exports and imports progress between machines, rejecting malformed files with a message', () => {
		const a = createProgressStore(memory());
		a.saveWork('a/b', { 'hello.ts': 'mine' }, start);
		a.markPassed('a/b');
		const b = createProgressStore(memory());
		b.importText(a.exportText());
		expect(b.read().steps['a/b'].work?.files['hello.ts']).toBe('mine');
		expect(() => b.importText('not json')).toThrow(/not JSON/);
		expect(() => b.importText('{"version":1,"steps":{"a/b":{"work":{"files":{"x":1}}}}}')).toThrow(/malformed saved files/);
		expect(() => b.importText('{"version":99,"steps":{}}')).toThrow(/newer than this site understands/);
		expect(b.read().steps['a/b'].work?.files['hello.ts']).toBe('mine'); // a failed import loses nothing
	});

	it('migrates older versions step by step', () => {
		const migrations = [
			{ from: 1, migrate: (d: Record<string, unknown>) => ({ ...d, steps: Object.fromEntries((d.passed as string[]).map((k) => [k, { passedAt: 1 }])) }) }
		];
		const p = upgrade({ version: 1, passed: ['a/b'] }, migrations, 2);
		expect(p.steps['a/b'].passedAt).toBe(1);
		expect(() => upgrade({ version: 1, passed: [] }, [], 2)).toThrow(ProgressFormatError);
	});
});

describe('progress in two tabs (two stores on one storage)', () => {
	const start = { 'hello.ts': '// start' };

	it('each write changes only its own entry: edits to different steps in two tabs both survive', () => {
		const storage = memory();
		const lesson = createProgressStore(storage);
		const playground = createProgressStore(storage);
		lesson.saveWork('a/one', { 'hello.ts': 'lesson edit' }, start);
		playground.savePlayground({ 'client.ts': 'playground edit' });
		playground.saveWork('a/two', { 'hello.ts': 'second tab edit' }, start);
		lesson.markPassed('a/one');
		lesson.visit('a/one');
		const after = createProgressStore(storage).read();
		expect(after.steps['a/one'].work?.files['hello.ts']).toBe('lesson edit');
		expect(after.steps['a/one'].passedAt).toBeTypeOf('number');
		expect(after.steps['a/two'].work?.files['hello.ts']).toBe('second tab edit');
		expect(after.playground?.files).toEqual({ 'client.ts': 'playground edit' });
		expect(after.lastVisited).toBe('a/one');
	});

	it('"storage changed" re-reads and tells subscribers; nothing new, no news', () => {
		const storage = memory();
		const a = createProgressStore(storage);
		const b = createProgressStore(storage);
		const seen: string[] = [];
		b.subscribe((p) => seen.push(p.steps['a/one']?.work?.files['hello.ts'] ?? ''));
		a.saveWork('a/one', { 'hello.ts': 'from a' }, start);
		expect(b.read().steps['a/one']).toBeUndefined(); // b has not been told yet
		b.storageChanged();
		expect(b.read().steps['a/one'].work?.files['hello.ts']).toBe('from a');
		b.storageChanged();
		expect(seen).toEqual(['from a']);
	});

	it('a change that could not be written is replayed on the next write, over the other tab\'s', () => {
		const storage = memory();
		const a = createProgressStore(storage);
		const b = createProgressStore(storage);
		const setItem = storage.setItem;
		storage.setItem = () => {
			throw new DOMException('full', 'QuotaExceededError');
		};
		a.saveWork('a/one', { 'hello.ts': 'kept in memory' }, start);
		storage.setItem = setItem;
		b.saveWork('a/two', { 'hello.ts': 'other tab' }, start);
		a.markPassed('a/two');
		const after = createProgressStore(storage).read();
		expect(after.steps['a/one'].work?.files['hello.ts']).toBe('kept in memory');
		expect(after.steps['a/two'].work?.files['hello.ts']).toBe('other tab');
		expect(after.steps['a/two'].passedAt).toBeDefined();
	});

	it('an unreadable text written by another tab is set aside, and this tab carries on', () => {
		const storage = memory();
		const problems: ProgressProblem[] = [];
		const a = createProgressStore(storage, (p) => problems.push(p));
		a.saveWork('a/one', { 'hello.ts': 'mine' }, start);
		storage.setItem(STORAGE_KEY, '{"version": 1, "steps": 7}');
		a.storageChanged();
		a.saveWork('a/two', { 'hello.ts': 'also mine' }, start);
		expect(problems.map((p) => p.kind)).toEqual(['corrupt']);
		expect(a.backups().map((b) => b.text)).toEqual(['{"version": 1, "steps": 7}']);
		expect(Object.keys(createProgressStore(storage).read().steps).sort()).toEqual(['a/one', 'a/two']);
	});
});

describe('backups of unreadable progress', () => {
	it('accumulate, dated, never overwritten; the old single backup is one of them', () => {
		let t = Date.parse('2025-03-01T10:00:00Z');
		const storage = memory({ [BACKUP_KEY]: 'the old backup' });
		for (const bad of ['{"version":1,"steps":', 'not json', '{"version":1,"steps":']) {
			storage.setItem(STORAGE_KEY, bad);
			createProgressStore(storage, () => {}, () => (t += 60_000));
		}
		const s = createProgressStore(storage, () => {}, () => t);
		const backups = s.backups();
		// the same text twice is kept once
		expect(backups.map((b) => b.text)).toEqual(['not json', '{"version":1,"steps":', 'the old backup']);
		expect(backups.map((b) => b.date)).toEqual(['2025-03-01T10:02:00.000Z', '2025-03-01T10:01:00.000Z', null]);
		expect(storage.data.get(BACKUP_KEY)).toBe('the old backup');
	});

	it('two backups in the same millisecond get two keys', () => {
		const storage = memory();
		for (const bad of ['one', 'two']) {
			storage.setItem(STORAGE_KEY, bad);
			createProgressStore(storage, () => {}, () => 0);
		}
		expect(createProgressStore(storage).backups().map((b) => b.text).sort()).toEqual(['one', 'two']);
	});

	it('restoring brings back what the backup holds where there is nothing newer, and says what was skipped', () => {
		const start = { 'hello.ts': '// start' };
		const old = { version: 1, steps: { 'a/one': { work: { files: { 'hello.ts': 'old' }, savedAt: 1 }, passedAt: 2 }, 'a/two': { work: { files: { 'hello.ts': 'old two' }, savedAt: 1 } }, 'BAD KEY': {} } };
		const storage = memory({ [BACKUP_KEY]: JSON.stringify(old) });
		const s = createProgressStore(storage);
		s.saveWork('a/two', { 'hello.ts': 'newer two' }, start);
		const r = s.restoreBackup(BACKUP_KEY);
		expect(r.found).toEqual({ edited: 2, passed: 1, playground: false });
		expect(r.skipped).toEqual(['step "BAD KEY" is malformed']);
		expect(s.read().steps['a/one'].work?.files['hello.ts']).toBe('old');
		expect(s.read().steps['a/two'].work?.files['hello.ts']).toBe('newer two');
		s.replace(r.previous); // Undo
		expect(s.read().steps['a/one']).toBeUndefined();
		expect(storage.data.get(BACKUP_KEY)).toBe(JSON.stringify(old)); // the backup stays
	});

	it('a backup nothing can be read from says why and changes nothing', () => {
		const storage = memory({ [BACKUP_KEY]: '{"version":1,"steps":', [`${BACKUP_PREFIX}x`]: '{"version":9,"steps":{}}' });
		const s = createProgressStore(storage);
		expect(() => s.restoreBackup(BACKUP_KEY)).toThrow(/not valid JSON/);
		expect(() => s.restoreBackup(`${BACKUP_PREFIX}x`)).toThrow(/newer than this site understands/);
		expect(storage.data.get(STORAGE_KEY)).toBeUndefined();
	});

	it('salvage keeps the readable entries of a damaged progress', () => {
		const { progress, skipped } = salvage({ version: 1, steps: { 'a/b': { passedAt: 1 }, 'a/c': { passedAt: 'x' } }, playground: { files: 3 } });
		expect(Object.keys(progress.steps)).toEqual(['a/b']);
		expect(skipped).toHaveLength(2);
		expect(() => salvage({ steps: {} })).toThrow(ProgressFormatError);
	});
});

describe('import with Undo', () => {
	const start = { 'hello.ts': '// start' };
	it('tells what it would replace, replaces, and Undo restores exactly the previous progress', () => {
		const storage = memory();
		const mine = createProgressStore(storage);
		mine.saveWork('a/one', { 'hello.ts': 'mine' }, start);
		mine.markPassed('a/one');
		mine.savePlayground({ 'x.ts': 'play' });
		const before = storage.data.get(STORAGE_KEY);
		const other = createProgressStore(memory());
		other.saveWork('b/two', { 'hello.ts': 'theirs' }, start);
		expect(summarize(mine.read())).toEqual({ edited: 1, passed: 1, playground: true });
		const previous = mine.importText(other.exportText());
		expect(Object.keys(mine.read().steps)).toEqual(['b/two']);
		mine.replace(previous);
		expect(storage.data.get(STORAGE_KEY)).toBe(before);
	});
});

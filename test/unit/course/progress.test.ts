import { describe, it, expect } from 'vitest';
import { createProgressStore, STORAGE_KEY, BACKUP_KEY, upgrade, ProgressFormatError, type KeyValueStorage, type ProgressProblem } from '../../../src/lib/course/progress';

function memory(initial: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
	const data = new Map(Object.entries(initial));
	return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
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
		expect(storage.data.get(BACKUP_KEY)).toBe('{"version":1,"steps":');
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

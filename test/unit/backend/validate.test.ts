import { describe, expect, it } from 'vitest';
import { DEFAULT_VALIDATION_LIMITS, validateSpan } from '../../../src/lib/backend/index';
import { span, str, T0 } from './fixtures';

const NOW_US = T0 + 60e6;
const check = (raw: unknown) => validateSpan(raw, DEFAULT_VALIDATION_LIMITS, NOW_US);
const reasonOf = (raw: unknown) => {
	const v = check(raw);
	return v.ok ? 'ok' : v.reason;
};

describe('validateSpan', () => {
	it('accepts a well-formed span and canonicalises ids, µs and missing optional lists', () => {
		const { references: _r, tags: _t, logs: _l, flags: _f, ...bare } = span({ traceID: 'ABC', spanID: '1', startTime: T0 + 0.6, duration: 9.4 });
		const v = check(bare);
		expect(v.ok).toBe(true);
		if (!v.ok) return;
		expect(v.record).toMatchObject({ traceID: '0000000000000abc', spanID: '0000000000000001', startTime: T0 + 1, duration: 9, flags: 1, references: [], tags: [], logs: [] });
	});

	it('names the reason for each kind of bad span', () => {
		const s = span();
		expect(reasonOf(null)).toBe('not-an-object');
		expect(reasonOf([s])).toBe('not-an-object');
		expect(reasonOf({ ...s, traceID: undefined })).toBe('bad-trace-id');
		expect(reasonOf({ ...s, traceID: 'not-hex!' })).toBe('bad-trace-id');
		expect(reasonOf({ ...s, spanID: undefined })).toBe('bad-span-id');
		expect(reasonOf({ ...s, spanID: '0' })).toBe('bad-span-id');
		expect(reasonOf({ ...s, operationName: '' })).toBe('bad-operation-name');
		expect(reasonOf({ ...s, operationName: 42 })).toBe('bad-operation-name');
		expect(reasonOf({ ...s, process: undefined })).toBe('bad-process');
		expect(reasonOf({ ...s, process: { tags: [] } })).toBe('bad-process');
		expect(reasonOf({ ...s, startTime: undefined })).toBe('bad-start-time');
		expect(reasonOf({ ...s, startTime: -5 })).toBe('bad-start-time');
		expect(reasonOf({ ...s, startTime: NaN })).toBe('bad-start-time');
		expect(reasonOf({ ...s, startTime: '123' })).toBe('bad-start-time');
		expect(reasonOf({ ...s, startTime: T0 * 1000 })).toBe('bad-start-time'); // ns instead of µs: in the future
		expect(reasonOf({ ...s, duration: -1 })).toBe('bad-duration');
		expect(reasonOf({ ...s, duration: Infinity })).toBe('bad-duration');
		expect(reasonOf({ ...s, duration: 3 * 24 * 3600e6 })).toBe('bad-duration');
		expect(reasonOf({ ...s, flags: 'sampled' })).toBe('bad-flags');
		expect(reasonOf({ ...s, references: [{ refType: 'PARENT', traceID: 'a', spanID: 'b' }] })).toBe('bad-reference');
		expect(reasonOf({ ...s, references: [{ refType: 'CHILD_OF', traceID: 'a', spanID: 'zz' }] })).toBe('bad-reference');
		expect(reasonOf({ ...s, tags: [{ key: 'k', value: 'v' }] })).toBe('bad-tag');
		expect(reasonOf({ ...s, tags: [{ key: 'n', type: 'int64', value: 1.5 }] })).toBe('bad-tag');
		expect(reasonOf({ ...s, tags: [{ key: 'b', type: 'bool', value: 'true' }] })).toBe('bad-tag');
		expect(reasonOf({ ...s, tags: 'error=true' })).toBe('bad-tag');
		expect(reasonOf({ ...s, tags: [str('big', 'x'.repeat(DEFAULT_VALIDATION_LIMITS.maxTagValueLength + 1))] })).toBe('oversized-tag');
		expect(reasonOf({ ...s, tags: Array.from({ length: 1001 }, (_, i) => str('k' + i, 'v')) })).toBe('too-many-tags');
		expect(reasonOf({ ...s, logs: [{ timestamp: -1, fields: [] }] })).toBe('bad-log');
		expect(reasonOf({ ...s, logs: [{ timestamp: T0, fields: [{ key: 'event' }] }] })).toBe('bad-tag');
		expect(reasonOf({ ...s, logs: Array.from({ length: 1001 }, () => ({ timestamp: T0, fields: [] })) })).toBe('too-many-logs');
	});

	it('explains in words', () => {
		const v = check({ ...span(), duration: -3 });
		expect(v.ok).toBe(false);
		if (!v.ok) expect(v.message).toMatch(/duration is negative/);
	});

	it('copies only what it changes: a reference with a short id is canonicalised, the caller’s array untouched', () => {
		const refs = [{ refType: 'CHILD_OF' as const, traceID: 'abc', spanID: 'f' }];
		const v = check({ ...span({ traceID: 'abc' }), references: refs });
		expect(v.ok && v.record.references[0]).toEqual({ refType: 'CHILD_OF', traceID: '0000000000000abc', spanID: '000000000000000f' });
		expect(refs[0].spanID).toBe('f');
	});
});

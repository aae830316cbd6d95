import { describe, expect, it } from 'vitest';
import { normalizeSpanId, normalizeTraceId } from '../../../src/lib/backend/index';

describe('ids', () => {
	it('pads short hex trace ids to 16 digits and keeps 32-digit ids with a high half', () => {
		expect(normalizeTraceId('abc')).toBe('0000000000000abc');
		expect(normalizeTraceId('2B9C67DE4734ED0D')).toBe('2b9c67de4734ed0d');
		expect(normalizeTraceId('1' + '0'.repeat(16))).toBe('0'.repeat(15) + '1' + '0'.repeat(16));
	});
	it('prints a 128-bit id whose high half is zero as 64-bit, as Jaeger does', () => {
		expect(normalizeTraceId('0'.repeat(16) + '00000000000000ff')).toBe('00000000000000ff');
	});
	it('rejects zero, non-hex, empty, too long and non-string ids', () => {
		for (const bad of ['0', '0000000000000000', 'xyz', '', '1'.repeat(33), 42, null, undefined]) expect(normalizeTraceId(bad)).toBeNull();
		for (const bad of ['0', 'g1', '1'.repeat(17), {}]) expect(normalizeSpanId(bad)).toBeNull();
		expect(normalizeSpanId('7dd683971c41ccb4')).toBe('7dd683971c41ccb4');
	});
});

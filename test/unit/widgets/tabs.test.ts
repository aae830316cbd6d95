import { describe, expect, it } from 'vitest';
import { tabAfterKey } from '$lib/widgets';

describe('moving between tabs with the keyboard', () => {
	const ids = ['console', 'traces', 'network'];
	it('steps and wraps with the arrows, jumps with Home and End', () => {
		expect(tabAfterKey(ids, 'console', 'ArrowRight')).toBe('traces');
		expect(tabAfterKey(ids, 'network', 'ArrowRight')).toBe('console');
		expect(tabAfterKey(ids, 'console', 'ArrowLeft')).toBe('network');
		expect(tabAfterKey(ids, 'traces', 'Home')).toBe('console');
		expect(tabAfterKey(ids, 'traces', 'End')).toBe('network');
	});
	it('other keys and empty lists move nowhere', () => {
		expect(tabAfterKey(ids, 'console', 'Enter')).toBeNull();
		expect(tabAfterKey([], 'x', 'ArrowRight')).toBeNull();
	});
});

import { describe, expect, it } from 'vitest';
import { fill, plural } from '$lib/words';

describe('words', () => {
	it('fills named slots and leaves unknown ones as written', () => {
		expect(fill('Finished in {took} ({n} errors)', { took: '1.2 s', n: 0 })).toBe('Finished in 1.2 s (0 errors)');
		expect(fill('{a}{missing}', { a: 'x' })).toBe('x{missing}');
		expect(fill('{toString}', {})).toBe('{toString}');
	});

	it('makes English plurals', () => {
		expect(plural(1, 'span')).toBe('1 span');
		expect(plural(0, 'span')).toBe('0 spans');
		expect(plural(2, 'match', 'matches')).toBe('2 matches');
	});
});

import { describe, expect, it } from 'vitest';
import { PostingsIndex } from '../../../src/lib/backend/store/postings';

describe('postings lists', () => {
	it('keep trace numbers ascending and unique whatever the insertion order', () => {
		const index = new PostingsIndex();
		const order = [5, 1, 9, 3, 3, 7, 9, 2, 8, 1];
		const added = order.map((s) => index.add('service', '', s) !== null);
		expect(added).toEqual([true, true, true, true, false, true, false, true, true, false]);
		const p = index.get('service', '')!;
		expect(p.seqs.slice(p.head)).toEqual([1, 2, 3, 5, 7, 8, 9]);
		expect([1, 4, 9, 10].map((s) => p.has(s))).toEqual([true, false, true, false]);
	});

	it('drop the oldest in O(1), compact, and delete an emptied list', () => {
		const index = new PostingsIndex();
		for (let s = 0; s < 5000; s++) index.add('tag', 'v', s);
		const p = index.get('tag', 'v')!;
		for (let s = 0; s < 4000; s++) expect(index.remove(p, s)).toBe(false);
		expect(p.size).toBe(1000);
		expect(p.seqs.length).toBeLessThan(5000); // the dead prefix was cut off
		expect(p.has(4000) && !p.has(3999)).toBe(true);
		index.remove(p, 4500); // not the head: removed from the middle
		expect(p.has(4500)).toBe(false);
		for (let s = 4000; s < 5000; s++) if (s !== 4500) index.remove(p, s);
		expect(index.get('tag', 'v')).toBeUndefined();
		expect(index.keyCount).toBe(0);
	});
});

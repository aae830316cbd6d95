import { describe, expect, it } from 'vitest';
import { createRequestGuard } from '$lib/runner/world/request-guard';

describe('the cap on requests in flight', () => {
	it('lets requests through up to the cap, and again once they complete', () => {
		const trips: string[] = [];
		const guard = createRequestGuard(3, (m) => trips.push(m));
		const releases = [1, 2, 3].map(() => guard.enter('hello', 'http://formatter:8081/format'));
		expect(releases.every(Boolean)).toBe(true);
		releases[0]!();
		releases[0]!(); // twice is once
		expect(guard.enter('hello', 'http://publisher:8082/publish')).toBeTypeOf('function');
		expect(trips).toEqual([]);
	});

	it('past the cap refuses, stops once and names the busiest link', () => {
		const trips: string[] = [];
		const guard = createRequestGuard(4, (m) => trips.push(m));
		guard.enter('client', 'http://echo:8080/');
		for (let i = 0; i < 3; i++) guard.enter('echo', 'http://echo:8080/');
		expect(guard.enter('echo', 'http://echo:8080/')).toBeNull();
		expect(guard.enter('client', 'http://other:1/')).toBeNull();
		expect(trips).toHaveLength(1);
		expect(trips[0]).toMatch(/more than 4 requests were in flight at once \(3 of them echo → echo\)/);
	});

	it('names a link even when the URL cannot be parsed', () => {
		const trips: string[] = [];
		const guard = createRequestGuard(1, (m) => trips.push(m));
		guard.enter('a', 'not a url');
		guard.enter('a', 'not a url');
		expect(trips[0]).toMatch(/a → not a url/);
	});
});

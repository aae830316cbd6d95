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

	it('UDP packets do not count toward the cap: a burst of span packets is no loop', () => {
		const trips: string[] = [];
		const guard = createRequestGuard(2, (m) => trips.push(m), { maxDatagrams: 100, onDatagramDrop: () => {} });
		const packets = Array.from({ length: 50 }, () => guard.enterDatagram('s01', 'http://jaeger-agent:6831/'));
		expect(packets.every(Boolean)).toBe(true);
		expect(guard.enter('a', 'http://b:1/')).toBeTypeOf('function');
		expect(guard.enter('a', 'http://b:1/')).toBeTypeOf('function');
		expect(trips).toEqual([]);
		// …while the request cap still stops a loop with those packets on their way
		expect(guard.enter('a', 'http://b:1/')).toBeNull();
		expect(trips).toHaveLength(1);
		expect(guard.stopped).toBe(true);
		expect(guard.enterDatagram('s01', 'http://jaeger-agent:6831/')).toBeNull();
	});

	it('past the packet cap drops packets without stopping the run, and says so once', () => {
		const trips: string[] = [];
		const drops: string[] = [];
		const guard = createRequestGuard(2, (m) => trips.push(m), { maxDatagrams: 3, onDatagramDrop: (m) => drops.push(m) });
		const sent = Array.from({ length: 3 }, () => guard.enterDatagram('spam', 'http://jaeger-agent:6831/'));
		expect(guard.enterDatagram('spam', 'http://jaeger-agent:6831/')).toBeNull();
		expect(guard.enterDatagram('spam', 'http://jaeger-agent:6831/')).toBeNull();
		expect(drops).toHaveLength(1);
		expect(drops[0]).toMatch(/more than 3 UDP packets .*spam's packet to jaeger-agent was dropped/);
		expect(trips).toEqual([]);
		expect(guard.stopped).toBe(false);
		sent[0]!();
		sent[0]!(); // twice is once
		expect(guard.enterDatagram('spam', 'http://jaeger-agent:6831/')).toBeTypeOf('function');
		expect(guard.enterDatagram('spam', 'http://jaeger-agent:6831/')).toBeNull();
	});
});

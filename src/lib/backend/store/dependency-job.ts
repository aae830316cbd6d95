// The dependencies job as Jaeger runs it for Cassandra and Elasticsearch (jaegertracing/
// spark-dependencies): once per UTC day, read that day's traces, and count one call for every
// span whose parent is in another service — the parent by Jaeger's rule (first same-trace
// CHILD_OF, else FOLLOWS_FROM), so a message's consumer span that FOLLOWS_FROM the producer's
// span gives a producer → consumer edge. The result is what /api/dependencies serves for that day.
import type { DependencyLink, SpanRecord } from '../../model/index';
import { CallCounter, traceCalls } from './dependencies';
import { utcDay } from './es-index';

const DAY_US = 86_400_000_000;

/** µs bounds of a `YYYY-MM-DD` UTC day, or null for a malformed date. */
export function dayBounds(day: string): [number, number] | null {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
	const ms = Date.parse(day + 'T00:00:00Z');
	return Number.isFinite(ms) && new Date(ms).toISOString().startsWith(day) ? [ms * 1000, ms * 1000 + DAY_US] : null;
}

/**
 * The edges of `day` (DATE=YYYY-MM-DD): traces that have a span starting that UTC day, each trace
 * counted whole, once.
 */
export function dependenciesOfDay(traces: Iterable<readonly SpanRecord[]>, day: string): DependencyLink[] {
	const bounds = dayBounds(day);
	if (!bounds) throw new Error(`DATE must be YYYY-MM-DD, not ${day}`);
	const counter = new CallCounter();
	for (const records of traces) {
		if (!records.some((r) => r.startTime >= bounds[0] && r.startTime < bounds[1])) continue;
		counter.add(traceCalls([...records]));
	}
	return counter.links();
}

/** The day the job processes by default: today since midnight UTC. */
export function today(nowMs: number): string {
	return utcDay(nowMs * 1000);
}

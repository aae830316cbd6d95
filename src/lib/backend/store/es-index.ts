// Elasticsearch index names as Jaeger v1's ES span writer makes them: one index per UTC day of
// each span's START time (time.UTC().Format("2006-01-02")), `jaeger-span-` for spans and
// `jaeger-service-` for the (service, operation) pairs, both behind `--es.index-prefix` + '-'.
// A span that starts at 23:59:59.9Z and its child at 00:00:00.1Z land in two different indices.

export type IndexKind = 'span' | 'service' | 'dependencies';

/** `2024-06-18` for a µs timestamp, in UTC. */
export function utcDay(startTimeUs: number): string {
	return new Date(Math.floor(startTimeUs / 1000)).toISOString().slice(0, 10);
}

export function indexName(prefix: string, kind: IndexKind, startTimeUs: number): string {
	return `${prefix ? prefix + '-' : ''}jaeger-${kind}-${utcDay(startTimeUs)}`;
}

/** `jaeger-span-*,prod-jaeger-service-2024-06-18` → a test for index names (ES's multi-target syntax). */
export function indexPattern(expr: string): (name: string) => boolean {
	const parts = expr
		.split(',')
		.map((p) => p.trim())
		.filter((p) => p !== '');
	const res = parts.map((p) => (p === '_all' ? /^/ : new RegExp('^' + p.split('*').map(escape).join('.*') + '$')));
	return (name) => res.some((r) => r.test(name));
}

function escape(s: string): string {
	return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

import type { NetworkRecordEx, Protocol } from '../types';
import { summarizeAmqp } from '../amqp/summary';
import { summarizeGrpc } from '../grpc/summary';
import { summarizeRedis } from '../redis/format';
import { summarizeSql } from '../sql/summary';

/** How the Network panel names each protocol. */
export const PROTOCOL_NAMES: Record<Protocol, string> = { http: 'HTTP', grpc: 'gRPC', amqp: 'AMQP', redis: 'Redis', sql: 'SQL' };

/** An HTTP request's path and query: what the URL column shows. */
export function pathOf(url: string): string {
	return url.replace(/^[a-z]+:\/\/[^/]+/i, '') || '/';
}

/**
 * One line saying what a message was, in its protocol's words: `GET /format?helloTo=Bryan`,
 * `LPUSH jobs "…" → 3`, `publish → jobs`, `/route.Route/Find → OK`, the statement and its rows. Each
 * protocol's own summary reads the answering host's note where the host knows more (the outcome).
 */
export function describeRecord(rec: NetworkRecordEx): string {
	switch (rec.protocol) {
		case 'amqp':
			return rec.note ?? summarizeAmqp(rec);
		case 'redis':
			return summarizeRedis(rec);
		case 'sql':
			return summarizeSql(rec);
		case 'grpc':
			return summarizeGrpc(rec);
		default:
			return rec.note ?? pathOf(rec.url);
	}
}

/** The protocols present in `records`, with their counts, in PROTOCOL_NAMES' order. */
export function protocolCounts(records: readonly NetworkRecordEx[]): { protocol: Protocol; count: number }[] {
	const counts = new Map<Protocol, number>();
	for (const r of records) counts.set(r.protocol, (counts.get(r.protocol) ?? 0) + 1);
	return (Object.keys(PROTOCOL_NAMES) as Protocol[]).filter((p) => counts.has(p)).map((protocol) => ({ protocol, count: counts.get(protocol)! }));
}

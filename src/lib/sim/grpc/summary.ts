import type { NetworkRecordEx } from '../types';
import { statusFromHttp, statusName } from './status';
import { decodeMessage } from './wire';

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * One gRPC call as the Network panel's line: '/route.Route/Find → OK',
 * '/route.Route/Find → NOT_FOUND: no route', '/route.Route/Find → UNAVAILABLE (HTTP 503)'.
 */
export function summarizeGrpc(record: NetworkRecordEx): string {
	let path: string;
	try {
		path = new URL(record.url).pathname;
	} catch {
		path = record.url;
	}
	path = clip(path, 120);
	if (record.error !== null) return `${path} → UNAVAILABLE: ${clip(record.error, 80)}`;
	if (record.status === null) return `${path} …`;
	if (record.status !== 200) return `${path} → ${statusName(statusFromHttp(record.status))} (HTTP ${record.status})`;
	const raw = record.responseHeaders['grpc-status'];
	if (raw === undefined) return `${path} → no grpc-status`;
	const name = /^\d{1,2}$/.test(raw) ? statusName(Number(raw)) : 'UNKNOWN';
	if (name === 'OK') return `${path} → OK`;
	const details = decodeMessage(record.responseHeaders['grpc-message'] ?? '');
	return details ? `${path} → ${name}: ${clip(details, 80)}` : `${path} → ${name}`;
}

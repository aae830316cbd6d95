import type { NetworkRecordEx } from '../types';

const MAX = 80;

/** the statement on one line: whitespace collapsed, long ones cut with an ellipsis */
function oneLine(sql: string): string {
	let out = '';
	let space = false;
	for (let i = 0; i < sql.length && out.length <= MAX; i++) {
		const c = sql[i];
		if (c === ' ' || c === '\n' || c === '\r' || c === '\t') space = out.length > 0;
		else {
			if (space) out += ' ';
			space = false;
			out += c;
		}
	}
	return out.length > MAX ? `${out.slice(0, MAX - 1)}…` : out;
}

/**
 * One line for the Network panel about a query to the simulated MySQL:
 * `SELECT * FROM customer WHERE customer_id = ? → 1 row · waited 12 ms for a connection`.
 */
export function summarizeSql(record: NetworkRecordEx): string {
	let sql = '';
	try {
		const body: unknown = JSON.parse(record.requestBody);
		if (typeof body === 'object' && body !== null && typeof (body as { sql?: unknown }).sql === 'string') sql = oneLine((body as { sql: string }).sql);
	} catch {
		// not a query body: the outcome alone
	}
	const outcome = record.error
		? record.fault === 'drop'
			? 'connection lost'
			: record.error
		: record.note ?? (record.status === null ? 'running…' : record.fault ? `fault: ${record.fault}` : `status ${record.status}`);
	return sql ? `${sql} → ${outcome}` : `${record.method} ${outcome}`;
}

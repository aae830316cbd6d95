// One-line renderings of commands and replies for the Network panel: short, never a megabyte value.
import type { NetworkRecordEx } from '../types';
import { decodeReply, MESSAGE_METHOD, type RedisReply } from './wire';

const MAX_ARG = 40;
const MAX_ARGS = 4;

/** A key stays bare (jobs, job:42); anything else is quoted and cut: "{"id":"job-1","con…" */
export function formatArg(a: unknown): string {
	const s = typeof a === 'string' ? a : String(a);
	if (s.length > 0 && s.length <= MAX_ARG && /^[A-Za-z0-9_:.\-]+$/.test(s)) return s;
	const head = s.slice(0, MAX_ARG).replace(/[\u0000-\u001f\u007f]/g, ' ');
	return `"${head}${s.length > MAX_ARG ? '…' : ''}"`;
}

/** `LPUSH jobs "{…}"`, at most four arguments shown */
export function formatCommand(name: string, args: readonly string[], total = args.length): string {
	const shown = args.slice(0, MAX_ARGS).map(formatArg);
	const more = total > MAX_ARGS ? ` …(+${total - MAX_ARGS})` : '';
	return [name.slice(0, 32), ...shown].join(' ') + more;
}

export function formatReply(r: RedisReply): string {
	if (r === null) return '(nil)';
	if (typeof r === 'number') return String(r);
	if (typeof r === 'string') return r === 'OK' || r === 'PONG' ? r : formatArg(r);
	if (r.length === 0) return '(empty)';
	if (r.length <= 2 && r.every((x) => typeof x === 'string')) return r.map((x) => formatReply(x)).join(' ');
	return `[${r.length} items]`;
}

export function formatError(message: string): string {
	return `(error) ${message.length > 80 ? message.slice(0, 80) + '…' : message}`;
}

function argsOf(body: string): { args: string[]; total: number } {
	try {
		const x: unknown = JSON.parse(body);
		if (!Array.isArray(x)) return { args: [], total: 0 };
		return { args: x.slice(0, MAX_ARGS).map((v) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '')), total: x.length };
	} catch {
		return { args: [], total: 0 };
	}
}

/**
 * The Network panel's line for a Redis message: the host's own note when it left one
 * (`LPUSH jobs "…" → 3`, `BRPOP jobs 0 → (blocked 120 ms) jobs "…"`), else one rebuilt from the
 * record (a command lost to a fault, a pub/sub message pushed to a subscriber). Never throws.
 */
export function summarizeRedis(record: NetworkRecordEx): string {
	try {
		if (record.note) return record.note;
		const { args, total } = argsOf(record.requestBody);
		const message = record.method === MESSAGE_METHOD;
		const cmd = message ? `message ${args.slice(0, 2).map(formatArg).join(' ')}` : formatCommand(record.method, args, total);
		if (record.error) return `${cmd} → ✗ ${record.error}`;
		if (record.status === null) return `${cmd} …`;
		if (record.status !== 200) return `${cmd} → ✗ connection error (${record.fault ?? `status ${record.status}`})`;
		if (message) return `${cmd} → delivered`;
		const reply = decodeReply(record.responseBody);
		if (!reply) return `${cmd} → ✗ unreadable reply`;
		return `${cmd} → ${'error' in reply ? formatError(reply.error) : formatReply(reply.ok)}`;
	} catch {
		return `${String(record.method).slice(0, 32)} (unreadable)`;
	}
}

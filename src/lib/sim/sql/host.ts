// The simulated MySQL server at mysql:3306. Everything a service sends is untrusted: the body is
// parsed in a try, every field is type-checked and capped, and the handler always answers (an error
// reply in mysql2's shape) rather than throwing.
import type { Network } from '../network/network';
import type { Exchange, PortHandler, SimRequest, SimResponse } from '../types';
import type { HostContext, RunningHost, WorldHostKind } from '../world/types';
import { Database, DEFAULT_LIMITS, type Limits, type Result } from './database';
import { SqlError, sqlErrors, type SqlErrorFields } from './errors';
import { parseScript, parseStatement, type Statement } from './parser';
import { Pools } from './pool';
import type { Input } from './values';

export const MYSQL_HOST = 'mysql';
export const MYSQL_PORT = 3306;

export interface SqlHostOptions {
	limits?: Partial<Limits>;
	/** statement length cap (characters) */
	maxStatement?: number;
	maxParams?: number;
	maxPools?: number;
	/** latency: ms per statement, plus per row scanned */
	baseMs?: number;
	perRowMs?: number;
	now?: () => number;
}

/** what the client sends: method QUERY, url mysql://mysql:3306/<database> */
export interface SqlRequestBody {
	sql: string;
	params?: Input[];
	pool?: string;
	connectionLimit?: number;
	waitForConnections?: boolean;
}

/**
 * the reply: rows and fields, a ResultSetHeader, or an error; waitedMs for a connection either way,
 * and `running` once it had one: how many of its pool's connections were busy then, its own included
 * (a count, not a time, so a check can tell one-at-a-time from side-by-side on a loaded machine)
 */
export type SqlReplyBody = (
	| { rows: unknown[][]; fields: unknown[] }
	| { header: Record<string, unknown> }
	| { error: SqlErrorFields | { message: string } }
) & { waitedMs: number; running?: number };

const MAX_BODY = 2_000_000;
const MAX_DATA_SQL = 4_000_000;

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

function reply(status: number, body: SqlReplyBody): SimResponse {
	return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** a one-line account of a result for the Network panel */
function describe(s: Statement, r: Result): string {
	if (r.kind === 'rows') return plural(r.rows.length, 'row');
	if (r.kind === 'sleep') return `slept ${r.seconds} s`;
	if (s.kind === 'create') return 'table created';
	if (s.kind === 'update') return `${plural(r.affectedRows, 'row')} matched · ${r.changedRows} changed`;
	return `${plural(r.affectedRows, 'row')} affected${r.insertId ? ` · insertId ${r.insertId}` : ''}`;
}

interface Checked {
	db: string;
	sql: string;
	params: Input[];
	pool: string;
	limit: number;
	wait: boolean;
}

/** the request's fields, checked; a SqlError when it is not a query we take */
function check(req: SimRequest, o: Required<Pick<SqlHostOptions, 'maxStatement' | 'maxParams'>>): Checked {
	if (req.method !== 'QUERY') throw new SqlError('ER_UNKNOWN_COM_ERROR', 1047, '08S01', `Unknown command ${String(req.method).slice(0, 20)} (the simulated database takes QUERY)`);
	if (req.body.length > MAX_BODY) throw sqlErrors.packetTooLarge(o.maxStatement);
	let db = '';
	try {
		db = decodeURIComponent(new URL(req.url).pathname.slice(1));
	} catch {
		db = '';
	}
	if (db.length > 64) throw sqlErrors.tooLongIdent(db);
	let body: unknown;
	try {
		body = JSON.parse(req.body);
	} catch {
		throw new SqlError('ER_MALFORMED_PACKET', 1835, 'HY000', 'Malformed communication packet (the body should be JSON: { sql, params })');
	}
	if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new SqlError('ER_MALFORMED_PACKET', 1835, 'HY000', 'Malformed communication packet (the body should be JSON: { sql, params })');
	const b = body as Record<string, unknown>;
	if (typeof b.sql !== 'string') throw sqlErrors.parse('', 1);
	if (b.sql.length > o.maxStatement) throw sqlErrors.packetTooLarge(o.maxStatement);
	const params = b.params === undefined || b.params === null ? [] : b.params;
	if (!Array.isArray(params)) throw sqlErrors.wrongArguments('mysqld_stmt_execute (params should be an array)');
	if (params.length > o.maxParams) throw sqlErrors.tooManyParams(o.maxParams);
	for (const p of params) {
		if (!(p === null || typeof p === 'string' || typeof p === 'boolean' || (typeof p === 'number' && Number.isFinite(p)))) {
			throw sqlErrors.wrongArguments('mysqld_stmt_execute (a parameter is a string, a number, a boolean or null)');
		}
	}
	const pool = typeof b.pool === 'string' && b.pool.length <= 200 ? b.pool : 'default';
	const n = b.connectionLimit;
	const limit = typeof n === 'number' && Number.isInteger(n) && n >= 1 ? Math.min(n, 1000) : 10;
	return { db, sql: b.sql, params: params as Input[], pool, limit, wait: b.waitForConnections !== false };
}

export function createSqlHost(network: Network, ctx: HostContext, options: SqlHostOptions = {}): RunningHost {
	const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
	const o = { maxStatement: options.maxStatement ?? 65_536, maxParams: options.maxParams ?? 1000 };
	const baseMs = options.baseMs ?? 1;
	const perRowMs = options.perRowMs ?? 0.0004;
	const now = options.now ?? (() => performance.now());
	const db = new Database(limits);
	const pools = new Pools(options.maxPools ?? 1000);
	const timers = new Set<ReturnType<typeof setTimeout>>();
	let stopped = false;
	const sleep = (ms: number) =>
		new Promise<void>((resolve) => {
			const id = setTimeout(() => {
				timers.delete(id);
				resolve();
			}, ms);
			timers.add(id);
		});

	loadDataSql(db, ctx);

	const handler: PortHandler = async (req: SimRequest, ex: Exchange) => {
		let waitedMs = 0;
		let running: number | undefined;
		const waited = () => (waitedMs >= 1 ? ` · waited ${Math.round(waitedMs)} ms for a connection` : '');
		const fail = (e: unknown) => {
			const err = e instanceof SqlError ? e : new SqlError('ER_INTERNAL_ERROR', 1815, 'HY000', 'Internal error in the simulated database');
			ex.note(`${err.code}${waited()}`);
			return reply(400, { error: err.toJSON(), waitedMs, running });
		};
		let c: Checked;
		try {
			c = check(req, o);
		} catch (e) {
			return fail(e);
		}
		const pool = pools.get(c.pool, c.limit);
		if (!pool) return fail(new SqlError('ER_CON_COUNT_ERROR', 1040, '08004', 'Too many connections'));
		if (!c.wait && pool.busy >= pool.limit) {
			ex.note('no connection available');
			return reply(400, { error: { message: 'No connections available.' }, waitedMs });
		}
		const asked = now();
		await pool.acquire();
		waitedMs = now() - asked;
		running = pool.busy;
		if (stopped) return fail(new SqlError('ER_SERVER_SHUTDOWN', 1053, '08S01', 'Server shutdown in progress'));
		try {
			if (!c.db) throw sqlErrors.noDb();
			const s = parseStatement(c.sql);
			const r = db.execute(s, c.params, c.db);
			// the connection is busy for as long as the query runs
			const rows = r.kind === 'header' ? 0 : r.rows.length;
			const scanned = r.kind === 'sleep' ? 0 : r.scanned;
			await sleep(baseMs + (scanned + rows) * perRowMs + (r.kind === 'sleep' ? r.seconds * 1000 : 0));
			ex.note(`${describe(s, r)}${waited()}`);
			if (r.kind === 'header') {
				const { affectedRows, insertId, info, changedRows } = r;
				return reply(200, { header: { fieldCount: 0, affectedRows, insertId, info, serverStatus: 2, warningStatus: 0, ...(changedRows === undefined ? {} : { changedRows }) }, waitedMs, running });
			}
			return reply(200, { rows: r.rows, fields: r.fields, waitedMs, running });
		} catch (e) {
			await sleep(baseMs);
			return fail(e);
		} finally {
			pool.release();
		}
	};

	const close = network.listen(MYSQL_HOST, MYSQL_PORT, handler, 'service');
	return {
		stop() {
			stopped = true;
			for (const id of timers) clearTimeout(id);
			timers.clear();
			close();
		}
	};
}

/** data.sql, when the run has one: run statement by statement; the first problem fails the run */
function loadDataSql(db: Database, ctx: HostContext): void {
	if (!Object.hasOwn(ctx.files, 'data.sql')) return;
	const text = ctx.files['data.sql'];
	if (typeof text !== 'string') return;
	if (text.length > MAX_DATA_SQL) {
		ctx.fail(MYSQL_HOST, `data.sql line 1: the file is too large (${text.length} characters; the simulated database loads up to ${MAX_DATA_SQL})`);
		return;
	}
	let rows = 0;
	try {
		parseScript(text, (s) => {
			if (s.kind !== 'create' && s.kind !== 'insert') {
				throw Object.assign(new SqlError('ER_NOT_SUPPORTED_YET', 1235, '42000', `data.sql holds CREATE TABLE and INSERT statements, not ${s.kind.toUpperCase()}`), { line: s.line });
			}
			if (s.params > 0) throw Object.assign(new SqlError('ER_WRONG_ARGUMENTS', 1210, 'HY000', '? placeholders have no values in data.sql: write the values'), { line: s.line });
			try {
				const r = db.execute(s, [], MYSQL_HOST);
				if (r.kind === 'header' && s.kind === 'insert') rows += r.affectedRows;
			} catch (e) {
				throw Object.assign(e as object, { line: s.line });
			}
		});
	} catch (e) {
		const line = (e as { line?: number }).line ?? 1;
		ctx.fail(MYSQL_HOST, `data.sql line ${line}: ${e instanceof Error ? e.message : String(e)}`, { file: 'data.sql', line });
		return;
	}
	ctx.print(MYSQL_HOST, 'system', `data.sql loaded: ${plural(db.tableCount(), 'table')}, ${plural(rows, 'row')}`);
}

/** The world's MySQL: started fresh (empty, then data.sql) for every run. */
export const SQL_HOST_KIND: WorldHostKind = {
	hosts: [MYSQL_HOST],
	start: (network, ctx) => createSqlHost(network, ctx)
};

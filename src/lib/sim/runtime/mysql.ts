// `tour/mysql`: the promise API of mysql2 (`mysql2/promise`) on the simulated network. Statements
// and their parameters travel separately ({ sql, params }); the server binds the parameters into the
// parsed statement, so a value is never read as SQL. Nothing is added to a request: a trace
// continues only if learner code carries it.
import type { SimResponse } from '../types';
import type { WireHost } from './wire';
import { isNetworkError } from '../network/errors';

export interface ConnectionOptions {
	host?: string;
	port?: number;
	user?: string;
	password?: string;
	database?: string;
}

export interface PoolOptions extends ConnectionOptions {
	/** at most this many queries run at once; the rest wait for a connection (default 10) */
	connectionLimit?: number;
	/** false: a query that finds every connection busy fails at once with "No connections available." */
	waitForConnections?: boolean;
}

/** one column of a SELECT's result, as mysql2 describes it */
export interface FieldPacket {
	catalog: string;
	schema: string;
	name: string;
	orgName: string;
	table: string;
	orgTable: string;
	characterSet: number;
	columnLength: number;
	columnType: number;
	type: number;
	flags: number;
	decimals: number;
}

/** what INSERT, UPDATE, DELETE and CREATE resolve to in place of rows */
export interface ResultSetHeader {
	fieldCount: number;
	affectedRows: number;
	insertId: number;
	info: string;
	serverStatus: number;
	warningStatus: number;
	changedRows?: number;
}

export type RowDataPacket = Record<string, unknown>;
export type QueryResult = [RowDataPacket[], FieldPacket[]] | [ResultSetHeader, undefined];
/** a bound value: `?` placeholders are filled from these, in order */
export type QueryValue = string | number | boolean | null | Date | bigint;
export type QueryOptions = { sql: string; values?: QueryValue[] };

/** thrown by a failed query: MySQL's error, with mysql2's fields */
export interface QueryError extends Error {
	code: string;
	errno?: number;
	sqlState?: string;
	sqlMessage?: string;
	sql?: string;
	fatal?: boolean;
}

export interface Pool {
	query(sql: string | QueryOptions, values?: QueryValue[] | QueryValue): Promise<QueryResult>;
	execute(sql: string | QueryOptions, values?: QueryValue[]): Promise<QueryResult>;
	end(): Promise<void>;
}
export type Connection = Pool;

export interface TourMysql {
	createPool(options: PoolOptions): Pool;
	createConnection(options: ConnectionOptions): Promise<Connection>;
}

const DATETIME = 12;
const two = (n: number) => String(n).padStart(2, '0');

/** mysql2 sends a Date as local time */
function dateParam(d: Date): string {
	const ms = String(d.getMilliseconds()).padStart(3, '0');
	return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.${ms}`;
}

function bindable(values: unknown): (string | number | boolean | null)[] {
	const list = values === undefined ? [] : Array.isArray(values) ? values : [values];
	return list.map((v) => {
		if (v === undefined) throw new TypeError('Bind parameters must not contain undefined. To pass SQL NULL specify JS null');
		if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
		if (typeof v === 'number') return Number.isFinite(v) ? v : null;
		if (typeof v === 'bigint') return v.toString();
		if (v instanceof Date) return dateParam(v);
		throw new TypeError(`Bind parameters are strings, numbers, booleans, Dates or null; got ${Array.isArray(v) ? 'an array' : typeof v} (the simulated mysql2 does not expand arrays or objects)`);
	});
}

function error(message: string, fields: Record<string, unknown>): QueryError {
	return Object.assign(new Error(message), fields) as unknown as QueryError;
}

const connectionLost = () => error('Connection lost: The server closed the connection.', { code: 'PROTOCOL_CONNECTION_LOST', fatal: true });

/** the server's answer → mysql2's [rows, fields], or the error it throws */
function decode(res: SimResponse, sql: string): QueryResult {
	let body: Record<string, unknown>;
	try {
		body = JSON.parse(res.body);
	} catch {
		// not the server's reply (a fault answered instead): the connection is gone, as far as mysql2 knows
		throw connectionLost();
	}
	if (typeof body !== 'object' || body === null) throw connectionLost();
	if (body.error && typeof body.error === 'object') {
		const e = body.error as Record<string, unknown>;
		if (typeof e.code !== 'string') throw error(String(e.message ?? 'Unknown error'), {});
		throw error(String(e.sqlMessage), { code: e.code, errno: e.errno, sqlState: e.sqlState, sqlMessage: e.sqlMessage, sql });
	}
	if (body.header && typeof body.header === 'object') return [body.header as ResultSetHeader, undefined];
	if (!Array.isArray(body.rows) || !Array.isArray(body.fields)) throw connectionLost();
	const fields = body.fields as FieldPacket[];
	const rows = (body.rows as unknown[][]).map((r) =>
		Object.fromEntries(
			fields.map((f, i) => {
				const v = r[i];
				return [f.name, f.type === DATETIME && typeof v === 'string' ? new Date(v.replace(' ', 'T')) : v];
			})
		)
	);
	return [rows, fields];
}

/** The `tour/mysql` module learners import (shaped like `mysql2/promise`). */
export function createMysqlModule(wire: Pick<WireHost, 'service' | 'send'>): TourMysql {
	let pools = 0;
	const open = (options: PoolOptions, id: string, closedMessage: string, limit: number): Pool => {
		if (typeof options !== 'object' || options === null) throw new TypeError('createPool(options): options must be an object like { host, database }');
		const host = String(options.host ?? 'localhost');
		const port = Number(options.port ?? 3306);
		const url = `mysql://${host}:${port}/${encodeURIComponent(String(options.database ?? ''))}`;
		const wait = options.waitForConnections !== false;
		let ended = false;
		const run = async (sql: string | QueryOptions, values?: unknown): Promise<QueryResult> => {
			const text = typeof sql === 'object' && sql !== null ? sql.sql : sql;
			const vals = typeof sql === 'object' && sql !== null && values === undefined ? sql.values : values;
			if (typeof text !== 'string') throw new TypeError('query(sql, values): sql must be a string');
			if (ended) throw new Error(closedMessage);
			const body = JSON.stringify({ sql: text, params: bindable(vals), pool: id, connectionLimit: limit, waitForConnections: wait });
			let res: SimResponse;
			try {
				res = await wire.send({ method: 'QUERY', url, headers: { 'content-type': 'application/json' }, body });
			} catch (e) {
				if (isNetworkError(e) && e.code === 'ECONNRESET') throw connectionLost();
				if (e instanceof Error) throw Object.assign(e, { fatal: true });
				throw e;
			}
			return decode(res, text);
		};
		return {
			query: (sql, values) => run(sql, values),
			execute: (sql, values) => run(sql, values),
			end: async () => {
				ended = true;
			}
		};
	};
	return {
		createPool(options) {
			const n = options?.connectionLimit ?? 10;
			if (!Number.isInteger(n) || n < 1) throw new RangeError(`createPool: connectionLimit should be a positive integer, got ${String(n)}`);
			return open(options, `${wire.service}#pool${++pools}`, 'Pool is closed.', Math.min(n, 1000));
		},
		// one connection runs one query at a time: a pool of one
		async createConnection(options) {
			return open(options, `${wire.service}#conn${++pools}`, "Can't add new command when connection is in closed state", 1);
		}
	};
}

// Anything a service sends is untrusted (a share link can hand-craft requests): the host answers
// every malformed, huge or crafted request with a clean MySQL error, and caps what it keeps.
import { describe, expect, it } from 'vitest';
import { summarizeSql, type NetworkRecordEx } from '../../../../src/lib/sim';
import { world } from './harness';

const raw = async (w: ReturnType<typeof world>, body: string, method = 'QUERY', url = 'mysql://mysql:3306/shop') => {
	const res = await w.net.request('customer', { method, url, headers: {}, body });
	return { status: res.status, body: JSON.parse(res.body) };
};

describe('hostile requests', () => {
	it.each([
		['not JSON', '{', 'ER_MALFORMED_PACKET'],
		['an array', '[]', 'ER_MALFORMED_PACKET'],
		['no sql', '{"params":[]}', 'ER_PARSE_ERROR'],
		['params not an array', '{"sql":"SELECT * FROM customer","params":{"0":1}}', 'ER_WRONG_ARGUMENTS'],
		['an object parameter', '{"sql":"SELECT * FROM customer WHERE name = ?","params":[{"toString":1}]}', 'ER_WRONG_ARGUMENTS'],
		['too many parameters', JSON.stringify({ sql: 'SELECT 1', params: Array(1001).fill(1) }), 'ER_PS_MANY_PARAM'],
		['a statement over 64 KB', JSON.stringify({ sql: `SELECT * FROM customer WHERE name = '${'x'.repeat(70_000)}'` }), 'ER_NET_PACKET_TOO_LARGE'],
		['deep nesting', JSON.stringify({ sql: `SELECT * FROM customer WHERE ${'('.repeat(30_000)}` }), 'ER_NOT_SUPPORTED_YET'],
		['nested VALUES', JSON.stringify({ sql: `INSERT INTO customer VALUES ${'('.repeat(30_000)}` }), 'ER_PARSE_ERROR'],
		['an unclosed comment', '{"sql":"SELECT /* * FROM customer"}', 'ER_PARSE_ERROR'],
		['a huge SLEEP', '{"sql":"SELECT SLEEP(1e12)"}', 'ER_WRONG_ARGUMENTS']
	])('%s → %s', async (_, body, code) => {
		const w = world();
		const r = await raw(w, body);
		expect(r.status).toBe(400);
		expect(r.body.error.code).toBe(code);
		expect(typeof r.body.error.sqlMessage).toBe('string');
		w.host.stop();
	});

	it('another method, a body over the cap', async () => {
		const w = world();
		expect((await raw(w, '{}', 'GET')).body.error.code).toBe('ER_UNKNOWN_COM_ERROR');
		expect((await raw(w, 'x'.repeat(2_000_001))).body.error.code).toBe('ER_NET_PACKET_TOO_LARGE');
		w.host.stop();
	});

	it('a strange pool or connectionLimit falls back to the defaults; too many pools is Too many connections', async () => {
		const w = world();
		for (const limit of [-1, 0, 1.5, 'x', 1e12]) {
			const r = await raw(w, JSON.stringify({ sql: 'SELECT COUNT(*) FROM customer', pool: { a: 1 }, connectionLimit: limit }));
			expect(r.body.rows).toEqual([[3]]);
		}
		const w2 = world(undefined, { host: { maxPools: 2 } });
		await raw(w2, JSON.stringify({ sql: 'SELECT SLEEP(0)', pool: 'a' }));
		await raw(w2, JSON.stringify({ sql: 'SELECT SLEEP(0)', pool: 'b' }));
		expect((await raw(w2, JSON.stringify({ sql: 'SELECT SLEEP(0)', pool: 'c' }))).body.error.code).toBe('ER_CON_COUNT_ERROR');
		w.host.stop();
		w2.host.stop();
	});

	it('__proto__ and constructor are just column names', async () => {
		const w = world({});
		await w.pool.query('CREATE TABLE t (`__proto__` VARCHAR(10), constructor INT, `toString` INT)');
		await w.pool.query('INSERT INTO t VALUES (?, ?, ?)', ['polluted', 1, 2]);
		const [rows] = await w.pool.query('SELECT * FROM t WHERE `__proto__` = ?', ['polluted']);
		const row = (rows as Record<string, unknown>[])[0];
		expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
		expect(Object.getOwnPropertyNames(row)).toEqual(['__proto__', 'constructor', 'toString']);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		const e = await w.pool.query('SELECT * FROM __proto__').catch((e) => e);
		expect(e.code).toBe('ER_NO_SUCH_TABLE');
		w.host.stop();
	});

	it('a giant string parameter is stored when it fits the column and refused when not', async () => {
		const w = world({ 'data.sql': 'CREATE TABLE t (s TEXT, v VARCHAR(5));' });
		await w.pool.query('INSERT INTO t (s) VALUES (?)', ['x'.repeat(60_000)]);
		await expect(w.pool.query('INSERT INTO t (s) VALUES (?)', ['x'.repeat(70_000)])).rejects.toMatchObject({ code: 'ER_DATA_TOO_LONG' });
		await expect(w.pool.query('INSERT INTO t (v) VALUES (?)', ['123456'])).rejects.toMatchObject({ code: 'ER_DATA_TOO_LONG' });
		w.host.stop();
	});

	it('caps tables, rows per table and result rows with clear errors', async () => {
		const w = world({ 'data.sql': 'CREATE TABLE t (n INT);' }, { host: { limits: { maxTables: 2, maxRowsPerTable: 5, maxResultRows: 3 } } });
		await w.pool.query('CREATE TABLE u (n INT)');
		await expect(w.pool.query('CREATE TABLE v (n INT)')).rejects.toMatchObject({ code: 'ER_CANT_CREATE_TABLE', message: "Can't create table 'shop.v' (the simulated database holds at most 2 tables)" });
		await w.pool.query('INSERT INTO t VALUES (1), (2), (3), (4)');
		await expect(w.pool.query('INSERT INTO t VALUES (5), (6)')).rejects.toMatchObject({ code: 'ER_RECORD_FILE_FULL' });
		await expect(w.pool.query('SELECT * FROM t')).rejects.toMatchObject({ code: 'ER_TOO_BIG_SELECT', message: expect.stringContaining('more than 3 rows') });
		expect((await w.pool.query('SELECT * FROM t LIMIT 3'))[0]).toHaveLength(3);
		w.host.stop();
	});

	it('client-side: undefined and objects are refused before anything is sent', async () => {
		const w = world();
		await expect(w.pool.execute('SELECT * FROM customer WHERE name = ?', [undefined as never])).rejects.toThrow('Bind parameters must not contain undefined');
		await expect(w.pool.query('SELECT * FROM customer WHERE name = ?', [{ a: 1 } as never])).rejects.toThrow(TypeError);
		expect(w.net.records()).toHaveLength(0);
		w.host.stop();
	});
});

describe('summarizeSql', () => {
	const rec = (over: Partial<NetworkRecordEx>): NetworkRecordEx => ({
		id: 1,
		from: 'customer',
		to: 'mysql:3306',
		method: 'QUERY',
		url: 'mysql://mysql:3306/shop',
		requestHeaders: {},
		requestBody: JSON.stringify({ sql: 'SELECT *\n  FROM customer\n  WHERE customer_id = ?', params: [1] }),
		status: 200,
		responseHeaders: {},
		responseBody: '',
		startedAt: 0,
		latency: 3,
		error: null,
		kind: 'service',
		fault: null,
		protocol: 'sql',
		note: '1 row · waited 12 ms for a connection',
		...over
	});

	it('one line: the statement (placeholders, not values) and what came of it', () => {
		expect(summarizeSql(rec({}))).toBe('SELECT * FROM customer WHERE customer_id = ? → 1 row · waited 12 ms for a connection');
		expect(summarizeSql(rec({ status: null, note: null, latency: null }))).toBe('SELECT * FROM customer WHERE customer_id = ? → running…');
		expect(summarizeSql(rec({ status: null, note: null, error: 'ECONNRESET: socket hang up', fault: 'drop' }))).toBe('SELECT * FROM customer WHERE customer_id = ? → connection lost');
		expect(summarizeSql(rec({ requestBody: JSON.stringify({ sql: 'x'.repeat(500) }) }))).toMatch(/^x{79}… → /);
		expect(summarizeSql(rec({ requestBody: '{', note: 'ER_MALFORMED_PACKET' }))).toBe('QUERY ER_MALFORMED_PACKET');
	});
});

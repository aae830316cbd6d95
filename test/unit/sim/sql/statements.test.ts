// Each statement the simulated MySQL runs, what mysql2 hands back for it, and the errors it gives
// for the rest — by MySQL's own codes, naming what is supported.
import { describe, expect, it } from 'vitest';
import { world } from './harness';

describe('SELECT', () => {
	it('rows are plain objects of mysql2 default types; fields describe the columns', async () => {
		const w = world();
		const [rows, fields] = await w.pool.query('SELECT * FROM customer WHERE customer_id = ?', [123]);
		expect(rows).toEqual([{ customer_id: 123, name: "Rachel's Floral Designs", location: '115,277', credit: '10.50', vip: 1, joined: new Date('2017-05-01T10:00:00') }]);
		expect(fields!.map((f) => [f.name, f.type, f.table, f.schema])).toEqual([
			['customer_id', 3, 'customer', 'shop'],
			['name', 253, 'customer', 'shop'],
			['location', 253, 'customer', 'shop'],
			['credit', 246, 'customer', 'shop'],
			['vip', 1, 'customer', 'shop'],
			['joined', 12, 'customer', 'shop']
		]);
		w.host.stop();
	});

	it('columns, several conditions, ORDER BY, LIMIT, COUNT(*)', async () => {
		const w = world();
		const q = async (sql: string, params?: unknown[]) => (await w.pool.execute(sql, params as never))[0];
		expect(await q('SELECT name FROM customer WHERE vip = ? AND credit < ?', [false, 50])).toEqual([{ name: 'Trom Chocolatier' }]);
		expect(await q('SELECT customer_id FROM customer ORDER BY credit DESC LIMIT 2')).toEqual([{ customer_id: 567 }, { customer_id: 123 }]);
		expect(await q('SELECT customer_id FROM customer ORDER BY joined LIMIT 1, 1')).toEqual([{ customer_id: 123 }]);
		expect(await q('SELECT customer_id FROM customer WHERE joined IS NULL')).toEqual([{ customer_id: 392 }]);
		expect(await q('SELECT customer_id FROM customer WHERE name = ?', ['trom chocolatier'])).toEqual([{ customer_id: 392 }]);
		expect(await q("SELECT COUNT(*) FROM customer WHERE credit >= 10 AND name <> 'x'")).toEqual([{ 'COUNT(*)': 2 }]);
		expect(await q('SELECT customer_id FROM customer WHERE customer_id = ?', ['567'])).toEqual([{ customer_id: 567 }]);
		expect(await q('SELECT name FROM customer LIMIT ?', [1])).toHaveLength(1);
		expect(await q('SELECT NAME FROM customer WHERE customer_id = 392;')).toEqual([{ NAME: 'Trom Chocolatier' }]);
		w.host.stop();
	});

	it('a parameter is a value, never SQL: an injection attempt matches nothing', async () => {
		const w = world();
		const [rows] = await w.pool.query('SELECT * FROM customer WHERE name = ?', ["' OR 1=1 --"]);
		expect(rows).toEqual([]);
		const [rows2] = await w.pool.query('SELECT * FROM customer WHERE location = ?', ["x'; DELETE FROM customer; --"]);
		expect(rows2).toEqual([]);
		const [count] = await w.pool.query('SELECT COUNT(*) FROM customer');
		expect(count).toEqual([{ 'COUNT(*)': 3 }]);
		w.host.stop();
	});

	it('SELECT SLEEP(n) holds the connection n seconds and answers 0', async () => {
		const w = world();
		const t0 = performance.now();
		const [rows, fields] = await w.pool.query('SELECT SLEEP(?)', [0.05]);
		expect(performance.now() - t0).toBeGreaterThanOrEqual(49);
		expect(rows).toEqual([{ 'SLEEP(?)': 0 }]);
		expect(fields![0].name).toBe('SLEEP(?)');
		expect(w.net.records()[0].note).toBe('slept 0.05 s');
		w.host.stop();
	});
});

describe('writes', () => {
	it('INSERT answers a ResultSetHeader with the auto-increment id, and fields undefined', async () => {
		const w = world();
		const [header, fields] = await w.pool.execute('INSERT INTO customer (name, location) VALUES (?, ?), (?, ?)', ['A', '1,1', 'B', null]);
		expect(header).toEqual({ fieldCount: 0, affectedRows: 2, insertId: 568, info: 'Records: 2  Duplicates: 0  Warnings: 0', serverStatus: 2, warningStatus: 0 });
		expect(fields).toBeUndefined();
		const [rows] = await w.pool.query('SELECT credit, vip FROM customer WHERE customer_id = 569');
		expect(rows).toEqual([{ credit: '0.00', vip: 0 }]);
		w.host.stop();
	});

	it('UPDATE reports matched and changed rows; assignments may use the row', async () => {
		const w = world();
		const [h] = await w.pool.query('UPDATE customer SET credit = credit + ?, vip = ? WHERE vip = ?', [1, 0, 0]);
		expect(h).toMatchObject({ affectedRows: 2, changedRows: 2, info: 'Rows matched: 2  Changed: 2  Warnings: 0' });
		const [h2] = await w.pool.query('UPDATE customer SET vip = 1 WHERE customer_id = 123');
		expect(h2).toMatchObject({ affectedRows: 1, changedRows: 0 });
		const [rows] = await w.pool.query('SELECT credit FROM customer WHERE customer_id = 567');
		expect(rows).toEqual([{ credit: '100.99' }]);
		w.host.stop();
	});

	it('DELETE removes rows; a key freed by it can be taken again', async () => {
		const w = world();
		const [h] = await w.pool.query('DELETE FROM customer WHERE customer_id = ?', [392]);
		expect(h).toMatchObject({ affectedRows: 1 });
		await w.pool.query("INSERT INTO customer (customer_id, name) VALUES (392, 'again')");
		const [rows] = await w.pool.query('SELECT name FROM customer WHERE customer_id = 392');
		expect(rows).toEqual([{ name: 'again' }]);
		w.host.stop();
	});

	it('CREATE TABLE at run time, then use it', async () => {
		const w = world({});
		await w.pool.query('CREATE TABLE visit (id INT AUTO_INCREMENT PRIMARY KEY, at DATETIME NOT NULL)');
		const [h] = await w.pool.query('INSERT INTO visit (at) VALUES (?)', [new Date(2024, 0, 2, 3, 4, 5)]);
		expect(h).toMatchObject({ insertId: 1 });
		const [rows] = await w.pool.query('SELECT at FROM visit');
		expect(rows).toEqual([{ at: new Date(2024, 0, 2, 3, 4, 5) }]);
		w.host.stop();
	});

	it.each([
		["INSERT INTO customer (customer_id, name) VALUES (123, 'x')", 'ER_DUP_ENTRY', "Duplicate entry '123' for key 'customer.PRIMARY'"],
		['INSERT INTO customer (location) VALUES (1)', 'ER_NO_DEFAULT_FOR_FIELD', "Field 'name' doesn't have a default value"],
		['INSERT INTO customer (name) VALUES (NULL)', 'ER_BAD_NULL_ERROR', "Column 'name' cannot be null"],
		["INSERT INTO customer (name, credit) VALUES ('x', 'lots')", 'ER_TRUNCATED_WRONG_VALUE_FOR_FIELD', "Incorrect decimal value: 'lots' for column 'credit' at row 1"],
		["UPDATE customer SET nope = 1", 'ER_BAD_FIELD_ERROR', "Unknown column 'nope' in 'field list'"],
		['SELECT * FROM customer WHERE nope = 1', 'ER_BAD_FIELD_ERROR', "Unknown column 'nope' in 'where clause'"],
		['UPDATE customer SET customer_id = 123 WHERE customer_id = 392', 'ER_DUP_ENTRY', "Duplicate entry '123' for key 'customer.PRIMARY'"],
		['SELECT * FROM customer WHERE customer_id = ?', 'ER_WRONG_ARGUMENTS', 'Incorrect arguments to mysqld_stmt_execute']
	])('%s → %s', async (sql, code, message) => {
		const w = world();
		const e = await w.pool.query(sql).catch((e) => e);
		expect(e).toBeInstanceOf(Error);
		expect(e).toMatchObject({ code, message, sqlMessage: message, sql });
		w.host.stop();
	});
});

describe('what is not supported fails loudly', () => {
	it.each([
		['SELECT * FROM customer c JOIN orders o ON o.c = c.id', 'ER_PARSE_ERROR'],
		['SELECT * FROM customer JOIN orders', 'ER_NOT_SUPPORTED_YET'],
		['SELECT * FROM customer WHERE a = 1 OR b = 2', 'ER_NOT_SUPPORTED_YET'],
		['SELECT * FROM customer WHERE customer_id IN (1, 2)', 'ER_NOT_SUPPORTED_YET'],
		['SELECT name, COUNT(*) FROM customer GROUP BY name', 'ER_NOT_SUPPORTED_YET'],
		['SELECT * FROM customer GROUP BY name', 'ER_NOT_SUPPORTED_YET'],
		['SELECT MAX(credit) FROM customer', 'ER_NOT_SUPPORTED_YET'],
		['SELECT DISTINCT name FROM customer', 'ER_NOT_SUPPORTED_YET'],
		['SELECT * FROM customer WHERE customer_id = 1 FOR UPDATE', 'ER_NOT_SUPPORTED_YET'],
		['BEGIN', 'ER_NOT_SUPPORTED_YET'],
		['DROP TABLE customer', 'ER_NOT_SUPPORTED_YET'],
		['SELECT 1', 'ER_PARSE_ERROR'],
		['SELECT * FROM customer; DELETE FROM customer', 'ER_PARSE_ERROR']
	])('%s → %s, naming what is supported', async (sql, code) => {
		const w = world();
		const e = await w.pool.query(sql).catch((e) => e);
		expect(e.code).toBe(code);
		expect(e.message).toContain('the simulated database supports: SELECT cols|*|COUNT(*) FROM t');
		w.host.stop();
	});

	it('no database selected, as MySQL says it', async () => {
		const w = world();
		const pool = w.mysql.createPool({ host: 'mysql' });
		const e = await pool.query('SELECT * FROM customer').catch((e) => e);
		expect(e).toMatchObject({ code: 'ER_NO_DB_ERROR', message: 'No database selected' });
		w.host.stop();
	});
});

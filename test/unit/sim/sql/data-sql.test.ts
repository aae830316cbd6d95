// data.sql is loaded when a run starts; a bad one refuses the run with the line it went wrong on.
import { describe, expect, it } from 'vitest';
import { DATA, world } from './harness';

const load = (sql: string) => world({ 'data.sql': sql });

describe('data.sql', () => {
	it('creates the tables and rows, and says so in the Console', async () => {
		const w = world();
		expect(w.fails).toEqual([]);
		expect(w.prints).toEqual(['data.sql loaded: 1 table, 3 rows']);
		const [rows] = await w.pool.query('SELECT COUNT(*) FROM customer');
		expect(rows).toEqual([{ 'COUNT(*)': 3 }]);
		w.host.stop();
	});

	it('takes dump-style extras: IF NOT EXISTS, backticks, table options, KEY lines, comments', async () => {
		const w = load(`/* dump */
CREATE TABLE IF NOT EXISTS \`order\` (
  \`id\` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  \`note\` TEXT,
  PRIMARY KEY (\`id\`),
  KEY idx_note (note)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4; # done
INSERT INTO \`order\` VALUES (NULL, 'a'), (NULL, "b \\"quoted\\"");`);
		expect(w.fails).toEqual([]);
		const [rows] = await w.pool.query('SELECT * FROM `order` ORDER BY id DESC');
		expect(rows).toEqual([
			{ id: 2, note: 'b "quoted"' },
			{ id: 1, note: 'a' }
		]);
		w.host.stop();
	});

	it.each([
		['a syntax error', 'CREATE TABLE t (id INT);\n\nINSRT INTO t VALUES (1);', 'data.sql line 3: You have an error in your SQL syntax'],
		['an unknown type', 'CREATE TABLE t (\n  id INT,\n  tags JSON\n);', "data.sql line 3: This version of MySQL doesn't yet support 'column type JSON"],
		['a missing table', 'CREATE TABLE t (id INT);\nINSERT INTO u VALUES (1);', "data.sql line 2: Table 'mysql.u' doesn't exist"],
		['a duplicate key', 'CREATE TABLE t (id INT PRIMARY KEY);\nINSERT INTO t VALUES\n (1),\n (1);', "data.sql line 2: Duplicate entry '1' for key 't.PRIMARY'"],
		['a wrong value count', 'CREATE TABLE t (id INT, n INT);\nINSERT INTO t VALUES (1);', "data.sql line 2: Column count doesn't match value count at row 1"],
		['an unclosed string', "CREATE TABLE t (n VARCHAR(5));\nINSERT INTO t VALUES ('abc);", "data.sql line 2: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near ''abc);'"],
		['a value too long', "CREATE TABLE t (n VARCHAR(2));\nINSERT INTO t VALUES ('abc');", "data.sql line 2: Data too long for column 'n' at row 1"],
		['a placeholder', 'CREATE TABLE t (n INT);\nINSERT INTO t VALUES (?);', 'data.sql line 2: ? placeholders have no values in data.sql'],
		['a SELECT', 'CREATE TABLE t (n INT);\nSELECT * FROM t;', 'data.sql line 2: data.sql holds CREATE TABLE and INSERT statements, not SELECT'],
		['two tables of one name', 'CREATE TABLE t (n INT);\nCREATE TABLE t (n INT);', "data.sql line 2: Table 't' already exists"],
		['a bad date', "CREATE TABLE t (d DATETIME);\nINSERT INTO t VALUES ('2020-02-30');", "data.sql line 2: Incorrect datetime value: '2020-02-30' for column 'd' at row 1"]
	])('refuses %s with its line', (_, sql, message) => {
		const w = load(sql);
		expect(w.fails).toHaveLength(1);
		expect(w.fails[0]).toContain(`mysql: ${message}`);
		w.host.stop();
	});

	it('without data.sql the database is there, empty: a table is missing as in MySQL', async () => {
		const w = world({});
		expect(w.fails).toEqual([]);
		const e = await w.pool.query('SELECT * FROM customer').catch((e) => e);
		expect(e).toMatchObject({ message: "Table 'shop.customer' doesn't exist", code: 'ER_NO_SUCH_TABLE', errno: 1146, sqlState: '42S02' });
		w.host.stop();
	});

	it('a fresh database for every run: changes do not leak into the next', async () => {
		const a = world();
		await a.pool.query('DELETE FROM customer');
		a.host.stop();
		const b = world({ 'data.sql': DATA });
		const [rows] = await b.pool.query('SELECT COUNT(*) FROM customer');
		expect(rows).toEqual([{ 'COUNT(*)': 3 }]);
		b.host.stop();
	});
});

// The server-side connection pool (queries beyond connectionLimit wait, in order, and the wait is on
// the record), the latency model, and network faults as mysql2 reports them.
import { describe, expect, it } from 'vitest';
import { world } from './harness';

describe('connection pool', () => {
	it('connectionLimit 1: three concurrent queries run one after another, and the waits show', async () => {
		const w = world();
		const pool = w.mysql.createPool({ host: 'mysql', database: 'shop', connectionLimit: 1 });
		const done: number[] = [];
		const t0 = performance.now();
		await Promise.all([1, 2, 3].map((n) => pool.query('SELECT SLEEP(0.03)').then(() => done.push(n))));
		expect(performance.now() - t0).toBeGreaterThanOrEqual(88);
		expect(done).toEqual([1, 2, 3]);
		const recs = w.net.records();
		// lower bounds only: a loaded machine can add to any wait (even the first's), never take away
		expect(recs[0].note).toMatch(/^slept 0\.03 s/);
		const waits = recs.slice(1).map((r) => Number(/waited (\d+) ms for a connection/.exec(r.note ?? '')?.[1]));
		expect(waits[0]).toBeGreaterThanOrEqual(28);
		expect(waits[1]).toBeGreaterThanOrEqual(58);
		expect(JSON.parse(recs[2].responseBody).waitedMs).toBeGreaterThanOrEqual(58);
		w.host.stop();
	});

	it('the default connectionLimit (10) runs them side by side; pools do not share connections', async () => {
		const w = world();
		const other = w.mysql.createPool({ host: 'mysql', database: 'shop', connectionLimit: 1 });
		await Promise.all([w.pool.query('SELECT SLEEP(0.03)'), w.pool.query('SELECT SLEEP(0.03)'), other.query('SELECT SLEEP(0.03)')]);
		// MySQL's own count (not a time, which a loaded machine stretches): the default pool's two ran together
		const running = w.net.records().map((r) => (JSON.parse(r.responseBody) as { running: number }).running);
		expect(Math.max(running[0], running[1])).toBe(2);
		expect(running[2]).toBe(1);
		expect(w.net.records().every((r) => !r.note?.includes('waited'))).toBe(true);
		w.host.stop();
	});

	it('waitForConnections: false fails at once when every connection is busy', async () => {
		const w = world();
		const pool = w.mysql.createPool({ host: 'mysql', database: 'shop', connectionLimit: 1, waitForConnections: false });
		const [a, b] = await Promise.allSettled([pool.query('SELECT SLEEP(0.02)'), pool.query('SELECT SLEEP(0.02)')]);
		expect(a.status).toBe('fulfilled');
		expect(b).toMatchObject({ status: 'rejected', reason: { message: 'No connections available.' } });
		w.host.stop();
	});

	it('createConnection is one connection: its queries queue; end() closes pool and connection', async () => {
		const w = world();
		const conn = await w.mysql.createConnection({ host: 'mysql', database: 'shop' });
		await Promise.all([conn.query('SELECT SLEEP(0.02)'), conn.query('SELECT SLEEP(0.02)')]);
		expect(w.net.records()[1].note).toMatch(/waited \d+ ms for a connection/);
		await conn.end();
		await expect(conn.query('SELECT 1')).rejects.toThrow("Can't add new command when connection is in closed state");
		await w.pool.end();
		await expect(w.pool.query('SELECT 1')).rejects.toThrow('Pool is closed.');
		w.host.stop();
	});

	it('each answer counts the connections busy when it got one: one at a time with a pool of one, side by side with ten', async () => {
		const w = world();
		const one = w.mysql.createPool({ host: 'mysql', database: 'shop', connectionLimit: 1 });
		await Promise.all([1, 2, 3].map(() => one.query('SELECT SLEEP(0.01)')));
		await Promise.all([1, 2, 3].map(() => w.pool.query('SELECT SLEEP(0.01)')));
		const running = w.net.records().map((r) => (JSON.parse(r.responseBody) as { running: number }).running);
		expect(running.slice(0, 3)).toEqual([1, 1, 1]);
		expect(running.slice(3)).toEqual([3, 3, 3]);
		w.host.stop();
	});
});

describe('latency', () => {
	it('a query holds its connection at least a millisecond; a full scan of 50,000 rows at least 20 ms', async () => {
		const w = world({ 'data.sql': 'CREATE TABLE n (id INT PRIMARY KEY, v INT);' });
		const values = Array.from({ length: 5000 }, (_, i) => `(${i}, ${i % 7})`).join(',');
		for (let i = 0; i < 10; i++) await w.pool.query(`INSERT INTO n VALUES ${values.replace(/\((\d+),/g, (_, n) => `(${Number(n) + i * 5000},`)}`);
		const time = async (sql: string) => {
			const t = performance.now();
			await w.pool.query(sql);
			return performance.now() - t;
		};
		const lookup = await time('SELECT v FROM n WHERE id = 49999');
		const scan = await time('SELECT COUNT(*) FROM n WHERE v = 3');
		// lower bounds only (a loaded machine stretches any time): the connection is held for 1 ms per
		// query, plus 0.0004 ms per row scanned — 50,000 rows ≈ 20 ms
		expect(lookup).toBeGreaterThanOrEqual(0.9);
		expect(scan).toBeGreaterThanOrEqual(19);
		w.host.stop();
	});
});

describe('network faults', () => {
	it('a dropped query: mysql2 says the connection was lost', async () => {
		const w = world(undefined, { links: [{ to: 'mysql', fault: { drop: 1 } }] });
		const e = await w.pool.query('SELECT * FROM customer').catch((e) => e);
		expect(e).toBeInstanceOf(Error);
		expect(e).toMatchObject({ message: 'Connection lost: The server closed the connection.', code: 'PROTOCOL_CONNECTION_LOST', fatal: true });
		w.host.stop();
	});

	it('an injected error status is not a MySQL answer either: connection lost', async () => {
		const w = world(undefined, { links: [{ to: 'mysql', fault: { errorStatus: 503 } }] });
		await expect(w.pool.query('SELECT * FROM customer')).rejects.toMatchObject({ code: 'PROTOCOL_CONNECTION_LOST' });
		w.host.stop();
	});

	it('an unknown host fails as getaddrinfo does', async () => {
		const w = world();
		const pool = w.mysql.createPool({ host: 'mysqll', database: 'shop' });
		await expect(pool.query('SELECT 1')).rejects.toMatchObject({ message: 'getaddrinfo ENOTFOUND mysqll', code: 'ENOTFOUND', fatal: true });
		w.host.stop();
	});
});

// A network with the simulated MySQL on it and a service's tour/mysql, for the host's tests.
import { createNetwork, createSqlHost, createMysqlModule, type LinkRule, type SqlHostOptions } from '../../../../src/lib/sim';

export const DATA = `-- the shop
CREATE TABLE customer (
  customer_id INT PRIMARY KEY AUTO_INCREMENT,
  name VARCHAR(40) NOT NULL,
  location VARCHAR(100),
  credit DECIMAL(10,2) DEFAULT 0,
  vip BOOLEAN DEFAULT FALSE,
  joined DATETIME
);
INSERT INTO customer (customer_id, name, location, credit, vip, joined) VALUES
  (123, 'Rachel''s Floral Designs', '115,277', 10.5, TRUE, '2017-05-01 10:00:00'),
  (392, 'Trom Chocolatier', '577,322', 0, FALSE, NULL),
  (567, 'Japanese Desserts', '211,653', 99.99, FALSE, '2020-01-31');
`;

export function world(files: Record<string, string> = { 'data.sql': DATA }, opts: { links?: LinkRule[]; host?: SqlHostOptions } = {}) {
	const net = createNetwork({ links: opts.links });
	const fails: string[] = [];
	const prints: string[] = [];
	const host = createSqlHost(net, { files, print: (_h, _s, t) => prints.push(t), fail: (h, m) => fails.push(`${h}: ${m}`) }, opts.host);
	net.addHost('customer');
	const mysql = createMysqlModule({ service: 'customer', send: (req) => net.request('customer', req) });
	const pool = mysql.createPool({ host: 'mysql', database: 'shop' });
	return { net, host, fails, prints, mysql, pool };
}

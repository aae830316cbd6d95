import { type Span } from 'opentracing';
import { createPool, type QueryValue, type RowDataPacket } from 'tour/mysql';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('shop');
const pool = createPool({ host: 'mysql', port: 3306, user: 'shop', password: 'hunter2', database: 'bookshop' });

// Every query the shop makes goes through here.
async function query(parent: Span, sql: string, params: QueryValue[]): Promise<RowDataPacket[]> {
  // TODO: one client span per query, a child of `parent`, tagged as a database call
  const [rows] = await pool.query(sql, params);
  return rows as RowDataPacket[];
}

export async function main(): Promise<void> {
  const email = process.argv[2];
  const span = tracer.startSpan('order-history');
  try {
    const [customer] = await query(span, 'SELECT id, name FROM customers WHERE email = ?', [email]);
    if (!customer) {
      console.log(`no customer ${email}`);
      return;
    }
    const orders = await query(span, 'SELECT title, total FROM orders WHERE customer_id = ? ORDER BY id', [customer.id as number]);
    console.log(`${customer.name}: ${orders.map((o) => `${o.title} (${o.total})`).join(', ')}`);
  } finally {
    span.finish();
  }
}

import { Tags, type Span } from 'opentracing';
import { createPool, type QueryValue, type RowDataPacket } from 'tour/mysql';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('shop');
const pool = createPool({ host: 'mysql', port: 3306, user: 'shop', password: 'hunter2', database: 'bookshop' });

// Every query the shop makes goes through here.
async function query(parent: Span, sql: string, params: QueryValue[]): Promise<RowDataPacket[]> {
  // "SQL SELECT": a name shared by every query of its kind; the statement itself goes in a tag
  const span = tracer.startSpan(`SQL ${sql.trim().split(/\s+/)[0].toUpperCase()}`, {
    childOf: parent,
    tags: {
      [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_CLIENT,
      [Tags.DB_TYPE]: 'sql',
      [Tags.DB_INSTANCE]: 'bookshop',
      [Tags.DB_USER]: 'shop',
      [Tags.DB_STATEMENT]: sql, // with its ? placeholders: the values stay out of the trace
      [Tags.PEER_ADDRESS]: 'mysql:3306',
    },
  });
  try {
    const [rows] = await pool.query(sql, params);
    return rows as RowDataPacket[];
  } finally {
    span.finish();
  }
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

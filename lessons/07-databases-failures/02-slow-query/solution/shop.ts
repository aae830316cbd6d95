import { Tags, type Span } from 'opentracing';
import { createPool, type QueryValue, type RowDataPacket } from 'tour/mysql';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('shop');
const pool = createPool({ host: 'mysql', port: 3306, user: 'shop', password: 'hunter2', database: 'bookshop', connectionLimit: 5 });

async function query(parent: Span, sql: string, params: QueryValue[], shelf: string): Promise<RowDataPacket[]> {
  const span = tracer.startSpan('SQL SELECT', {
    childOf: parent,
    tags: {
      [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_CLIENT,
      [Tags.DB_TYPE]: 'sql',
      [Tags.DB_INSTANCE]: 'bookshop',
      [Tags.DB_STATEMENT]: sql,
      [Tags.PEER_ADDRESS]: 'mysql:3306',
      shelf,
    },
  });
  try {
    const [rows] = await pool.query(sql, params);
    return rows as RowDataPacket[];
  } finally {
    span.finish();
  }
}

// Each shelf of the home page is a report over a year of sales — real work for a database. This
// sandbox's database is tiny, so SLEEP(0.3) stands in for that work: it keeps its connection busy
// for 300 ms, as the report would.
const REPORT = 'SELECT SLEEP(0.3)';

async function shelf(parent: Span, name: string): Promise<string> {
  await query(parent, REPORT, [], name);
  return name;
}

export async function main(): Promise<void> {
  const span = tracer.startSpan('home-page');
  try {
    // three independent shelves, asked for together
    const shelves = await Promise.all([shelf(span, 'bestsellers'), shelf(span, 'new-arrivals'), shelf(span, 'staff-picks')]);
    console.log(`home page: ${shelves.join(', ')}`);
  } finally {
    span.finish();
  }
}

// HotROD's customer service: a customer's name and location, from MySQL.
import { serve } from 'tour/http';
import { createPool, type RowDataPacket } from 'tour/mysql';
import { Tags, type Span } from 'opentracing';
import { initTracer, traced } from './lib/tracing';
import { work } from './lib/delay';

const tracer = initTracer('customer');
const db = { host: 'mysql', port: 3306, user: 'root', database: 'customers' };
const pool = createPool({ ...db, connectionLimit: 10 });

const SELECT = 'SELECT * FROM customer WHERE customer_id = ?';

async function selectCustomer(parent: Span, id: string): Promise<RowDataPacket | undefined> {
  const span = tracer.startSpan('SQL SELECT', {
    childOf: parent,
    tags: {
      [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_CLIENT,
      [Tags.DB_TYPE]: 'sql',
      [Tags.DB_INSTANCE]: db.database,
      [Tags.DB_STATEMENT]: SELECT,
      [Tags.PEER_SERVICE]: 'mysql',
    },
  });
  try {
    const [rows] = await pool.execute(SELECT, [id]);
    await work(5, 1); // what a real database spends on it
    return (rows as RowDataPacket[])[0];
  } catch (err) {
    span.setTag(Tags.ERROR, true);
    span.log({ event: 'error', message: String(err) });
    throw err;
  } finally {
    span.finish();
  }
}

serve(8081, {
  'GET /customer/:id': async (req) => {
    const row = await selectCustomer(tracer.activeSpan!, req.params.id);
    if (!row) return { status: 404, body: { error: `no customer ${req.params.id}` } };
    return { status: 200, body: { id: String(row.customer_id), name: row.name, location: row.location } };
  },
}, traced(tracer));

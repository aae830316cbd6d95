// A playground example for the simulated MySQL: frontend → customer (HTTP) → mysql, HotROD's first
// hop. The customer service wraps each query in a client span with OpenTracing's db.* tags; the
// statement goes on the span with its `?` placeholders, never the values.

const frontend = `import { initTracer } from 'tour/tracing';
import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';
import { fetch } from 'tour/http';
import { argv } from 'tour/process';

const tracer = initTracer('frontend');

export async function main() {
  const customerId = argv[2] ?? '123';
  const span = tracer.startSpan('dispatch');
  span.setTag('customer_id', customerId);
  try {
    const url = \`http://customer:8081/customer?customer=\${encodeURIComponent(customerId)}\`;
    const call = tracer.startSpan('HTTP GET /customer', { childOf: span, tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_CLIENT, [Tags.HTTP_METHOD]: 'GET', [Tags.HTTP_URL]: url } });
    const headers: Record<string, string> = {};
    tracer.inject(call.context(), FORMAT_HTTP_HEADERS, headers);
    const res = await fetch(url, { headers });
    call.setTag(Tags.HTTP_STATUS_CODE, res.status);
    call.finish();
    if (!res.ok) throw new Error(\`customer answered \${res.status}: \${await res.text()}\`);
    const customer = await res.json();
    console.log(\`\${customer.name} at \${customer.location}\`);
  } catch (err) {
    span.setTag(Tags.ERROR, true);
    span.log({ event: 'error', message: String(err) });
    throw err;
  } finally {
    span.finish();
  }
}
`;

const customer = `import { serve } from 'tour/http';
import { createPool } from 'tour/mysql';
import { initTracer } from 'tour/tracing';
import { FORMAT_HTTP_HEADERS, Tags, type Span } from 'opentracing';

const tracer = initTracer('customer');
const db = { host: 'mysql', port: 3306, user: 'root', database: 'customers' };
// try connectionLimit: 1 and several customers at once: the Network panel shows the waits
const pool = createPool({ ...db, connectionLimit: 10 });

/** one client span per query, with OpenTracing's database tags */
async function query(parent: Span, sql: string, params: unknown[]) {
  const span = tracer.startSpan('SQL ' + sql.split(' ')[0], {
    childOf: parent,
    tags: {
      [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_CLIENT,
      [Tags.DB_TYPE]: 'sql',
      [Tags.DB_INSTANCE]: db.database,
      [Tags.DB_USER]: db.user,
      [Tags.DB_STATEMENT]: sql, // placeholders, not values: no customer data in the trace
      [Tags.PEER_SERVICE]: 'mysql',
      [Tags.PEER_ADDRESS]: \`\${db.host}:\${db.port}\`
    }
  });
  try {
    const [rows] = await pool.execute(sql, params as (string | number | null)[]);
    return rows;
  } catch (err) {
    span.setTag(Tags.ERROR, true);
    span.log({ event: 'error', 'error.object': err, message: (err as Error).message });
    throw err;
  } finally {
    span.finish();
  }
}

serve(8081, async (req) => {
  const parent = tracer.extract(FORMAT_HTTP_HEADERS, req.headers);
  const span = tracer.startSpan('HTTP GET /customer', { childOf: parent ?? undefined, tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER } });
  try {
    const rows = (await query(span, 'SELECT * FROM customer WHERE customer_id = ?', [req.query.customer])) as Record<string, unknown>[];
    if (rows.length === 0) return { status: 404, body: { error: 'no such customer' } };
    await query(span, 'UPDATE customer SET visits = visits + 1 WHERE customer_id = ?', [req.query.customer]);
    return { status: 200, body: rows[0] };
  } finally {
    span.finish();
  }
});
`;

// HotROD's customers (examples/hotrod/services/customer/database.go)
const data = `CREATE TABLE customer (
  customer_id INT PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  location VARCHAR(40) NOT NULL,
  visits INT NOT NULL DEFAULT 0
);

INSERT INTO customer (customer_id, name, location) VALUES
  (123, 'Rachel''s Floral Designs', '115,277'),
  (567, 'Amazing Coffee Roasters', '211,653'),
  (392, 'Trom Chocolatier', '577,322'),
  (731, 'Japanese Desserts', '728,326');
`;

export const sqlExample = {
	title: 'MySQL: a client span per query',
	files: { 'frontend.ts': frontend, 'customer.ts': customer, 'data.sql': data } as Record<string, string>,
	args: '123'
};

// Chapter 7 — databases and failures: typical mistakes, each failing with the hint that names it,
// and correct programs written differently, which pass.
import type { Variant } from './mistakes';

export const variants07: Variant[] = [];
const add = (v: Variant) => variants07.push(v);

// ── retry ──────────────────────────────────────────────────────────────────────
const RETRY = 'databases-failures/retry';

// 1. The start as given: the retry starts under the failed attempt.
add({ step: RETRY, name: 'the retry nested in the failed attempt', edits: {}, fromStart: true, hint: 'hangs inside the first' });

// 2. Siblings now, but the retry still runs inside the failed attempt's try, so its span stays open.
add({
	step: RETRY,
	name: 'the retry under quote, but from inside the failed attempt: its span stays open',
	fromStart: true,
	edits: { 'shop.ts': [['return await getPrice(span, book, attemptsLeft - 1);', 'return await getPrice(parent, book, attemptsLeft - 1);']] },
	hint: 'still open while the retry runs'
});

// 3. One span around the whole retry loop.
add({
	step: RETRY,
	name: 'one span around every attempt',
	edits: {
		'shop.ts': [
			[
				/async function getPrice\(parent: Span, book: string, attempt: number\): Promise<string> \{\n  const url = (.*);\n  const span = tracer\.startSpan\('get-price', \{\n    childOf: parent,\n    tags: (.*),\n  \}\);\n/,
				"async function getPrice(span: Span, book: string, attempt: number): Promise<string> {\n  const url = $1;\n  span.setTag('attempt', attempt);\n"
			],
			['  } finally {\n    span.finish();\n  }\n}\n\n// The retry', '  }\n}\n\n// The retry'],
			[
				'async function getPriceWithRetry(parent: Span, book: string, attempts = 3): Promise<string> {\n',
				"async function getPriceWithRetry(parent: Span, book: string, attempts = 3): Promise<string> {\n  const span = tracer.startSpan('get-price', { childOf: parent, tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_CLIENT } });\n  try {\n"
			],
			['return await getPrice(parent, book, attempt);', 'return await getPrice(span, book, attempt);'],
			['      await sleep(50);\n    }\n  }\n}', '      await sleep(50);\n    }\n  }\n  } finally {\n    span.finish();\n  }\n}']
		]
	},
	hint: 'Only one get-price span arrived'
});

// 4. The failed attempt not marked.
add({
	step: RETRY,
	name: 'the failed attempt not tagged error',
	edits: { 'shop.ts': [['    span.setTag(Tags.ERROR, true);\n', '']] },
	hint: 'its span does not say so'
});

// 5. The error tag on the parent, where the retry is decided.
add({
	step: RETRY,
	name: 'the error tag on quote instead of the attempt',
	edits: {
		'shop.ts': [
			['    span.setTag(Tags.ERROR, true);\n', ''],
			["      parent.log({ event: 'retry'", "      parent.setTag(Tags.ERROR, true);\n      parent.log({ event: 'retry'"]
		]
	},
	hint: 'The error tag is on quote'
});

// 6. Attempts started without a parent: each a trace of its own.
add({
	step: RETRY,
	name: 'attempts started without childOf',
	edits: { 'shop.ts': [['    childOf: parent,\n', '']] },
	hint: 'should be a child of the quote span'
});

// 7. The failed attempt tagged, but nothing logged.
add({
	step: RETRY,
	name: 'the failed attempt tagged but not logged',
	edits: { 'shop.ts': [["    span.log({ event: 'error', 'error.object': err, message: err.message, stack: err.stack });\n", '']] },
	hint: "span.log({ event: 'error'"
});

// Passes: a generic retry helper, references: [childOf(...)], error = !res.ok.
add({
	step: RETRY,
	name: 'passes: a generic retry helper and references',
	edits: {},
	files: {
		'shop.ts': `import { childOf, FORMAT_HTTP_HEADERS, Tags, type Span } from 'opentracing';
import { fetch } from 'tour/http';
import { sleep } from 'tour/time';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('shop');

async function retry<T>(times: number, onRetry: (err: Error, next: number) => void, attempt: (n: number) => Promise<T>): Promise<T> {
  let lastError: Error = new Error('no attempt made');
  for (let n = 1; n <= times; n++) {
    if (n > 1) {
      onRetry(lastError, n);
      await sleep(20 * n);
    }
    try {
      return await attempt(n);
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

async function priceOnce(quote: Span, book: string, n: number): Promise<string> {
  const url = 'http://pricing:8081/price?book=' + encodeURIComponent(book);
  const span = tracer.startSpan('get-price', { references: [childOf(quote.context())] });
  span.addTags({ [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_CLIENT, [Tags.HTTP_URL]: url, 'retry.attempt': n });
  try {
    const headers = {};
    tracer.inject(span, FORMAT_HTTP_HEADERS, headers);
    const res = await fetch(url, { headers });
    span.setTag(Tags.HTTP_STATUS_CODE, res.status);
    span.setTag(Tags.ERROR, !res.ok);
    if (!res.ok) {
      const err = new Error('pricing answered ' + res.status);
      span.log({ event: 'error', 'error.kind': 'HttpError', message: err.message });
      throw err;
    }
    return await res.text();
  } finally {
    span.finish();
  }
}

export async function main(): Promise<void> {
  const quote = tracer.startSpan('quote', { tags: { book: 'moby-dick' } });
  try {
    const price = await retry(3, (err, next) => quote.log({ event: 'retry', attempt: next, reason: err.message }), (n) => priceOnce(quote, 'moby-dick', n));
    console.log('moby-dick: ' + price);
  } catch (err) {
    console.error('no price: ' + err.message);
  } finally {
    quote.finish();
  }
}
`
	}
});

// Passes: attempts made in a while loop, each a child of the active span (quote, activated in main).
add({
	step: RETRY,
	name: 'passes: a while loop, the parent active, the attempt a child of the active span',
	edits: {
		'shop.ts': [
			['    childOf: parent,\n', ''],
			[
				/\/\/ The retry lives[\s\S]*\n\}\n\nexport/,
				`async function getPriceWithRetry(parent: Span, book: string): Promise<string> {
  let attempt = 0;
  while (true) {
    attempt += 1;
    try {
      return await getPrice(parent, book, attempt);
    } catch (err) {
      if (attempt === 2) throw err;
      parent.log({ event: 'retry', message: err.message });
    }
  }
}

export`
			],
			["  span.setTag('book', book);\n", "  span.setTag('book', book);\n  using scope = tracer.activateSpan(span);\n"]
		]
	}
});

// ── a span per query ───────────────────────────────────────────────────────────
const SQL = 'databases-failures/sql-span';

add({ step: SQL, name: 'no span around the queries (the start)', edits: {}, fromStart: true, hint: 'no span shows them' });

// 1. The values inlined into db.statement: the e-mail address lands in the trace.
add({
	step: SQL,
	name: 'the statement tagged with its values filled in',
	edits: {
		'shop.ts': [
			[
				'[Tags.DB_STATEMENT]: sql, // with its ? placeholders: the values stay out of the trace',
				"[Tags.DB_STATEMENT]: params.reduce<string>((s, v) => s.replace('?', `'${v}'`), sql),"
			]
		]
	},
	hint: "The customer's e-mail address (ada@example.com) is in the SQL SELECT span"
});

// 2. The values as a tag of their own: still in the trace.
add({
	step: SQL,
	name: 'the parameters kept as a tag',
	edits: { 'shop.ts': [["      [Tags.PEER_ADDRESS]: 'mysql:3306',\n", "      [Tags.PEER_ADDRESS]: 'mysql:3306',\n      'db.params': JSON.stringify(params),\n"]] },
	hint: "The customer's e-mail address"
});

// 3. The host as db.instance.
add({
	step: SQL,
	name: 'db.instance set to the host',
	edits: { 'shop.ts': [["[Tags.DB_INSTANCE]: 'bookshop'", "[Tags.DB_INSTANCE]: 'mysql'"]] },
	hint: 'db.instance is "mysql", but it is the database\'s name'
});

// 4. The product as db.type.
add({
	step: SQL,
	name: 'db.type=mysql',
	edits: { 'shop.ts': [["[Tags.DB_TYPE]: 'sql'", "[Tags.DB_TYPE]: 'mysql'"]] },
	hint: 'db.type is "mysql"'
});

// 5. The statement as the operation name.
add({
	step: SQL,
	name: 'the statement as the operation name',
	edits: { 'shop.ts': [['tracer.startSpan(`SQL ${sql.trim().split(/\\s+/)[0].toUpperCase()}`, {', 'tracer.startSpan(sql, {']] },
	hint: 'The operation name holds the statement'
});

// 6. Query spans that are roots.
add({
	step: SQL,
	name: 'query spans started without childOf',
	edits: { 'shop.ts': [['    childOf: parent,\n    tags: {', '    tags: {']] },
	hint: 'A query span is not under order-history'
});

// 7. No span.kind.
add({
	step: SQL,
	name: 'span.kind missing',
	edits: { 'shop.ts': [['      [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_CLIENT,\n', '']] },
	hint: 'span.kind=client'
});

// Passes: tag names as strings, execute(), span set up with setTag after start and the kind at start, active-span parent.
add({
	step: SQL,
	name: 'passes: string tag keys, execute(), parent from the active span',
	edits: {},
	files: {
		'shop.ts': `import { Tags } from 'opentracing';
import { createPool, type QueryValue, type RowDataPacket } from 'tour/mysql';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('shop');
const db = { host: 'mysql', port: 3306, user: 'shop', password: 'hunter2', database: 'bookshop' };
const pool = createPool(db);

async function select(sql: string, ...params: QueryValue[]): Promise<RowDataPacket[]> {
  const span = tracer.startSpan('SQL SELECT', { tags: { 'span.kind': 'client' } });
  span.setTag('db.type', 'sql');
  span.setTag('db.instance', db.database);
  span.setTag('db.statement', sql);
  span.setTag('peer.address', db.host + ':' + db.port);
  try {
    const [rows] = await pool.execute(sql, params);
    return rows as RowDataPacket[];
  } catch (err) {
    span.setTag(Tags.ERROR, true);
    throw err;
  } finally {
    span.finish();
  }
}

export async function main(): Promise<void> {
  const span = tracer.startSpan('order-history');
  using scope = tracer.activateSpan(span);
  try {
    const [customer] = await select('SELECT id, name FROM customers WHERE email = ?', process.argv[2]);
    const orders = await select('SELECT title, total FROM orders WHERE customer_id = ? ORDER BY id', customer.id as number);
    console.log(customer.name + ': ' + orders.map((o) => o.title + ' (' + o.total + ')').join(', '));
  } finally {
    span.finish();
  }
}
`
	}
});

// Passes: a small traced-pool wrapper; peer.hostname and peer.port as well; the operation named by the table.
add({
	step: SQL,
	name: 'passes: a traced pool class, names per verb and table',
	edits: {},
	files: {
		'shop.ts': `import { Tags, childOf, type Span } from 'opentracing';
import { createPool, type Pool, type QueryValue, type RowDataPacket } from 'tour/mysql';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('shop');

class TracedPool {
  private pool: Pool;
  constructor(private host: string, private port: number, private database: string) {
    this.pool = createPool({ host, port, database, user: 'shop', password: 'hunter2' });
  }

  async query(parent: Span, sql: string, params: QueryValue[]): Promise<RowDataPacket[]> {
    const table = /from\\s+(\\w+)/i.exec(sql)?.[1] ?? '?';
    const span = tracer.startSpan('SELECT ' + table, {
      references: [childOf(parent.context())],
      tags: {
        [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_CLIENT,
        [Tags.DB_TYPE]: 'sql',
        [Tags.DB_INSTANCE]: this.database,
        [Tags.DB_STATEMENT]: sql,
        [Tags.PEER_ADDRESS]: this.host + ':' + this.port,
        [Tags.PEER_HOSTNAME]: this.host,
        [Tags.PEER_PORT]: this.port,
      },
    });
    try {
      const [rows] = await this.pool.query(sql, params);
      return rows as RowDataPacket[];
    } finally {
      span.finish();
    }
  }
}

const db = new TracedPool('mysql', 3306, 'bookshop');

export async function main(): Promise<void> {
  const email = process.argv[2];
  const span = tracer.startSpan('order-history');
  try {
    const [customer] = await db.query(span, 'SELECT id, name FROM customers WHERE email = ?', [email]);
    const orders = await db.query(span, 'SELECT title, total FROM orders WHERE customer_id = ? ORDER BY id', [customer.id as number]);
    console.log(\`\${customer.name}: \${orders.map((o) => \`\${o.title} (\${o.total})\`).join(', ')}\`);
  } finally {
    span.finish();
  }
}
`
	}
});

// ── the slow query ─────────────────────────────────────────────────────────────
const SLOW = 'databases-failures/slow-query';
const ONE_AT_A_TIME = "    const shelves = await Promise.all([shelf(span, 'bestsellers'), shelf(span, 'new-arrivals'), shelf(span, 'staff-picks')]);";
const SEQUENTIAL = "    const shelves = [await shelf(span, 'bestsellers'), await shelf(span, 'new-arrivals'), await shelf(span, 'staff-picks')];";

// 1. The start: one shelf after another, through a pool of one.
add({ step: SLOW, name: 'the start: sequential shelves, a pool of one', edits: {}, fromStart: true, hint: 'one after another: each shelf waits' });

// 2. Promise.all, but the pool still has one connection: the staircase.
add({
	step: SLOW,
	name: 'shelves asked for together, the pool still of one',
	edits: { 'shop.ts': [['connectionLimit: 5', 'connectionLimit: 1']] },
	hint: 'a staircase'
});

// 3. A bigger pool, but the code still waits for each shelf.
add({
	step: SLOW,
	name: 'a bigger pool, shelves still awaited one by one',
	edits: { 'shop.ts': [[ONE_AT_A_TIME, SEQUENTIAL]] },
	hint: 'Start them together'
});

// 4. A pool of two for three queries at once.
add({
	step: SLOW,
	name: 'a pool of two for three queries',
	edits: { 'shop.ts': [['connectionLimit: 5', 'connectionLimit: 2']] },
	hint: 'wait in line for the pool'
});

// 5. A pool per query: fast, but a connection opened every time.
add({
	step: SLOW,
	name: 'a new pool for every query',
	edits: {
		'shop.ts': [
			["const pool = createPool({ host: 'mysql', port: 3306, user: 'shop', password: 'hunter2', database: 'bookshop', connectionLimit: 5 });\n", ''],
			['    const [rows] = await pool.query(sql, params);', "    const pool = createPool({ host: 'mysql', port: 3306, user: 'shop', password: 'hunter2', database: 'bookshop', connectionLimit: 1 });\n    const [rows] = await pool.query(sql, params);"]
		]
	},
	hint: 'different pools'
});

// 6. "Don't wait for a connection": the queries that find none busy fail.
add({
	step: SLOW,
	name: 'waitForConnections: false on a pool of one',
	edits: { 'shop.ts': [['connectionLimit: 5', 'connectionLimit: 1, waitForConnections: false']] },
	hint: 'No connections available.'
});

// 7. The span finished before the answer: every query looks instant.
add({
	step: SLOW,
	name: 'the query span finished before the query answers',
	edits: {
		'shop.ts': [
			[
				'  try {\n    const [rows] = await pool.query(sql, params);\n    return rows as RowDataPacket[];\n  } finally {\n    span.finish();\n  }',
				'  const pending = pool.query(sql, params);\n  span.finish();\n  const [rows] = await pending;\n  return rows as RowDataPacket[];'
			]
		]
	},
	hint: 'ends before its query has answered'
});

// Passes: the default pool size (10), the shelves mapped from a list.
add({
	step: SLOW,
	name: 'passes: the default pool, shelves mapped from a list',
	edits: {
		'shop.ts': [
			[", database: 'bookshop', connectionLimit: 5 }", ", database: 'bookshop' }"],
			[ONE_AT_A_TIME, "    const names = ['bestsellers', 'new-arrivals', 'staff-picks'];\n    const shelves = await Promise.all(names.map((name) => shelf(span, name)));"]
		]
	}
});

// Passes: promises started first and awaited afterwards, a pool of exactly three.
add({
	step: SLOW,
	name: 'passes: start all three, then await each; a pool of three',
	edits: {
		'shop.ts': [
			['connectionLimit: 5', 'connectionLimit: 3'],
			[
				ONE_AT_A_TIME,
				"    const best = shelf(span, 'bestsellers');\n    const fresh = shelf(span, 'new-arrivals');\n    const picks = shelf(span, 'staff-picks');\n    const shelves = [await best, await fresh, await picks];"
			]
		]
	}
});

// ── failures you can find ──────────────────────────────────────────────────────
const FAIL = 'databases-failures/failures';

add({ step: FAIL, name: 'nothing recorded (the start)', edits: {}, fromStart: true, hint: 'The gift-card query failed' });

// 1. The gRPC status seen as "just an answer": the client span left unmarked.
add({
	step: FAIL,
	name: 'the failed Reserve call not marked on the client',
	edits: { 'shop.ts': [['    // any status but OK means the caller did not get what it asked for\n    recordError(span, err);\n', '']] },
	hint: 'every status but OK is a failure'
});

// 2. The nacked message not marked.
add({
	step: FAIL,
	name: 'the nacked message not marked',
	edits: { 'mailer.ts': [['      recordError(span, err);\n', '']] },
	hint: 'a message dropped without a trace'
});

// 3. The error tag without a log.
add({
	step: FAIL,
	name: 'tagged but nothing logged',
	edits: { 'shop.ts': [["  span.log({ event: 'error', 'error.object': err, message: err.message, stack: err.stack });\n", '']] },
	hint: "span.log({ event: 'error'"
});

// 4. A log with the message but no stack.
add({
	step: FAIL,
	name: 'the error logged without its stack',
	edits: { 'mailer.ts': [["span.log({ event: 'error', 'error.object': err, message: err.message, stack: err.stack });", "span.log({ event: 'error', message: err.message });"]] },
	hint: 'stack: err.stack'
});

// 5. The tag set on the parent span instead of the failed call's (checkout catches and marks itself).
add({
	step: FAIL,
	name: 'the gift-card failure marked on checkout',
	edits: {
		'shop.ts': [
			['    recordError(span, err);\n    throw err;', '    throw err;'],
			["      console.log(`gift card ignored: ${err.message}`);", "      span.setTag(Tags.ERROR, true);\n      span.log({ event: 'error', message: err.message, stack: err.stack });\n      console.log(`gift card ignored: ${err.message}`);"]
		]
	},
	hint: "The gift-card query failed"
});

// 6. The tag set in finally: every query is "failed".
add({
	step: FAIL,
	name: 'error=true set on every call',
	edits: { 'shop.ts': [["      [Tags.PEER_ADDRESS]: 'mysql:3306',\n    },", "      [Tags.PEER_ADDRESS]: 'mysql:3306',\n      [Tags.ERROR]: true,\n    },"]] },
	hint: 'of a call that worked is tagged error=true'
});

// 7. The failed message swallowed: acked instead of nacked.
add({
	step: FAIL,
	name: 'the failed message acked',
	edits: { 'mailer.ts': [['      channel.nack(msg, false, false);', '      channel.ack(msg);']] },
	hint: 'the broker should hear that the message failed'
});

// Passes: error as the string "true", error.kind, and reject instead of nack.
add({
	step: FAIL,
	name: 'passes: string tag keys, error.kind, reject(msg, false)',
	edits: {
		'mailer.ts': [
			[
				"  span.setTag(Tags.ERROR, true);\n  span.log({ event: 'error', 'error.object': err, message: err.message, stack: err.stack });",
				"  span.addTags({ error: true, 'error.kind': err.name });\n  span.log({ event: 'error', 'error.kind': err.name, message: String(err.message), stack: String(err.stack) });"
			],
			['      channel.nack(msg, false, false);', '      channel.reject(msg, false);']
		]
	}
});

// Passes: the tags set inline in each catch, without a helper; the gRPC code logged as well.
add({
	step: FAIL,
	name: 'passes: inline tags in each catch, the gRPC code in the log',
	edits: {
		'shop.ts': [
			['    recordError(span, err);\n    throw err;', "    span.setTag('error', true);\n    span.log({ event: 'error', 'error.object': err, message: err.message, stack: err.stack, 'db.error': err.code });\n    throw err;"],
			[
				'    // any status but OK means the caller did not get what it asked for\n    recordError(span, err);',
				"    const e = err as ServiceError;\n    span.setTag(Tags.ERROR, true);\n    span.log({ event: 'error', message: e.details, 'grpc.code': e.code, stack: e.stack });"
			]
		]
	}
});

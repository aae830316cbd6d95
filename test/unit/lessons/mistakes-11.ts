// Chapter 11 — find the slow request: typical mistakes, each failing with the hint that names it,
// and correct programs written differently, which pass.
import type { Variant } from './mistakes';

export const variants11: Variant[] = [];
const add = (v: Variant) => variants11.push(v);

// ── the lock ────────────────────────────────────────────────────────────────────
const LOCK = 'find-the-slow-request/the-lock';

// 1. The start as given: the lock is still there.
add({ step: LOCK, name: 'the lock left in place', edits: {}, fromStart: true, hint: 'Waiting for lock behind N transactions' });

// 2. The lock's logs taken out, the lock kept: the trace no longer says why, the shape still does.
add({
	step: LOCK,
	name: 'only the lock\'s logs removed',
	fromStart: true,
	edits: {
		'lib/lock.ts': [
			["      span.log({ event: `Waiting for lock behind ${this.#waiting.length + 1} transactions` });\n", ''],
			["    span.log({ event: `Acquired lock; ${this.#waiting.length} transactions waiting behind` });\n", '']
		]
	},
	hint: 'lets one request through at a time'
});

// 3. The lock swapped for a pool of one connection: the same queue, on the wire.
add({
	step: LOCK,
	name: 'the lock replaced by a pool of one connection',
	edits: { 'customer.ts': [['connectionLimit: 10', 'connectionLimit: 1']] },
	hint: 'waited for a connection'
});

// 4. The lock moved up to the whole handler: the query spans no longer wait inside, but queue all the same.
add({
	step: LOCK,
	name: 'the lock taken around the whole handler instead',
	edits: {
		'customer.ts': [
			["import { work } from './lib/delay';", "import { work } from './lib/delay';\nimport { Lock } from './lib/lock';\n\nconst lock = new Lock();"],
			[
				"    const row = await selectCustomer(tracer.activeSpan!, req.params.id);",
				'    const span = tracer.activeSpan!;\n    await lock.acquire(span);\n    let row;\n    try {\n      row = await selectCustomer(span, req.params.id);\n    } finally {\n      lock.release();\n    }'
			]
		]
	},
	files: {
		'lib/lock.ts': `import type { Span } from 'opentracing';

export class Lock {
  #held = false;
  #waiting: (() => void)[] = [];

  async acquire(span: Span): Promise<void> {
    if (this.#held) await new Promise<void>((wake) => this.#waiting.push(wake));
    this.#held = true;
  }

  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }
}
`
	},
	hint: 'lets one request through at a time'
});

// 5. One lock per customer: four customers, so four queries at most.
add({
	step: LOCK,
	name: 'a lock per customer',
	fromStart: true,
	edits: {
		'customer.ts': [
			['const lock = new Lock();', 'const locks = new Map<string, Lock>();\nconst lockFor = (id: string) => locks.get(id) ?? locks.set(id, new Lock()).get(id)!;'],
			['    await lock.acquire(span);', '    const lock = lockFor(id);\n    await lock.acquire(span);']
		]
	},
	hint: 'Waiting for lock behind N transactions'
});

// Correct, written differently: a bigger pool and pool.query; the span finished with `using`-free try/finally kept.
add({
	step: LOCK,
	name: 'passes: a bigger pool, pool.query instead of execute',
	edits: { 'customer.ts': [['connectionLimit: 10', 'connectionLimit: 32, waitForConnections: true'], ['await pool.execute(SELECT, [id])', 'await pool.query(SELECT, [id])']] }
});

// Correct, written differently: the lock kept as an option that is off (HotROD's -M flag).
add({
	step: LOCK,
	name: 'passes: the lock behind a flag that is off',
	fromStart: true,
	edits: {
		'customer.ts': [
			['const lock = new Lock();', "const lock = new Lock();\n// HotROD's --fix-disable-db-conn-mutex\nconst USE_LOCK = false;"],
			[
				`    await lock.acquire(span);
    try {
      const [rows] = await pool.execute(SELECT, [id]);
      await work(5, 1); // what a real database spends on it
      return (rows as RowDataPacket[])[0];
    } finally {
      lock.release();
    }`,
				`    if (USE_LOCK) await lock.acquire(span);
    try {
      const [rows] = await pool.execute(SELECT, [id]);
      await work(5, 1); // what a real database spends on it
      return (rows as RowDataPacket[])[0];
    } finally {
      if (USE_LOCK) lock.release();
    }`
			]
		]
	}
});

// ── the staircase ──────────────────────────────────────────────────────────────
const STAIRS = 'find-the-slow-request/the-staircase';

// 1. The start as given: three workers for everyone.
add({ step: STAIRS, name: 'the pool of three left as it is', edits: {}, fromStart: true, hint: 'Raise ROUTE_WORKERS' });

// 2. Enough for one dispatch, not for fifty.
add({ step: STAIRS, name: 'five workers: one dispatch\'s worth', edits: { 'frontend.ts': [['const ROUTE_WORKERS = 16;', 'const ROUTE_WORKERS = 5;']] }, hint: 'Raise ROUTE_WORKERS' });

// 3. A pool per request: no queue across requests, but each request still climbs the stairs.
add({
	step: STAIRS,
	name: 'a pool of three made per request',
	fromStart: true,
	edits: {
		'frontend.ts': [
			['    const etas = await Promise.all(', '    const routeWorkers = new WorkerPool(ROUTE_WORKERS);\n    const etas = await Promise.all(']
		]
	},
	hint: 'a pool made per request'
});

// 4. A bigger pool, but the calls awaited one by one.
add({
	step: STAIRS,
	name: 'a big pool, but each route call awaited in a loop',
	edits: {
		'frontend.ts': [
			[
				`    const etas = await Promise.all(
      drivers.map((d) => routeWorkers.run(() => findRoute(span, d.location, customer.location)).then((r) => ({ driver: d.driverID, eta: r.etaSeconds })))
    );`,
				`    const etas: { driver: string; eta: number }[] = [];
    for (const d of drivers) {
      const r = await routeWorkers.run(() => findRoute(span, d.location, customer.location));
      etas.push({ driver: d.driverID, eta: r.etaSeconds });
    }`
			]
		]
	},
	hint: 'a loop that awaits each call'
});

// Correct, written differently: ten workers, the etas built with a named helper.
add({
	step: STAIRS,
	name: 'passes: ten workers and a helper per driver',
	edits: {
		'frontend.ts': [
			['const ROUTE_WORKERS = 16;', 'const ROUTE_WORKERS = 10;'],
			[
				'drivers.map((d) => routeWorkers.run(() => findRoute(span, d.location, customer.location)).then((r) => ({ driver: d.driverID, eta: r.etaSeconds })))',
				'drivers.map(async (d) => {\n        const route = await routeWorkers.run(() => findRoute(span, d.location, customer.location));\n        return { driver: d.driverID, eta: route.etaSeconds };\n      })'
			]
		]
	}
});

// Correct, written differently: the pool sized from the load it serves.
add({
	step: STAIRS,
	name: 'passes: the pool sized from the expected load',
	edits: { 'frontend.ts': [['const ROUTE_WORKERS = 16;', '// fifty customers at peak, five drivers each, a route takes a few ms: a quarter in flight is plenty\nconst PEAK_CALLS = 50 * 5;\nconst ROUTE_WORKERS = Math.ceil(PEAK_CALLS / 8);']] }
});

// ── the Redis timeout ─────────────────────────────────────────────────────────
const REDIS = 'find-the-slow-request/the-redis-timeout';
const MARK = "    span.setTag(Tags.ERROR, true);\n    span.log({ event: 'error', message: (err as Error).message, driver_id: id });\n";

// 1. The start as given: every attempt inside one span, nothing marked.
add({ step: REDIS, name: 'all attempts inside one GetDriver span', edits: {}, fromStart: true, hint: 'hides both' });

// 2. The error tag without the log that says why.
add({ step: REDIS, name: 'error tag but no error log', edits: { 'driver.ts': [[MARK, '    span.setTag(Tags.ERROR, true);\n']] }, hint: 'but not why' });

// 3. The log without the tag: the span is not red and error=true does not find it.
add({ step: REDIS, name: 'error log but no error tag', edits: { 'driver.ts': [[MARK, "    span.log({ event: 'error', message: (err as Error).message });\n"]] }, hint: 'are not errors' });

// 4. The failure marked on the parent, which succeeds in the end.
add({
	step: REDIS,
	name: 'the error marked on FindNearest instead of the attempt',
	edits: { 'driver.ts': [[MARK, "    parent.setTag(Tags.ERROR, true);\n    parent.log({ event: 'error', message: (err as Error).message });\n"]] },
	hint: 'are not errors'
});

// 5. Every attempt its own span, but a retry looks like a first try.
add({ step: REDIS, name: 'retries without their number', edits: { 'driver.ts': [["  if (attempt > 1) span.setTag('retry_no', attempt - 1);\n", '']] }, hint: 'look like any first try' });

// 6. The failure marked, but the retries still loop inside the one span: a span that failed and then succeeded.
add({
	step: REDIS,
	name: 'error marked inside the one span that loops over the attempts',
	fromStart: true,
	edits: {
		'driver.ts': [
			[
				'      } catch {\n        // Redis was slow: try again\n      }',
				"      } catch (err) {\n        span.setTag(Tags.ERROR, true);\n        span.log({ event: 'error', message: (err as Error).message });\n      }"
			]
		]
	},
	hint: 'still run inside the failed span'
});

// Correct, written differently: an `attempt` tag on every span, 'error' as a string, the Error as error.object.
add({
	step: REDIS,
	name: 'passes: an attempt tag on every try, error.object in the log',
	edits: {
		'driver.ts': [
			["  if (attempt > 1) span.setTag('retry_no', attempt - 1);\n", "  span.setTag('attempt', attempt);\n"],
			[MARK, "    span.setTag('error', true);\n    span.log({ event: 'error', 'error.object': err, 'error.kind': 'Timeout' });\n"]
		]
	}
});

// Correct, written differently: the retry as recursion, the number given when the span starts.
add({
	step: REDIS,
	name: 'passes: retry by recursion, retry_no set at startSpan',
	edits: {
		'driver.ts': [
			["  const span = redisSpan(parent, 'GetDriver', { 'param.driverID': id });\n  if (attempt > 1) span.setTag('retry_no', attempt - 1);\n", "  const span = redisSpan(parent, 'GetDriver', attempt > 1 ? { 'param.driverID': id, retry_no: String(attempt - 1) } : { 'param.driverID': id });\n"],
			[
				/\/\*\* GetDriver, tried again[\s\S]*?\n}\n/,
				`/** GetDriver again after a failure, until ATTEMPTS tries have failed. */
async function getDriverWithRetry(parent: Span, id: string, attempt = 1): Promise<Driver | null> {
  try {
    return await getDriver(parent, id, attempt);
  } catch {
    if (attempt >= ATTEMPTS) return null;
    return getDriverWithRetry(parent, id, attempt + 1);
  }
}
`
			]
		]
	}
});

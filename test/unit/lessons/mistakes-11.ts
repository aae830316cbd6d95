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

// ── broken trace detective ────────────────────────────────────────────────────
const DETECTIVE = 'find-the-slow-request/broken-trace-detective';
const SEND_RESERVE = ['    const res = await fetch(url, { headers });\n    return await res.text();\n  } finally {\n    span.finish();\n  }\n}\n\nasync function chargeCard', '    const res = await fetch(url);\n    return await res.text();\n  } finally {\n    span.finish();\n  }\n}\n\nasync function chargeCard'] as [string, string];

// 1. The start as given: all five broken; the check names each.
add({ step: DETECTIVE, name: 'the five programs as given', edits: {}, fromStart: true, hint: 'the context was lost where the job crossed the queue' });

// 2. The context injected into a headers object that is never sent.
add({ step: DETECTIVE, name: 'inject into headers that fetch never gets', edits: { 'shop.ts': [SEND_RESERVE] }, hint: 'each starts a trace of its own' });

// 3. The skew "fixed" by pushing billing's clock the other way.
add({ step: DETECTIVE, name: 'the VM clock pushed ahead instead of synchronised', edits: { 'lib/vm-clock.ts': [['const DRIFT_MS = 0;', 'const DRIFT_MS = 2500;']] }, hint: 'clock skew the other way' });

// 4. The job told to use "the active span" explicitly: in the worker's context there is none.
add({
	step: DETECTIVE,
	name: 'render-email started with childOf: tracer.activeSpan inside the job',
	edits: { 'mailer.ts': [["{ childOf: span, tags: { order } }", '{ childOf: tracer.activeSpan ?? undefined, tags: { order } }']] },
	hint: 'the context was lost where the job crossed the queue'
});

// 5. The shared "current report" kept, set again just before the query runs — after another report set it.
add({
	step: DETECTIVE,
	name: 'a shared current-report variable, set when each report starts',
	edits: {
		'reports.ts': [
			['// Three reports are built at once: each query is given its own report\'s span.\n', '/** the report being built */\nlet current: Span | undefined;\n\n'],
			['{ childOf: parent, tags:', '{ childOf: current ?? parent, tags:'],
			["  const span = tracer.startSpan('report', { tags: { 'report.name': name } });\n", "  const span = tracer.startSpan('report', { tags: { 'report.name': name } });\n  current = span;\n"]
		]
	},
	hint: 'hang under the wrong report'
});

// 6. The root finished after the loop only: the early return still skips it.
add({
	step: DETECTIVE,
	name: 'root.finish() after the loop instead of in a finally',
	edits: { 'nightly.ts': [['  } finally {\n    root.finish();\n  }\n}', '  } finally {\n    // the loop is done\n  }\n  root.finish();\n}']] },
	hint: 'nightly-import was never finished'
});

// Correct, written differently: the span activated inside the job, the tracer on the host's own
// clock, `break` out of the loop, references with childOf().
add({
	step: DETECTIVE,
	name: 'passes: activate in the job, default clock, break, references',
	edits: {
		'mailer.ts': [
			[
				"    const render = tracer.startSpan('render-email', { childOf: span, tags: { order } });",
				"    using active = tracer.activateSpan(span);\n    const render = tracer.startSpan('render-email', { tags: { order } });"
			]
		],
		'billing.ts': [
			["import { vmClock } from './lib/vm-clock';\n", ''],
			["initTracer('billing', { now: vmClock })", "initTracer('billing')"]
		],
		'reports.ts': [
			["import { Tags, type Span } from 'opentracing';", "import { childOf, Tags, type Span } from 'opentracing';"],
			['{ childOf: parent, tags:', '{ references: [childOf(parent)], tags:']
		],
		'nightly.ts': [['        return;\n', '        break;\n']]
	}
});

// Correct, written differently: each report activated for its own async work (the active span follows
// the awaits), the reserve call through one shared helper that injects, the root finished on the
// early return too.
add({
	step: DETECTIVE,
	name: 'passes: active span per report, a shared injecting helper, finish on each exit',
	edits: {
		'reports.ts': [
			['{ childOf: parent, tags:', '{ tags:'],
			["  const span = tracer.startSpan('report', { tags: { 'report.name': name } });\n", "  const span = tracer.startSpan('report', { tags: { 'report.name': name } });\n  using scope = tracer.activateSpan(span);\n"]
		],
		'shop.ts': [
			[
				/async function reserveStock[\s\S]*?\n}\n\nasync function chargeCard\(parent: Span, cents: number\): Promise<string> \{\n  const url = `http:\/\/billing:8082\/charge\?cents=\$\{cents\}`;\n  const span = clientSpan\(parent, 'charge-card', url\);/,
				"async function reserveStock(parent: Span, item: string): Promise<string> {\n  return call(parent, 'reserve-stock', `http://stock:8081/reserve?item=${item}`);\n}\n\nasync function chargeCard(parent: Span, cents: number): Promise<string> {\n  return call(parent, 'charge-card', `http://billing:8082/charge?cents=${cents}`);\n}\n\n/** A traced GET: the span's context goes out in the request's headers. */\nasync function call(parent: Span, operation: string, url: string): Promise<string> {\n  const span = clientSpan(parent, operation, url);"
			]
		],
		'nightly.ts': [
			['  // finished on every way out of the import, the early return too\n  try {\n', '  {\n'],
			['        return;\n', '        root.finish();\n        return;\n'],
			['  } finally {\n    root.finish();\n  }\n}', '  }\n  root.finish();\n}']
		]
	}
});

// ── broken trace detective: the export that exits before its tracer flushed ─────────
const CLOSE_AND_EXIT: [string, string] = ['  await tracer.close();\n  process.exit(0);\n', ''];
const FLUSH_HINT = 'the job exited before the tracer flushed';
const ROOT_HINT = 'Finish every span, then await tracer.close(), then exit';

// 1. The start as given: process.exit right after the work, the tracer never closed.
add({ step: DETECTIVE, name: 'export: process.exit(0) with no close, as given', edits: {}, fromStart: true, hint: FLUSH_HINT });

// 2. close() called but not waited for: its flush would leave a moment later, after the exit.
add({ step: DETECTIVE, name: 'export: tracer.close() without await, then exit', edits: { 'export.ts': [['  await tracer.close();\n', '  tracer.close();\n']] }, hint: FLUSH_HINT });

// 3. The exit put in a finally "so the job always ends", with root.finish() left after it.
add({
	step: DETECTIVE,
	name: 'export: close and exit in a finally, the root finished after it',
	edits: {
		'export.ts': [
			["  const root = tracer.startSpan('export-tables');\n", "  const root = tracer.startSpan('export-tables');\n  try {\n"],
			['  root.finish();\n', ''],
			[CLOSE_AND_EXIT[0], '  } finally {\n    await tracer.close();\n    process.exit(0);\n  }\n  root.finish();\n']
		]
	},
	hint: ROOT_HINT
});

// 4. The tracer closed before the last span is finished: the root is reported to a closed reporter.
add({
	step: DETECTIVE,
	name: 'export: tracer closed before the root is finished',
	edits: { 'export.ts': [['  manifest.finish();\n  root.finish();\n', '  manifest.finish();\n  await tracer.close();\n  root.finish();\n'], CLOSE_AND_EXIT.map((x, i) => (i === 0 ? x : '  process.exit(0);\n')) as [string, string]] },
	hint: ROOT_HINT
});

// 5. A shorter flush interval instead of a flush: the spans finished just before the exit still go.
add({
	step: DETECTIVE,
	name: 'export: flushIntervalMs lowered to 10, still exiting at once',
	edits: {
		'export.ts': [
			["const tracer = initTracer('export');", "const tracer = initTracer({\n  serviceName: 'export',\n  sampler: { type: 'const', param: 1 },\n  reporter: { logSpans: true, flushIntervalMs: 10 },\n});"],
			['  await tracer.close();\n', '']
		]
	},
	hint: FLUSH_HINT
});

// Correct, written differently: jaeger-client's callback style, the exit in close's callback.
add({
	step: DETECTIVE,
	name: 'passes: export exits in tracer.close(callback)',
	edits: { 'export.ts': [CLOSE_AND_EXIT.map((x, i) => (i === 0 ? x : '  tracer.close(() => process.exit(0));\n')) as [string, string]] }
});

// Correct, written differently: no exit at all — main returns and the program ends on its own.
add({ step: DETECTIVE, name: 'passes: export returns from main instead of exiting', edits: { 'export.ts': [CLOSE_AND_EXIT] } });

// Correct, written differently: one helper that flushes, then exits, used in a finally.
add({
	step: DETECTIVE,
	name: 'passes: export ends through a flush-then-exit helper in a finally',
	edits: {
		'export.ts': [
			['export async function main', '/** Exits only once every span has left: process.exit would drop the reporter\'s buffer. */\nasync function exitAfterFlush(code: number): Promise<never> {\n  await tracer.close();\n  process.exit(code);\n}\n\nexport async function main'],
			["  const root = tracer.startSpan('export-tables');\n", "  const root = tracer.startSpan('export-tables');\n  try {\n"],
			['  root.finish();\n', ''],
			[CLOSE_AND_EXIT[0], '  } finally {\n    root.finish();\n  }\n  await exitAfterFlush(0);\n']
		]
	}
});

// ── read a whole trace ───────────────────────────────────────────────────────────
const READ = 'find-the-slow-request/read-a-trace';
const answer = (key: string, from: string, to: string): Record<string, [string, string][]> => ({ 'frontend.ts': [[`'${key}': ${from},`, `'${key}': ${to},`]] });

// 1. MySQL and Redis counted as services: they are only peer.service tags.
add({ step: READ, name: 'MySQL and Redis counted as services of the trace', edits: answer('finding.services', '4', '6'), hint: 'Too many: only services that report spans' });
// 2. Statistics' two HTTP GET /route rows (client and server) added up.
add({ step: READ, name: 'route calls counted as client plus server spans', edits: answer('finding.route_calls', '5', '10'), hint: 'Each call is counted twice' });
// 3. The Dependencies view's number: every trace of the run.
add({ step: READ, name: 'route calls read off the Dependencies view (the whole run)', edits: answer('finding.route_calls', '5', '250'), hint: 'That counts the whole run' });
// 4. Driver runs just before route, so it must be calling it.
add({ step: READ, name: 'the service that runs before route named as its caller', edits: answer('finding.route_caller', "'frontend'", "'driver'"), hint: 'The order in which services run is not who calls whom' });
// 5. The long bar named instead of the child it waits for.
add({ step: READ, name: 'the parent on the critical path named instead of its child', edits: answer('finding.critical_path', "'GetDriver'", "'/driver.Driver/FindNearest'"), hint: 'spends its time waiting for its own children' });
// 6. The root: it is the longest span.
add({ step: READ, name: 'the root named as the critical path', edits: answer('finding.critical_path', "'GetDriver'", "'HTTP GET /dispatch'"), hint: 'The root lasts as long as the trace' });
// The start as given: no answer recorded.
add({ step: READ, name: 'no answers recorded', edits: {}, fromStart: true, hint: 'The dispatch spans carry no finding.services' });

// passes: numbers as text, names in another case or with their service
add({
	step: READ,
	name: 'passes: answers written as text, with services and capitals',
	edits: {
		'frontend.ts': [
			["'finding.services': 4,", "'finding.services': '4',"],
			["'finding.route_calls': 5,", "'finding.route_calls': ' 5 ',"],
			["'finding.route_caller': 'frontend',", "'finding.route_caller': 'Frontend',"],
			["'finding.critical_path': 'GetDriver',", "'finding.critical_path': 'driver: GetDriver',"]
		]
	}
});
// passes: the answers logged on the dispatch span instead of tagged
add({
	step: READ,
	name: 'passes: answers recorded as one log on the dispatch span',
	edits: { 'frontend.ts': [['for (const [key, answer] of Object.entries(FINDINGS)) if (answer !== null) span.setTag(key, answer);', "span.log({ event: 'findings', ...FINDINGS });"]] }
});

// ── compare a fast and a slow trace ───────────────────────────────────────────────
const COMPARE = 'find-the-slow-request/compare';

// 1. The span that got longer, present in both traces as often.
add({ step: COMPARE, name: 'the longer parent named instead of the extra spans', edits: answer('finding.extra_operation', "'GetDriver'", "'/driver.Driver/FindNearest'"), hint: 'Compare shows the same count on both sides' });
// 2. The cause named as a thing, not as the spans that show it.
add({ step: COMPARE, name: 'Redis named instead of an operation', edits: answer('finding.extra_operation', "'GetDriver'", "'redis'"), hint: 'Redis and MySQL report no spans' });
// 3. A tag read off one extra span without comparing: every GetDriver has it.
add({ step: COMPARE, name: 'a tag every GetDriver carries', edits: answer('finding.extra_tag', "'error'", "'param.driverID'"), hint: 'carry that tag too' });
// 4. The retry taken for a child of the failed attempt.
add({ step: COMPARE, name: 'the retry placed under the failed attempt', edits: answer('finding.extra_parent', "'/driver.Driver/FindNearest'", "'GetDriver'"), hint: 'A retry is not a child of the attempt that failed' });
// The start as given: no comparison recorded.
add({ step: COMPARE, name: 'no comparison recorded', edits: {}, fromStart: true, hint: 'The dispatch spans carry no finding.extra_operation' });

// passes: the retry's own tag, short names
add({
	step: COMPARE,
	name: 'passes: retry_no as the tag, short and service-qualified names',
	edits: {
		'frontend.ts': [
			["'finding.extra_operation': 'GetDriver',", "'finding.extra_operation': 'driver GetDriver',"],
			["'finding.extra_tag': 'error',", "'finding.extra_tag': 'retry_no',"],
			["'finding.extra_parent': '/driver.Driver/FindNearest',", "'finding.extra_parent': 'FindNearest',"]
		]
	}
});
// passes: tag=value as Search's filter writes it, all answers added with addTags
add({
	step: COMPARE,
	name: 'passes: error=true as Search writes it, answers added with addTags',
	edits: {
		'frontend.ts': [
			["'finding.extra_tag': 'error',", "'finding.extra_tag': 'error=true',"],
			['for (const [key, answer] of Object.entries(FINDINGS)) if (answer !== null) span.setTag(key, answer);', 'span.addTags(FINDINGS);']
		]
	}
});

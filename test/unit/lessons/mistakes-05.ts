// Chapter 5 (messages): typical mistakes for each checked step, each failing with the hint that
// names it, and correct programs written another way, which must pass.
import type { Variant } from './mistakes';

export const mistakes05: Variant[] = [];
const add = (v: Variant) => mistakes05.push(v);

// ── publish ────────────────────────────────────────────────────────────────────
const SEND = "ch.sendToQueue('orders', JSON.stringify({ dish }), { headers });";
add({
	step: 'messages/publish',
	name: 'injected, but the headers never go out with the message',
	edits: { 'order.ts': [[SEND, "ch.sendToQueue('orders', JSON.stringify({ dish }));"]] },
	hint: 'No message reached rabbitmq with an uber-trace-id header'
});
add({
	step: 'messages/publish',
	name: 'the context put in the JSON body',
	edits: { 'order.ts': [[SEND, "ch.sendToQueue('orders', JSON.stringify({ dish, trace: headers }));"]] },
	hint: 'The context travels in the message body'
});
add({
	step: 'messages/publish',
	name: "the parent's context injected instead of the producer span's",
	edits: { 'order.ts': [['tracer.inject(span.context(), FORMAT_TEXT_MAP, headers);', 'tracer.inject(parent.context(), FORMAT_TEXT_MAP, headers);']] },
	hint: `carries the context of order's "place-order" span`
});
add({
	step: 'messages/publish',
	name: 'the producer tagged as a consumer',
	edits: { 'order.ts': [['Tags.SPAN_KIND_MESSAGING_PRODUCER', 'Tags.SPAN_KIND_MESSAGING_CONSUMER']] },
	hint: 'is tagged span.kind=consumer'
});
add({
	step: 'messages/publish',
	name: "the broker's address as the destination",
	edits: { 'order.ts': [["[Tags.MESSAGE_BUS_DESTINATION]: 'orders',", "[Tags.MESSAGE_BUS_DESTINATION]: 'rabbitmq:5672',"]] },
	hint: "the broker's address"
});
add({
	step: 'messages/publish',
	name: 'passes: tags as strings set after start, publish on the default exchange, HTTP headers format',
	edits: {
		'order.ts': [
			["import { FORMAT_TEXT_MAP, Tags, type Span } from 'opentracing';", "import { FORMAT_HTTP_HEADERS, type Span } from 'opentracing';"],
			[
				/const span = tracer\.startSpan\('publish-order', \{[\s\S]*?\n {2}\}\);\n/,
				"const span = tracer.startSpan('publish-order', { childOf: parent });\n  span.setTag('span.kind', 'producer');\n  span.setTag('message_bus.destination', 'orders');\n"
			],
			['tracer.inject(span.context(), FORMAT_TEXT_MAP, headers);', 'tracer.inject(span, FORMAT_HTTP_HEADERS, headers);'],
			[SEND, "ch.publish('', 'orders', JSON.stringify({ dish }), { headers, contentType: 'application/json' });"]
		]
	}
});
add({
	step: 'messages/publish',
	name: 'passes: options object built first, references instead of childOf, finish in finally',
	edits: {
		'order.ts': [
			["import { FORMAT_TEXT_MAP, Tags, type Span } from 'opentracing';", "import { FORMAT_TEXT_MAP, Tags, childOf, type Span } from 'opentracing';"],
			['    childOf: parent,\n', '    references: [childOf(parent.context())],\n'],
			[
				"  const headers: Record<string, string> = {};\n  tracer.inject(span.context(), FORMAT_TEXT_MAP, headers);\n  " + SEND + '\n  span.finish();',
				"  const options = { persistent: true, headers: {} as Record<string, string> };\n  try {\n    tracer.inject(span.context(), FORMAT_TEXT_MAP, options.headers);\n    ch.sendToQueue('orders', JSON.stringify({ dish }), options);\n  } finally {\n    span.finish();\n  }"
			]
		]
	}
});

// ── consume ────────────────────────────────────────────────────────────────────
const REFS = 'references: parent ? [followsFrom(parent)] : [],';
add({
	step: 'messages/consume',
	name: 'ChildOf the producer',
	edits: { 'kitchen.ts': [[REFS, 'childOf: parent ?? undefined,']] },
	hint: 'references order\'s "publish-order" span with ChildOf; this step asks for FollowsFrom'
});
add({
	step: 'messages/consume',
	name: 'extracted from the message body instead of its headers',
	edits: { 'kitchen.ts': [['tracer.extract(FORMAT_TEXT_MAP, msg.properties.headers ?? {})', 'tracer.extract(FORMAT_TEXT_MAP, order)']] },
	hint: 'cook-order has no reference at all'
});
add({
	step: 'messages/consume',
	name: 'the consumer tagged as a producer',
	edits: { 'kitchen.ts': [['Tags.SPAN_KIND_MESSAGING_CONSUMER', 'Tags.SPAN_KIND_MESSAGING_PRODUCER']] },
	hint: 'is tagged span.kind=producer'
});
add({
	step: 'messages/consume',
	name: 'tagged as an RPC server, as in the HTTP chapter',
	edits: { 'kitchen.ts': [['Tags.SPAN_KIND_MESSAGING_CONSUMER', 'Tags.SPAN_KIND_RPC_SERVER']] },
	hint: 'is tagged span.kind=server'
});
add({
	step: 'messages/consume',
	name: 'a fresh span to follow from, not the extracted context',
	edits: { 'kitchen.ts': [[REFS, "references: [followsFrom(tracer.startSpan('received').context())],"]] },
	hint: 'cook-order should end up in one trace'
});
add({
	step: 'messages/consume',
	name: 'passes: HTTP headers format, references pushed one by one, tags as strings after start',
	edits: {
		'kitchen.ts': [
			["import { FORMAT_TEXT_MAP, Tags, followsFrom } from 'opentracing';", "import { FORMAT_HTTP_HEADERS, followsFrom, type Reference } from 'opentracing';"],
			['tracer.extract(FORMAT_TEXT_MAP, msg.properties.headers ?? {})', 'tracer.extract(FORMAT_HTTP_HEADERS, msg.properties.headers)'],
			[
				/const span = tracer\.startSpan\('cook-order', \{[\s\S]*?\n {4}\}\);\n/,
				"const refs: Reference[] = [];\n    if (parent) refs.push(followsFrom(parent));\n    const span = tracer.startSpan('cook-order', { references: refs });\n    span.setTag('span.kind', 'consumer');\n    span.setTag('message_bus.destination', 'orders');\n"
			]
		]
	}
});
add({
	step: 'messages/consume',
	name: 'passes: a named handler, finish and ack in finally',
	edits: {
		'kitchen.ts': [
			["import { connect } from 'tour/amqp';", "import { connect, type Channel, type ConsumeMessage } from 'tour/amqp';"],
			[
				/ {2}await ch\.consume\('orders', \(msg\) => \{[\s\S]*?\n {2}\}\);\n\}/,
				`  await ch.consume('orders', (msg) => msg && cook(ch, msg));
}

function cook(ch: Channel, msg: ConsumeMessage): void {
  const parent = tracer.extract(FORMAT_TEXT_MAP, msg.properties.headers ?? {});
  const span = tracer.startSpan('cook-order', {
    references: parent ? [followsFrom(parent)] : undefined,
    tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_MESSAGING_CONSUMER },
  });
  try {
    const { dish } = JSON.parse(msg.content.toString()) as { dish: string };
    span.setTag('dish', dish);
    console.log(\`cooking \${dish}\`);
  } finally {
    span.finish();
    ch.ack(msg);
  }
}`
			]
		]
	}
});

// ── many messages ──────────────────────────────────────────────────────────────
add({
	step: 'messages/many-messages',
	name: 'the first message’s context kept for all',
	edits: {
		'kitchen.ts': [
			["import { FORMAT_TEXT_MAP, Tags, followsFrom } from 'opentracing';", "import { FORMAT_TEXT_MAP, Tags, followsFrom, type SpanContext } from 'opentracing';"],
			['async function listen(): Promise<void> {', 'let parent: SpanContext | null = null;\n\nasync function listen(): Promise<void> {'],
			['const parent = tracer.extract(FORMAT_TEXT_MAP, msg.properties.headers ?? {});', 'parent ??= tracer.extract(FORMAT_TEXT_MAP, msg.properties.headers ?? {});']
		]
	},
	hint: 'follows from another order’s publish-order'
});
add({
	step: 'messages/many-messages',
	name: 'no prefetch: every order cooked at once',
	edits: { 'kitchen.ts': [['  await ch.prefetch(1);\n', '']] },
	hint: 'Call await ch.prefetch(1) before consume'
});
add({
	step: 'messages/many-messages',
	name: 'prefetch 1 but acked on arrival',
	edits: {
		'kitchen.ts': [
			["    const order = JSON.parse(msg.content.toString()) as { id: string; dish: string };\n", "    const order = JSON.parse(msg.content.toString()) as { id: string; dish: string };\n    ch.ack(msg);\n"],
			['    span.finish();\n    ch.ack(msg);\n', '    span.finish();\n']
		]
	},
	hint: 'acks a message as soon as it arrives'
});
add({
	step: 'messages/many-messages',
	name: 'ChildOf each producer',
	edits: { 'kitchen.ts': [['references: parent ? [followsFrom(parent)] : [],', 'childOf: parent ?? undefined,']] },
	hint: 'is a ChildOf its publish-order'
});
add({
	step: 'messages/many-messages',
	name: 'order.id not tagged on the consumer',
	edits: { 'kitchen.ts': [["        'order.id': order.id,\n", '']] },
	hint: 'has no tag order.id'
});
add({
	step: 'messages/many-messages',
	name: 'passes: a handler function, tags set after start, ack in finally',
	edits: {
		'kitchen.ts': [
			[
				/ {4}const span = tracer\.startSpan\('cook-order', \{[\s\S]*?ch\.ack\(msg\);\n/,
				`    const span = tracer.startSpan('cook-order', { references: parent ? [followsFrom(parent)] : [] });
    span.setTag(Tags.SPAN_KIND, 'consumer');
    span.setTag('order.id', order.id);
    try {
      await sleep(60); // cooking
      console.log(\`\${order.id}: \${order.dish} is ready\`);
    } finally {
      span.finish();
      ch.ack(msg);
    }
`
			]
		]
	}
});
add({
	step: 'messages/many-messages',
	name: 'passes: all orders published under one take-orders span',
	edits: {
		'order.ts': [
			[
				"  for (const [i, dish] of dishes.entries()) {\n    const id = `A${i + 1}`;\n    const span = tracer.startSpan('place-order', { tags: { 'order.id': id, dish } });\n    publishOrder(ch, span, id, dish);\n    span.finish();\n  }",
				"  const batch = tracer.startSpan('take-orders');\n  dishes.forEach((dish, i) => publishOrder(ch, batch, `A${i + 1}`, dish));\n  batch.finish();"
			]
		],
		'kitchen.ts': [["  await ch.consume('orders', async (msg) => {", "  await ch.consume('orders', async (msg) => {\n    // acknowledged by hand below: noAck stays false"]]
	}
});

// ── redis queue ────────────────────────────────────────────────────────────────
const PUSH = "    tracer.inject(enqueue.context(), FORMAT_TEXT_MAP, job.trace);\n    await redis.lPush('receipts', JSON.stringify(job));";
add({
	step: 'messages/redis-queue',
	name: 'extracted from the JSON text instead of the parsed job',
	edits: { 'mailer.ts': [['tracer.extract(FORMAT_TEXT_MAP, job.trace ?? {})', 'tracer.extract(FORMAT_TEXT_MAP, next.element)']] },
	hint: 'not from the JSON text'
});
add({
	step: 'messages/redis-queue',
	name: 'the job stringified before the context was injected',
	edits: { 'order.ts': [[PUSH, "    const payload = JSON.stringify(job);\n    tracer.inject(enqueue.context(), FORMAT_TEXT_MAP, job.trace);\n    await redis.lPush('receipts', payload);"]] },
	hint: 'A job went onto the list without uber-trace-id'
});
add({
	step: 'messages/redis-queue',
	name: 'job ids from the clock collide',
	edits: { 'order.ts': [['id: newJobId()', 'id: String(Math.floor(Date.now() / 3_600_000))']] },
	hint: 'Two jobs got the same id'
});
add({
	step: 'messages/redis-queue',
	name: 'ChildOf the enqueue span',
	edits: { 'mailer.ts': [['references: parent ? [followsFrom(parent)] : [],', 'childOf: parent ?? undefined,']] },
	hint: 'send-receipt is a ChildOf enqueue-receipt'
});
add({
	step: 'messages/redis-queue',
	name: "place-order's context in the job instead of enqueue-receipt's",
	edits: { 'order.ts': [['tracer.inject(enqueue.context(), FORMAT_TEXT_MAP, job.trace);', 'tracer.inject(span.context(), FORMAT_TEXT_MAP, job.trace);']] },
	hint: 'The job must carry enqueue-receipt’s own context'
});
add({
	step: 'messages/redis-queue',
	name: 'passes: the context under "headers" in HTTP headers format, brPop on a list of keys',
	edits: {
		'order.ts': [
			["import { FORMAT_TEXT_MAP, Tags } from 'opentracing';", "import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';"],
			['  trace: Record<string, string>;', '  headers: Record<string, string>;'],
			['const job: ReceiptJob = { id: newJobId(), email, trace: {} };', 'const job: ReceiptJob = { id: newJobId(), email, headers: {} };'],
			['tracer.inject(enqueue.context(), FORMAT_TEXT_MAP, job.trace);', 'tracer.inject(enqueue, FORMAT_HTTP_HEADERS, job.headers);']
		],
		'mailer.ts': [
			["import { FORMAT_TEXT_MAP, Tags, followsFrom } from 'opentracing';", "import { FORMAT_HTTP_HEADERS, Tags, followsFrom } from 'opentracing';"],
			['  trace?: Record<string, string>;', '  headers?: Record<string, string>;'],
			["await redis.brPop('receipts', 0)", "await redis.brPop(['receipts'], 0)"],
			['tracer.extract(FORMAT_TEXT_MAP, job.trace ?? {})', 'tracer.extract(FORMAT_HTTP_HEADERS, job.headers ?? {})']
		]
	}
});
add({
	step: 'messages/redis-queue',
	name: 'passes: ids from Redis INCR, the consumer span finished in finally',
	edits: {
		'order.ts': [["const job: ReceiptJob = { id: newJobId(), email, trace: {} };", "const job: ReceiptJob = { id: `receipt:${await redis.incr('receipt:ids')}`, email, trace: {} };"]],
		'mailer.ts': [
			[
				"    console.log(`receipt sent to ${job.email}`);\n    span.finish();",
				"    try {\n      console.log(`receipt sent to ${job.email}`);\n    } finally {\n      span.finish();\n    }"
			]
		]
	}
});

// ── redis client spans ─────────────────────────────────────────────────────────
add({
	step: 'messages/redis-spans',
	name: 'LPUSH sent around the wrapper',
	edits: { 'order.ts': [["await traced(enqueue, 'LPUSH', 'receipts', () => redis.lPush('receipts', JSON.stringify(job)));", "await redis.lPush('receipts', JSON.stringify(job));"]] },
	hint: 'LPUSH went to redis 2 time(s) but only 0 span(s)'
});
add({
	step: 'messages/redis-spans',
	name: 'the value in the statement',
	edits: { 'order.ts': [["await traced(span, 'SET', `order:${job.id}`,", "await traced(span, 'SET', `order:${job.id} ${email}`,"]] },
	hint: "carries a customer's e-mail address"
});
add({
	step: 'messages/redis-spans',
	name: 'no span.kind',
	edits: { 'order.ts': [['      [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_CLIENT,\n', '']] },
	hint: 'a call to a database is the client side'
});
add({
	step: 'messages/redis-spans',
	name: 'peer.address without the port',
	edits: { 'order.ts': [["[Tags.PEER_ADDRESS]: 'redis:6379',", "[Tags.PEER_ADDRESS]: 'redis',"]] },
	hint: "the server's host:port"
});
add({
	step: 'messages/redis-spans',
	name: 'db.type capitalised',
	edits: { 'order.ts': [["[Tags.DB_TYPE]: 'redis',", "[Tags.DB_TYPE]: 'Redis',"]] },
	hint: 'in lower case'
});
add({
	step: 'messages/redis-spans',
	name: 'command spans started without a parent',
	edits: { 'order.ts': [['  const span = tracer.startSpan(command, {\n    childOf: parent,\n', '  void parent;\n  const span = tracer.startSpan(command, {\n']] },
	hint: 'is the root of a trace of its own'
});
add({
	step: 'messages/redis-spans',
	name: 'passes: one wrapper over sendCommand, spans named redis-cmd, the key as the only argument shown',
	edits: {
		'order.ts': [
			[
				/async function traced<T>\([\s\S]*?\n\}\n/,
				`async function command(parent: Span, args: string[]): Promise<unknown> {
  const span = tracer.startSpan('redis-cmd', { childOf: parent });
  span.setTag('span.kind', 'client');
  span.setTag('db.type', 'redis');
  span.setTag('db.statement', args.slice(0, 2).join(' '));
  span.setTag('peer.address', 'redis:6379');
  try {
    return await redis.sendCommand(args);
  } catch (err) {
    span.setTag('error', true);
    throw err;
  } finally {
    span.finish();
  }
}
`
			],
			["await traced(span, 'INCR', 'orders:count', () => redis.incr('orders:count'));", "await command(span, ['INCR', 'orders:count']);"],
			["await traced(span, 'SET', `order:${job.id}`, () => redis.set(`order:${job.id}`, email, { EX: 86400 }));", "await command(span, ['SET', `order:${job.id}`, email, 'EX', '86400']);"],
			["await traced(enqueue, 'LPUSH', 'receipts', () => redis.lPush('receipts', JSON.stringify(job)));", "await command(enqueue, ['LPUSH', 'receipts', JSON.stringify(job)]);"]
		]
	}
});
add({
	step: 'messages/redis-spans',
	name: 'passes: the wrapper as a small class holding the client',
	edits: {
		'order.ts': [
			[
				/async function traced<T>\([\s\S]*?\n\}\n/,
				`class TracedRedis {
  constructor(private readonly address: string) {}

  async run<T>(parent: Span, statement: string, send: () => Promise<T>): Promise<T> {
    const span = tracer.startSpan(statement.split(' ')[0], {
      childOf: parent,
      tags: { 'span.kind': 'client', 'db.type': 'redis', 'db.statement': statement, 'peer.address': this.address },
    });
    try {
      return await send();
    } finally {
      span.finish();
    }
  }
}

const traced = new TracedRedis('redis:6379');
`
			],
			["await traced(span, 'INCR', 'orders:count',", "await traced.run(span, 'INCR orders:count',"],
			["await traced(span, 'SET', `order:${job.id}`,", "await traced.run(span, `SET order:${job.id}`,"],
			["await traced(enqueue, 'LPUSH', 'receipts',", "await traced.run(enqueue, 'LPUSH receipts',"]
		]
	}
});

// ── find the bugs ──────────────────────────────────────────────────────────────
add({
	step: 'messages/find-the-bug',
	name: 'ids still from the clock',
	edits: { 'order.ts': [['const jobId = newJobId();', 'const jobId = String(Math.floor(Date.now() / 3_600_000));']] },
	hint: 'share one ctx: key'
});
add({
	step: 'messages/find-the-bug',
	name: 'the producer still tagged as a consumer',
	edits: { 'order.ts': [['Tags.SPAN_KIND_MESSAGING_PRODUCER', 'Tags.SPAN_KIND_MESSAGING_CONSUMER']] },
	hint: 'enqueue-receipt is tagged span.kind=consumer'
});
add({
	step: 'messages/find-the-bug',
	name: 'the error check still inverted',
	edits: { 'mailer.ts': [['  if (err) console.warn(`job ${job.id}: ${err.message}`);', '  if (!err) {\n    return;\n  }']] },
	hint: 'look at the check right after loadContext'
});
add({
	step: 'messages/find-the-bug',
	name: 'the producer "fixed" to a client',
	edits: { 'order.ts': [['Tags.SPAN_KIND_MESSAGING_PRODUCER', 'Tags.SPAN_KIND_RPC_CLIENT']] },
	hint: 'Mark enqueue-receipt as the producer'
});
add({
	step: 'messages/find-the-bug',
	name: 'only the clock bug fixed, by milliseconds plus a counter, the rest left',
	fromStart: true,
	edits: { 'order.ts': [['const jobId = String(Math.floor(Date.now() / 1000));', 'const jobId = `${Date.now()}-${Math.random()}`;']] },
	hint: 'look at the check right after loadContext'
});
add({
	step: 'messages/find-the-bug',
	name: 'passes: the error check dropped, ids from Redis INCR',
	edits: {
		'order.ts': [['const jobId = newJobId();', "const jobId = `job-${await redis.incr('jobs:next')}`;"]],
		'mailer.ts': [['  const [parent, err] = await loadContext(job.id);\n  // a job without a context is still a job: send the receipt, as the root of a new trace\n  if (err) console.warn(`job ${job.id}: ${err.message}`);', '  const [parent] = await loadContext(job.id);']]
	}
});
add({
	step: 'messages/find-the-bug',
	name: 'passes: the error check written as err !== null, with its own warning',
	edits: {
		'mailer.ts': [['  if (err) console.warn(`job ${job.id}: ${err.message}`);', '  if (err !== null) {\n    console.warn(`job ${job.id} has no context; sending it untraced from here`);\n  }']]
	}
});

// The programs of the world bench, shared with its profiler (profile-world.ts).
export const fourServices: Record<string, string> = {
	'frontend.ts': `import { Client, Metadata } from 'tour/grpc';
import { connect } from 'tour/amqp';
import { initTracer } from 'tour/tracing';
import { FORMAT_TEXT_MAP } from 'opentracing';
const tracer = initTracer({ serviceName: 'frontend', sampler: { type: 'const', param: 1 } });
export async function main() {
  const span = tracer.startSpan('order');
  const carrier: Record<string, string> = {};
  tracer.inject(span.context(), FORMAT_TEXT_MAP, carrier);
  const md = new Metadata();
  for (const [k, v] of Object.entries(carrier)) md.set(k, v);
  const customer = new Client('customer:50051', 'shop.Customers');
  const found = (await customer.call('Get', { id: 1 }, md)) as { name: string };
  const conn = await connect('amqp://rabbitmq:5672');
  const ch = await conn.createChannel();
  await ch.assertQueue('orders');
  ch.sendToQueue('orders', JSON.stringify(found), { headers: carrier });
  await conn.close();
  span.finish();
}
`,
	'customer.ts': `import { Server } from 'tour/grpc';
import { createPool } from 'tour/mysql';
import { initTracer } from 'tour/tracing';
import { FORMAT_TEXT_MAP } from 'opentracing';
const tracer = initTracer({ serviceName: 'customer', sampler: { type: 'const', param: 1 } });
const pool = createPool({ host: 'mysql', database: 'shop' });
const server = new Server();
server.addService('shop.Customers', {
  async Get(call, callback) {
    const span = tracer.startSpan('get', { childOf: tracer.extract(FORMAT_TEXT_MAP, call.metadata.getMap()) ?? undefined });
    const [rows] = await pool.query('SELECT name FROM customer WHERE id = ?', [call.request.id]);
    span.finish();
    callback(null, (rows as { name: string }[])[0]);
  }
});
server.listen(50051);
`,
	'kitchen.ts': `import { connect } from 'tour/amqp';
import { createClient } from 'tour/redis';
import { initTracer } from 'tour/tracing';
import { FORMAT_TEXT_MAP, followsFrom } from 'opentracing';
const tracer = initTracer({ serviceName: 'kitchen', sampler: { type: 'const', param: 1 } });
const redis = createClient({ url: 'redis://redis:6379' });
async function listen() {
  await redis.connect();
  const conn = await connect('amqp://rabbitmq:5672');
  const ch = await conn.createChannel();
  await ch.assertQueue('orders');
  await ch.consume('orders', async (msg) => {
    if (!msg) return;
    const parent = tracer.extract(FORMAT_TEXT_MAP, msg.properties.headers);
    const span = tracer.startSpan('cook', { references: parent ? [followsFrom(parent)] : [] });
    await redis.lPush('cooked', msg.content.toString());
    span.finish();
    ch.ack(msg);
  });
}
void listen();
`,
	'data.sql': `CREATE TABLE customer (id INT PRIMARY KEY, name VARCHAR(64));
INSERT INTO customer (id, name) VALUES (1, 'Ada');
`
};

export const drain: Record<string, string> = {
	'producer.ts': `import { connect } from 'tour/amqp';
export async function main() {
  const conn = await connect('amqp://rabbitmq:5672');
  const ch = await conn.createChannel();
  await ch.assertQueue('jobs');
  for (let i = 0; i < 10000; i++) ch.sendToQueue('jobs', 'job ' + i);
  await conn.close();
}
`,
	'consumer.ts': `import { connect } from 'tour/amqp';
let done = 0;
async function listen() {
  const conn = await connect('amqp://rabbitmq:5672');
  const ch = await conn.createChannel();
  await ch.assertQueue('jobs');
  await ch.prefetch(50);
  await ch.consume('jobs', (msg) => {
    if (!msg) return;
    ch.ack(msg);
    if (++done % 2500 === 0) console.log('consumed', done);
  });
}
void listen();
`
};

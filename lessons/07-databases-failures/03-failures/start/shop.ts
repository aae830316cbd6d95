import { FORMAT_HTTP_HEADERS, FORMAT_TEXT_MAP, Tags, type Span } from 'opentracing';
import { connect, type Channel } from 'tour/amqp';
import { Client, Metadata, type ServiceError } from 'tour/grpc';
import { createPool, type QueryValue, type RowDataPacket } from 'tour/mysql';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('shop');
const pool = createPool({ host: 'mysql', port: 3306, user: 'shop', password: 'hunter2', database: 'bookshop' });
const inventory = new Client('inventory:50051', 'inventory.Inventory');

async function query(parent: Span, sql: string, params: QueryValue[]): Promise<RowDataPacket[]> {
  const span = tracer.startSpan('SQL SELECT', {
    childOf: parent,
    tags: {
      [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_CLIENT,
      [Tags.DB_TYPE]: 'sql',
      [Tags.DB_INSTANCE]: 'bookshop',
      [Tags.DB_STATEMENT]: sql,
      [Tags.PEER_ADDRESS]: 'mysql:3306',
    },
  });
  try {
    const [rows] = await pool.query(sql, params);
    return rows as RowDataPacket[];
  } catch (err) {
    // TODO: record the failure on the span
    throw err;
  } finally {
    span.finish();
  }
}

async function reserve(parent: Span, book: string): Promise<void> {
  const span = tracer.startSpan('/inventory.Inventory/Reserve', {
    childOf: parent,
    tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_CLIENT, [Tags.COMPONENT]: 'gRPC', book },
  });
  const headers: Record<string, string> = {};
  tracer.inject(span.context(), FORMAT_HTTP_HEADERS, headers);
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(headers)) metadata.set(key, value);
  try {
    await inventory.call('Reserve', { book }, metadata);
  } catch (err) {
    span.setTag('response_code', (err as ServiceError).code);
    // TODO: record the failure on the span
    throw err;
  } finally {
    span.finish();
  }
}

function announce(parent: Span, channel: Channel, order: object): void {
  const span = tracer.startSpan('send emails', {
    childOf: parent,
    tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_MESSAGING_PRODUCER, [Tags.MESSAGE_BUS_DESTINATION]: 'emails' },
  });
  const headers: Record<string, string> = {};
  tracer.inject(span.context(), FORMAT_TEXT_MAP, headers);
  channel.sendToQueue('emails', JSON.stringify(order), { headers, contentType: 'application/json' });
  span.finish();
}

export async function main(): Promise<void> {
  const connection = await connect('amqp://rabbitmq:5672');
  const channel = await connection.createChannel();
  await channel.assertQueue('emails');

  const span = tracer.startSpan('checkout');
  try {
    try {
      await query(span, 'SELECT balance FROM gift_cards WHERE code = ?', ['GIFT-1234']);
    } catch (err) {
      console.log(`gift card ignored: ${err.message}`);
    }
    const ordered: string[] = [];
    for (const book of ['moby-dick', 'dracula']) {
      try {
        await reserve(span, book);
        const [row] = await query(span, 'SELECT title, price FROM books WHERE id = ?', [book]);
        ordered.push(`${row.title} (${row.price})`);
      } catch (err) {
        console.log(`${book} left out: ${(err as ServiceError).details ?? err.message}`);
      }
    }
    console.log(`ordered: ${ordered.join(', ')}`);
    announce(span, channel, { customer: 8, books: ordered });
  } finally {
    span.finish();
    await connection.close();
  }
}

import { FORMAT_TEXT_MAP, Tags } from 'opentracing';
import { Client, Metadata } from 'tour/grpc';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('frontend');
const customers = new Client('customer:50051', 'customer.Customers');

async function getCustomer(id: string) {
  const span = tracer.startSpan('/customer.Customers/Get', {
    tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_CLIENT, [Tags.COMPONENT]: 'gRPC' },
  });
  const metadata = new Metadata();
  // bytes: the key must end in -bin, and the wire carries the value base64-encoded
  metadata.set('session-bin', Uint8Array.of(0xca, 0xfe, 0xba, 0xbe));
  // inject() fills a plain object; the Metadata sends only what goes in through set()
  const carrier: Record<string, string> = {};
  tracer.inject(span.context(), FORMAT_TEXT_MAP, carrier);
  for (const [key, value] of Object.entries(carrier)) metadata.set(key, value);
  try {
    return await customers.call('Get', { id }, metadata);
  } finally {
    span.finish();
  }
}

export async function main(): Promise<void> {
  const span = tracer.startSpan('show-customer');
  using scope = tracer.activateSpan(span);
  const customer = await getCustomer(process.argv[2]);
  console.log(`${customer.name} is at ${customer.location}`);
  span.finish();
}

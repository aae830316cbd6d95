import { Tags } from 'opentracing';
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
  // TODO: inject the context of `span` into the metadata this call sends
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

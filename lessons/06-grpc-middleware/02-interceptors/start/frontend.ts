import { FORMAT_TEXT_MAP, Tags } from 'opentracing';
import { Client, Metadata, type ClientInterceptor, type ServiceError } from 'tour/grpc';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('frontend');

// Runs around every call this client makes. `method` is the full name: '/customer.Customers/Get'.
const tracing: ClientInterceptor = async (method, request, metadata, next) => {
  // TODO: trace the call here, for every method — and take the tracing out of getCustomer
  return next(request, metadata);
};

const customers = new Client('customer:50051', 'customer.Customers', { interceptors: [tracing] });

async function getCustomer(id: string) {
  const span = tracer.startSpan('/customer.Customers/Get', {
    tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_CLIENT, [Tags.COMPONENT]: 'gRPC' },
  });
  const metadata = new Metadata();
  const carrier: Record<string, string> = {};
  tracer.inject(span.context(), FORMAT_TEXT_MAP, carrier);
  for (const [key, value] of Object.entries(carrier)) metadata.set(key, value);
  try {
    return await customers.call('Get', { id }, metadata);
  } finally {
    span.finish();
  }
}

async function listCustomers() {
  return customers.call('List', {});
}

export async function main(): Promise<void> {
  const span = tracer.startSpan('show-customers');
  using scope = tracer.activateSpan(span);
  for (const id of process.argv.slice(2)) {
    try {
      const customer = await getCustomer(id);
      console.log(`${customer.name} is at ${customer.location}`);
    } catch (err) {
      console.log(`customer ${id}: ${(err as ServiceError).details}`);
    }
  }
  const { customers: all } = await listCustomers();
  console.log(`${all.length} customers in all`);
  span.finish();
}

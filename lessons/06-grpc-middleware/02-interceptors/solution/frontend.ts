import { FORMAT_TEXT_MAP, Tags } from 'opentracing';
import { Client, type ClientInterceptor, type ServiceError } from 'tour/grpc';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('frontend');

// Runs around every call this client makes. `method` is the full name: '/customer.Customers/Get'.
const tracing: ClientInterceptor = async (method, request, metadata, next) => {
  const span = tracer.startSpan(method, {
    tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_CLIENT, [Tags.COMPONENT]: 'gRPC' },
  });
  // a copy: the caller may reuse its Metadata for another call
  const outgoing = metadata.clone();
  const carrier: Record<string, string> = {};
  tracer.inject(span.context(), FORMAT_TEXT_MAP, carrier);
  for (const [key, value] of Object.entries(carrier)) outgoing.set(key, value);
  try {
    return await next(request, outgoing);
  } catch (err) {
    const e = err as ServiceError;
    span.setTag(Tags.ERROR, true);
    span.setTag('response_code', e.code);
    span.log({ event: 'error', message: e.details, 'error.object': e });
    throw err;
  } finally {
    span.finish();
  }
};

const customers = new Client('customer:50051', 'customer.Customers', { interceptors: [tracing] });

async function getCustomer(id: string) {
  return customers.call('Get', { id });
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

// HotROD's frontend: for a customer, find the nearest drivers and the quickest of them to arrive.
import { serve } from 'tour/http';
import { Client } from 'tour/grpc';
import type { Span } from 'opentracing';
import { getJson, grpcClientTracing, initTracer, traced } from './lib/tracing';
import { WorkerPool } from './lib/pool';

const tracer = initTracer('frontend');
const driverService = new Client('driver:8082', 'driver.Driver', { interceptors: [grpcClientTracing(tracer)] });

// Route calls go through a pool of workers shared by every request (HotROD's RouteWorkerPoolSize).
const ROUTE_WORKERS = 16;
const routeWorkers = new WorkerPool(ROUTE_WORKERS);

// What you read in your run's traces. Each answer is tagged on every dispatch span, so the check can
// compare it with the traces of the same run.
const FINDINGS: Record<string, string | number | null> = {
  'finding.services': 4, // how many services report spans in one dispatch trace
  'finding.route_calls': 5, // how many times one dispatch calls the route service
  'finding.route_caller': 'frontend', // which service calls route
  'finding.critical_path': 'GetDriver', // slowest trace: the operation with the most time on the critical path
  // Compare the fastest dispatch with the slowest (step 6).
  'finding.extra_operation': 'GetDriver', // the operation the slow trace has more spans of
  'finding.extra_tag': 'error', // a tag those extra spans carry that the fast trace's spans of it never do
  'finding.extra_parent': '/driver.Driver/FindNearest', // the operation those extra spans hang under
};

interface Customer { id: string; name: string; location: string }
interface Driver { driverID: string; location: string }
interface Route { etaSeconds: number }

async function findRoute(parent: Span, pickup: string, dropoff: string): Promise<Route> {
  const url = `http://route:8083/route?pickup=${encodeURIComponent(pickup)}&dropoff=${encodeURIComponent(dropoff)}`;
  return getJson<Route>(tracer, parent, 'HTTP GET /route', url);
}

serve(8080, {
  'GET /dispatch': async (req) => {
    const span = tracer.activeSpan!;
    const customerId = String(req.query.customer ?? '');
    span.setTag('customer_id', customerId);
    for (const [key, answer] of Object.entries(FINDINGS)) if (answer !== null) span.setTag(key, answer);
    const customer = await getJson<Customer>(tracer, span, 'HTTP GET /customer', `http://customer:8081/customer/${encodeURIComponent(customerId)}`);
    const { drivers } = (await driverService.call('FindNearest', { location: customer.location })) as { drivers: Driver[] };
    // one route per driver: from the driver to the customer
    const etas = await Promise.all(
      drivers.map((d) => routeWorkers.run(() => findRoute(span, d.location, customer.location)).then((r) => ({ driver: d.driverID, eta: r.etaSeconds })))
    );
    const best = etas.reduce((a, b) => (b.eta < a.eta ? b : a));
    span.log({ event: 'Dispatch successful', driver: best.driver, eta: best.eta });
    return { status: 200, body: { customer: customer.name, driver: best.driver, etaSeconds: best.eta } };
  },
}, traced(tracer));

// HotROD's driver service: the drivers nearest to a location, from Redis.
import { Server, status } from 'tour/grpc';
import { createClient } from 'tour/redis';
import { Tags, type Span } from 'opentracing';
import { grpcServerTracing, initTracer } from './lib/tracing';
import { work } from './lib/delay';
import { sometimesStall } from './lib/redis-faults';

const tracer = initTracer('driver');
const redis = createClient({ url: 'redis://redis:6379' });
redis.on('error', (err) => console.error('redis:', err));

/** A lookup that has not answered by then is given up on. */
const REDIS_TIMEOUT_MS = 150;
const ATTEMPTS = 3;
/** How many of the district's drivers a search returns. */
const NEAREST = 5;

interface Driver { driverID: string; location: string }

// The fleet: five drivers in each of the four districts our customers live in.
const DISTRICTS = ['115,277', '211,653', '577,322', '728,326'];
const ready = (async () => {
  await redis.connect();
  await Promise.all(DISTRICTS.flatMap((district, d) =>
    Array.from({ length: NEAREST }, async (_, i) => {
      const id = `T7${d}${String(i).padStart(4, '0')}`;
      await redis.hSet(`driver:${id}`, { location: `${100 * d + 7 * i},${300 + 11 * i}` });
      await redis.rPush(`district:${district}`, id);
    })));
})();

function redisSpan(parent: Span, operation: string, tags: Record<string, string>): Span {
  return tracer.startSpan(operation, {
    childOf: parent,
    tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_CLIENT, [Tags.DB_TYPE]: 'redis', [Tags.PEER_SERVICE]: 'redis', ...tags },
  });
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('redis timeout')), ms); });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

async function findDriverIds(parent: Span, location: string): Promise<string[]> {
  const span = redisSpan(parent, 'FindDriverIDs', { location });
  try {
    await work(3, 1);
    const ids = await redis.lRange(`district:${location}`, 0, NEAREST - 1);
    span.log({ event: `Found ${ids.length} drivers` });
    return ids;
  } finally {
    span.finish();
  }
}

async function lookUp(id: string): Promise<Record<string, string>> {
  await sometimesStall();
  await work(2, 0.5);
  return redis.hGetAll(`driver:${id}`);
}

/** One attempt, one span: a retry is tagged with its number, a timeout marks the span as failed. */
async function getDriver(parent: Span, id: string, attempt: number): Promise<Driver> {
  const span = redisSpan(parent, 'GetDriver', { 'param.driverID': id });
  if (attempt > 1) span.setTag('retry_no', attempt - 1);
  try {
    const fields = await withTimeout(lookUp(id), REDIS_TIMEOUT_MS);
    return { driverID: id, location: fields.location };
  } catch (err) {
    span.setTag(Tags.ERROR, true);
    span.log({ event: 'error', message: (err as Error).message, driver_id: id });
    throw err;
  } finally {
    span.finish();
  }
}

/** GetDriver, tried again after a failure, up to ATTEMPTS times in all. */
async function getDriverWithRetry(parent: Span, id: string): Promise<Driver | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await getDriver(parent, id, attempt);
    } catch {
      if (attempt === ATTEMPTS) {
        parent.log({ event: 'Failed to get driver after retries', driver_id: id });
        return null;
      }
      parent.log({ event: 'Retrying GetDriver after error', driver_id: id, retry_no: attempt });
    }
  }
}

const server = new Server({ interceptors: [grpcServerTracing(tracer)] });
server.addService('driver.Driver', {
  async FindNearest(call, callback) {
    await ready;
    const span = tracer.activeSpan!;
    const ids = await findDriverIds(span, String(call.request.location));
    if (ids.length === 0) return callback({ code: status.NOT_FOUND, details: `no drivers near ${call.request.location}` });
    const drivers: Driver[] = [];
    for (const id of ids) {
      const driver = await getDriverWithRetry(span, id);
      if (driver) drivers.push(driver);
    }
    span.log({ event: `Search successful, ${drivers.length} drivers` });
    callback(null, { drivers });
  },
});
server.listen(8082);

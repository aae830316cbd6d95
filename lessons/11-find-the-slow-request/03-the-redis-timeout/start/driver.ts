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

/** A driver's location, looked up again after a timeout, up to ATTEMPTS times in all. */
async function getDriver(parent: Span, id: string): Promise<Driver | null> {
  const span = redisSpan(parent, 'GetDriver', { 'param.driverID': id });
  try {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        const fields = await withTimeout(lookUp(id), REDIS_TIMEOUT_MS);
        return { driverID: id, location: fields.location };
      } catch {
        // Redis was slow: try again
      }
    }
    return null;
  } finally {
    span.finish();
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
      const driver = await getDriver(span, id);
      if (driver) drivers.push(driver);
    }
    span.log({ event: `Search successful, ${drivers.length} drivers` });
    callback(null, { drivers });
  },
});
server.listen(8082);

// A playground example: three services talking gRPC (tour/grpc), traced by interceptors written
// once in a shared file, the way otgrpc's OpenTracing interceptors trace every method.

const tracing = `// Tracing interceptors, written once and given to every gRPC client and server.
// Conventions from opentracing-contrib/go-grpc (otgrpc): the span is named after the full
// method, component=gRPC, span.kind client/server, and the context travels in the metadata.
import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';
import type { JaegerTracer } from 'tour/tracing';
import { status, type ClientInterceptor, type ServerInterceptor, type ServiceError } from 'tour/grpc';

// Codes that mean the server failed (not the caller): only these mark a server span as an error.
const SERVER_FAULTS: number[] = [status.UNKNOWN, status.DEADLINE_EXCEEDED, status.UNIMPLEMENTED, status.INTERNAL, status.UNAVAILABLE, status.DATA_LOSS];

export function clientTracing(tracer: JaegerTracer): ClientInterceptor {
  return async (method, request, metadata, next) => {
    const span = tracer.startSpan(method, {
      childOf: tracer.activeSpan ?? undefined,
      tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_CLIENT, [Tags.COMPONENT]: 'gRPC' }
    });
    // inject into a plain object, then copy it into a copy of the metadata (keys lower-cased)
    const headers: Record<string, string> = {};
    tracer.inject(span.context(), FORMAT_HTTP_HEADERS, headers);
    const md = metadata.clone();
    for (const [key, value] of Object.entries(headers)) md.set(key, value);
    try {
      return await next(request, md);
    } catch (err) {
      const e = err as ServiceError;
      span.setTag('response_code', e.code);
      span.setTag(Tags.ERROR, true); // the caller did not get its answer
      span.log({ event: 'error', message: e.message });
      throw err;
    } finally {
      span.finish();
    }
  };
}

export function serverTracing(tracer: JaegerTracer): ServerInterceptor {
  return async (call, next) => {
    const parent = tracer.extract(FORMAT_HTTP_HEADERS, call.metadata.getMap());
    const span = tracer.startSpan(call.getPath(), {
      childOf: parent ?? undefined,
      tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER, [Tags.COMPONENT]: 'gRPC' }
    });
    // active while the handler runs, so the handler's own calls become its children
    using scope = tracer.activateSpan(span);
    try {
      return await next();
    } catch (err) {
      const e = err as ServiceError;
      span.setTag('response_code', e.code);
      if (SERVER_FAULTS.includes(e.code)) span.setTag(Tags.ERROR, true);
      span.log({ event: 'error', message: e.message });
      throw err;
    } finally {
      span.finish();
    }
  };
}
`;

const frontend = `import { initTracer } from 'tour/tracing';
import { Client, type ServiceError } from 'tour/grpc';
import { argv } from 'tour/process';
import { clientTracing } from './lib/tracing';

const tracer = initTracer('frontend');
const routes = new Client('route:50051', 'route.Route', { interceptors: [clientTracing(tracer)] });

export async function main() {
  const from = argv[2] ?? 'Home';
  const span = tracer.startSpan('plan-trips');
  using scope = tracer.activateSpan(span);
  for (const to of ['Work', 'Mars']) {
    try {
      const trip = await routes.call('Find', { from, to }, { deadline: Date.now() + 1000 });
      console.log(\`\${from} → \${to}: \${trip.km} km, \${trip.minutes} min\`);
    } catch (err) {
      console.log(\`\${from} → \${to}: \${(err as ServiceError).message}\`);
    }
  }
  span.finish();
}
`;

const route = `import { initTracer } from 'tour/tracing';
import { Client, Server, status } from 'tour/grpc';
import { clientTracing, serverTracing } from './lib/tracing';

const tracer = initTracer('route');
const eta = new Client('eta:50052', 'eta.ETA', { interceptors: [clientTracing(tracer)] });
const KM: Record<string, number> = { Work: 12, Shop: 3 };

const server = new Server({ interceptors: [serverTracing(tracer)] });
server.addService('route.Route', {
  async Find(call, callback) {
    const km = KM[call.request.to];
    if (km === undefined) return callback({ code: status.NOT_FOUND, details: \`no route to \${call.request.to}\` });
    try {
      const { minutes } = await eta.call('Estimate', { km });
      callback(null, { km, minutes });
    } catch (err) {
      callback(err as Error);
    }
  }
});
server.listen(50051);
`;

const etaService = `import { initTracer } from 'tour/tracing';
import { Server } from 'tour/grpc';
import { serverTracing } from './lib/tracing';

const tracer = initTracer('eta');

const server = new Server({ interceptors: [serverTracing(tracer)] });
server.addService('eta.ETA', {
  Estimate(call, callback) {
    callback(null, { minutes: Math.round(call.request.km * 2.5) });
  }
});
server.listen(50052);
`;

export const grpcExample = {
	title: 'gRPC: tracing interceptors',
	files: {
		'frontend.ts': frontend,
		'route.ts': route,
		'eta.ts': etaService,
		'lib/tracing.ts': tracing
	} as Record<string, string>,
	args: 'Home'
};

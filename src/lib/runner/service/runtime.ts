import * as opentracing from 'opentracing';
import {
	NetworkError,
	createGrpcModule,
	createAmqpModule,
	createHttpModule,
	createMysqlModule,
	createProcessModule,
	createRedisModule,
	createTimeModule,
	type SimRequest,
	type SimResponse,
	type SimHandler,
	type WireHost
} from '$lib/sim';
import type { JaegerTracer } from '$lib/tracer';
import type { ConsoleSink } from './console-sink';
import type { Liveness } from './liveness';
import type { HostApi, SendResult } from './protocol';
import { createTracingModule } from './tracing-module';
import { createSpanBudget, type SpanCounter } from './span-budget';
import { createOtelRuntime, type OtelRuntime } from './otel/otel-runtime';

export interface ServiceRuntime {
	/** what compiled learner code reads from globalThis.__tour_runtime */
	modules: Record<string, unknown>;
	handlers: Map<number, SimHandler>;
	tracers: JaegerTracer[];
	/** the UDP sender does not wait for its packets; shutdown does */
	spansDelivered(): Promise<void>;
	/** the OpenTelemetry SDK's providers and exporters: flushed with the tracers at the end */
	otel: OtelRuntime;
	spans: SpanCounter;
	/** host calls not yet answered (serve() registering a port): start() waits for them */
	settling: Set<Promise<unknown>>;
}

export interface RuntimeDeps {
	service: string;
	args: string[];
	host: HostApi;
	sink: ConsoleSink;
	liveness: Liveness;
	maxSpans: number;
	onHandlerError(e: unknown): void;
	/** process.exit: ends the service at once (service-api.ts) */
	exit(status: number): never;
}

function fromSendResult(r: SendResult): SimResponse {
	if (r.ok) return r.response;
	if ('code' in r.error) throw new NetworkError(r.error.code, r.error.hostname, r.error.port);
	throw new TypeError(r.error.message);
}

/** Builds one service's runtime modules around its host connection. */
export function createServiceRuntime(d: RuntimeDeps): ServiceRuntime {
	const handlers = new Map<number, SimHandler>();
	const tracers: JaegerTracer[] = [];
	const settling = new Set<Promise<unknown>>();
	const settle = <T>(p: Promise<T>) => {
		settling.add(p);
		p.finally(() => settling.delete(p));
		return p;
	};
	const send = async (req: SimRequest) => fromSendResult(await d.host.send(req));

	let nextEphemeral = 32768;
	const wire: WireHost = {
		service: d.service,
		// learner requests keep the program alive until answered, as sockets do in Node
		send: (req) => d.liveness.track(send(req)),
		listen(port, handler) {
			handlers.set(port, handler);
			void settle(
				d.host.listen(port).then((r) => {
					if (!r.ok) {
						handlers.delete(port);
						d.sink.push('err', `serve(${port}): ${r.message}`);
					}
				})
			);
		},
		close(port) {
			handlers.delete(port);
			d.host.unlisten(port);
		},
		ephemeralPort: () => (nextEphemeral < 61000 ? nextEphemeral++ : (nextEphemeral = 32768)),
		handlerError: (e) => d.onHandlerError(e),
		setTimeout: (fn, ms) => d.liveness.timers.setTimeout(fn, ms),
		clearTimeout: (id) => d.liveness.timers.clearTimeout(id as never)
	};
	const http = createHttpModule(wire);

	const budget = createSpanBudget(d.maxSpans, (n) => d.sink.push('system', `span output capped at ${n} spans; later spans are dropped`));
	const tracing = createTracingModule({
		post: async (url, body, headers = { 'content-type': 'application/json' }) => (await send({ method: 'POST', url, headers, body })).status,
		fetch: (url) => send({ method: 'GET', url, headers: {}, body: '' }).then((r) => ({ ok: r.status < 300, status: r.status, text: async () => r.body })),
		logger: { info: (m) => d.sink.push('out', m), error: (m) => d.sink.push('err', m) },
		onTracer: (t) => tracers.push(t),
		budget
	});
	const otel = createOtelRuntime({ service: d.service, send, budget, onError: (m) => d.sink.push('err', m) });

	const time = createTimeModule(d.liveness.timers.setTimeout);
	const proc = createProcessModule(d.service, d.args, d.exit);
	return {
		modules: {
			opentracing,
			'tour/http': http,
			'tour/mysql': createMysqlModule(wire),
			'tour/grpc': createGrpcModule(wire),
			'tour/amqp': createAmqpModule(wire),
			'tour/tracing': tracing.module,
			'jaeger-client': tracing.module,
			'tour/time': time,
			'tour/process': proc,
			'tour/redis': createRedisModule(wire),
			...otel.modules,
			globals: { ...d.liveness.timers, fetch: http.fetch, process: proc }
		},
		handlers,
		tracers,
		spansDelivered: tracing.delivered,
		otel,
		spans: budget.counter,
		settling
	};
}

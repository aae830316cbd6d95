import { FORMAT_HTTP_HEADERS, FORMAT_TEXT_MAP, FORMAT_BINARY, Tags } from 'opentracing';
import * as tracer from '$lib/tracer';
import type { SpanRecord } from '$lib/model';
import type { SpanBudget } from './span-budget';

export interface TracingEnv {
	/** POSTs a body over the simulated network; resolves to the answer's status, rejects when nobody listens */
	post(url: string, body: string, headers?: Record<string, string>): Promise<number>;
	/** the remote sampler's polls to jaeger-agent:5778 */
	fetch: tracer.FetchLike;
	logger: tracer.Logger;
	/** every tracer made here, so the run can close (flush) them all at the end */
	onTracer(t: tracer.JaegerTracer): void;
	/** the service's span budget (shared with its OpenTelemetry exporter) */
	budget: SpanBudget;
}

/**
 * The `tour/tracing` module: jaeger-client's `initTracer(config, options)`, and the tutorial's
 * `initTracer('hello-world')` (const sampler, logSpans on). Both report to jaeger-agent:6831.
 */
export function createTracingModule(env: TracingEnv) {
	// One budget for all tracers of the service: a span flood stops at the wire, with a note.
	const budget = (records: SpanRecord[]): SpanRecord[] => env.budget.fit(records);

	/** jaeger-client's two senders: UDP packets to the agent, or HTTP straight to the collector. */
	function senderFor(rc: NonNullable<tracer.TracingConfig['reporter']>, stats: () => ClientStats): tracer.SpanSender {
		if (typeof rc.collectorEndpoint === 'string' && rc.collectorEndpoint !== '') {
			const url = rc.collectorEndpoint;
			const headers: Record<string, string> = { 'content-type': 'application/json' };
			if (rc.username !== undefined) headers.authorization = 'Basic ' + btoa(`${rc.username}:${rc.password ?? ''}`);
			return async (records) => {
				const batch = budget(records);
				if (batch.length === 0) return;
				const status = await env.post(url, JSON.stringify({ spans: batch }), headers);
				if (status >= 300) throw new Error(`collector answered ${status} at ${url}`);
			};
		}
		const host = typeof rc.agentHost === 'string' && rc.agentHost !== '' ? rc.agentHost : 'jaeger-agent';
		const port = typeof rc.agentPort === 'number' ? rc.agentPort : 6831;
		const url = `http://${host}:${port}/`;
		return (records) => {
			// UDP: packets of at most MAX_PACKET bytes, sent without waiting; a span that cannot fit
			// in one packet is dropped and counted (jaeger-client's "too large")
			for (const body of packets(budget(records), tooLarge, stats)) {
				const p = env.post(url, body).then(
					() => {},
					() => {} // nobody listening: UDP never says so
				);
				inFlight.add(p);
				void p.finally(() => inFlight.delete(p));
			}
		};
	}

	/** UDP packets on their way: the run waits for them before it reads the backend */
	const inFlight = new Set<Promise<void>>();
	let tooLargeCount = 0;
	const tooLarge = () => void tooLargeCount++;

	function initTracer(
		configOrName: string | tracer.TracingConfig,
		options: tracer.TracingOptions = {}
	): tracer.JaegerTracer {
		const config: tracer.TracingConfig =
			typeof configOrName === 'string'
				? { serviceName: configOrName, sampler: { type: 'const', param: 1 }, reporter: { logSpans: true } }
				: configOrName;
		let made: tracer.JaegerTracer | null = null;
		const stats = (): ClientStats => {
			const remote = made ? findRemote(made.reporter) : null;
			// the UDP sender never fails a send, so every drop the reporter counted was a full queue
			return { fullQueueDroppedSpans: remote?.stats.dropped ?? 0, tooLargeDroppedSpans: tooLargeCount, failedToEmitSpans: 0 };
		};
		const sender = senderFor(config.reporter ?? {}, stats);
		const t = tracer.initTracer(config, { logger: env.logger, fetch: env.fetch, sender, ...options });
		made = t;
		env.onTracer(t);
		return t;
	}

	return {
		/** settles when every UDP packet sent so far has reached the network's far end (or nobody) */
		delivered: async () => {
			while (inFlight.size > 0) await Promise.all([...inFlight]);
		},
		module: {
			...tracer,
			initTracer,
			Tags,
			FORMAT_HTTP_HEADERS,
			FORMAT_TEXT_MAP,
			FORMAT_BINARY
		}
	};
}

/** What a Jaeger client tells the agent about its own losses, with every packet (jaeger.thrift ClientStats). */
interface ClientStats {
	fullQueueDroppedSpans: number;
	tooLargeDroppedSpans: number;
	failedToEmitSpans: number;
}

/** The UDP sender's limit: jaeger-client's default max packet size. */
export const MAX_PACKET = 65_000;

/** Span records cut into packet bodies of at most MAX_PACKET bytes (JSON here, Thrift in jaeger-client). */
export function packets(records: SpanRecord[], onTooLarge: () => void, stats: () => object): string[] {
	const out: string[] = [];
	const envelope = (parts: string[]) => `{"spans":[${parts.join(',')}],"clientStats":${JSON.stringify(stats())}}`;
	const room = MAX_PACKET - envelope([]).length - 16;
	let parts: string[] = [];
	let size = 0;
	for (const r of records) {
		const one = JSON.stringify(r);
		if (one.length > room) {
			onTooLarge();
			continue;
		}
		if (size + one.length + 1 > room && parts.length > 0) {
			out.push(envelope(parts));
			parts = [];
			size = 0;
		}
		parts.push(one);
		size += one.length + 1;
	}
	if (parts.length > 0) out.push(envelope(parts));
	return out;
}

function findRemote(r: tracer.Reporter | undefined): tracer.RemoteReporter | null {
	if (r instanceof tracer.RemoteReporter) return r;
	const inner = (r as { reporters?: tracer.Reporter[] } | undefined)?.reporters;
	if (Array.isArray(inner)) for (const x of inner) if (x instanceof tracer.RemoteReporter) return x;
	return null;
}

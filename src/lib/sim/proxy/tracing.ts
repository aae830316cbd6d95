// The proxy's tracer, built as Traefik v2 builds its jaeger-client-go tracer: the sampler from
// samplingType/samplingParam, a reporter sending batches to localAgentHostPort (or the collector
// endpoint), the trace header named traceContextHeaderName, and b3 propagation replacing the Jaeger
// header for HTTP. Its spans: "EntryPoint <ep> <host>" (server) and "forward <service>/<router>"
// (client), tagged as Traefik tags them (pkg/middlewares/tracing, pkg/tracing/tracing.go).
import { FORMAT_HTTP_HEADERS } from 'opentracing';
import {
	ConstSampler,
	JaegerCodec,
	JaegerTracer,
	ProbabilisticSampler,
	RateLimitingSampler,
	RemoteReporter,
	RemoteSampler,
	type Codec,
	type JaegerSpan,
	type JaegerSpanContext,
	type Logger,
	type Sampler
} from '$lib/tracer';
import type { SpanRecord } from '$lib/model';
import type { Network } from '../network/network';
import { isNetworkError } from '../network/errors';
import type { HeaderMap } from '../types';
import type { TracingConfig } from './config';
import { generateOperationName } from './operation-name';

export const PROXY_HOST = 'traefik';
/** spans one run's proxy reports at most (a request loop cannot flood the agent) */
export const MAX_PROXY_SPANS = 10_000;
const MAX_LOG_LINES = 5;

export interface ProxyTracingDeps {
	network: Network;
	/** a Console line under 'traefik' */
	print(stream: 'out' | 'err' | 'system', text: string): void;
	/** for probabilistic sampling; tests pass a seeded one */
	random?: () => number;
	now?: () => number;
	/** the reporter's flush interval (jaeger-client-go's default 1 s) */
	flushIntervalMs?: number;
}

export interface ProxyTracing {
	readonly tracer: JaegerTracer;
	/** the incoming context, null when there is none (or it cannot be read) */
	extract(headers: HeaderMap): JaegerSpanContext | null;
	entrySpan(entryPoint: string, host: string, method: string, url: string, parent: JaegerSpanContext | null): JaegerSpan;
	forwardSpan(parent: JaegerSpan, service: string, router: string, method: string, url: string, host: string): JaegerSpan;
	/** writes the span's context into outgoing headers in the configured format */
	inject(span: JaegerSpan, headers: HeaderMap): void;
	/** http.status_code, error=true from 500 on (Traefik v2's LogResponseCode), finish */
	finish(span: JaegerSpan, status: number): void;
	/** sends what is buffered and stops the timers */
	close(): Promise<void>;
	/** nothing more is sent */
	stop(): void;
	stats: { sent: number; lost: number };
}

/**
 * jaeger-client-go's HTTP header propagator with a custom trace header name: inject writes the
 * name given; extract compares each lower-cased incoming header name with the name exactly as
 * configured — so a name with capitals never matches, as Traefik's docs warn.
 */
class RenamedHeaderCodec implements Codec {
	private readonly inner = new JaegerCodec({ urlEncoding: true });
	constructor(private readonly name: string) {}

	inject(ctx: JaegerSpanContext, carrier: unknown): void {
		const tmp: Record<string, string> = Object.create(null);
		this.inner.inject(ctx, tmp);
		const out = carrier as Record<string, string>;
		for (const k of Object.keys(tmp)) out[k === 'uber-trace-id' ? this.name.toLowerCase() : k] = tmp[k];
	}

	extract(carrier: unknown): JaegerSpanContext | null {
		const view: Record<string, string> = Object.create(null);
		for (const [k, v] of Object.entries(carrier as Record<string, unknown>)) {
			if (typeof v !== 'string') continue;
			const key = k.toLowerCase();
			if (key === this.name) view['uber-trace-id'] = v;
			else if (key !== 'uber-trace-id') view[key] = v;
		}
		return this.inner.extract(view);
	}
}

function makeSampler(config: TracingConfig, deps: ProxyTracingDeps, logger: Logger): Sampler {
	const j = config.jaeger;
	switch (j.samplingType) {
		case 'const':
			return new ConstSampler(j.samplingParam !== 0);
		case 'probabilistic':
			return new ProbabilisticSampler(j.samplingParam, deps.random);
		case 'ratelimiting':
			return new RateLimitingSampler(j.samplingParam, deps.now);
		case 'remote':
			// polls samplingServerURL from the traefik host, like the services' remote samplers
			return new RemoteSampler(config.serviceName, {
				samplingServerURL: j.samplingServerURL,
				initialSampler: new ProbabilisticSampler(j.samplingParam, deps.random),
				fetch: (url) =>
					deps.network
						.request(PROXY_HOST, { method: 'GET', url, headers: {}, body: '' })
						.then((r) => ({ ok: r.status < 300, status: r.status, text: async () => r.body })),
				logger,
				now: deps.now,
				random: deps.random
			});
	}
}

/** Where batches go: the collector endpoint if set (HTTP), else the agent at localAgentHostPort (UDP in real life). */
export function spanDestination(config: TracingConfig): { url: string; viaCollector: boolean; label: string } {
	const c = config.jaeger.collector;
	if (c) return { url: c.endpoint, viaCollector: true, label: c.endpoint };
	return { url: `http://${config.jaeger.localAgentHostPort}/`, viaCollector: false, label: config.jaeger.localAgentHostPort };
}

export function createProxyTracing(config: TracingConfig, deps: ProxyTracingDeps): ProxyTracing {
	const stats = { sent: 0, lost: 0 };
	let stopped = false;
	let logged = 0;
	const log = (text: string) => {
		if (stopped || logged >= MAX_LOG_LINES) return;
		logged++;
		deps.print('err', logged === MAX_LOG_LINES ? `${text} (further tracer errors are not shown)` : text);
	};
	const logger: Logger = { info() {}, error: (m) => log(`tracer: ${m}`) };
	const dest = spanDestination(config);
	const destHost = dest.viaCollector ? '' : config.jaeger.localAgentHostPort.slice(0, config.jaeger.localAgentHostPort.lastIndexOf(':'));
	const localHint =
		destHost === '127.0.0.1' || destHost === 'localhost' ? ` (${destHost} is the traefik container itself: set localAgentHostPort to jaeger-agent:6831)` : '';
	let reported = 0;
	let warnedCap = false;
	let warnedSend = false;

	const sender = async (records: SpanRecord[]) => {
		if (stopped) return;
		const room = Math.max(0, MAX_PROXY_SPANS - reported);
		const batch = records.length > room ? records.slice(0, room) : records;
		stats.lost += records.length - batch.length;
		if (batch.length < records.length && !warnedCap) {
			warnedCap = true;
			deps.print('system', `span output capped at ${MAX_PROXY_SPANS} spans; later spans are dropped`);
		}
		if (batch.length === 0) return;
		reported += batch.length;
		const headers: HeaderMap = { 'content-type': 'application/json' };
		const c = config.jaeger.collector;
		if (dest.viaCollector && c && c.user) headers.authorization = `Basic ${btoa(`${c.user}:${c.password}`)}`;
		try {
			const res = await deps.network.request(PROXY_HOST, { method: 'POST', url: dest.url, headers, body: JSON.stringify({ spans: batch }) });
			// the agent is UDP: whatever it answers, the sender never hears; the collector is HTTP
			if (dest.viaCollector && res.status >= 300) throw new Error(`the collector answered ${res.status}`);
			stats.sent += batch.length;
		} catch (e) {
			stats.lost += batch.length;
			if (!warnedSend) {
				warnedSend = true;
				const why = isNetworkError(e) ? e.message : e instanceof Error ? e.message : String(e);
				log(`error when flushing the buffer to ${dest.label}: ${why} — ${batch.length === 1 ? 'this span is' : 'these spans are'} lost${localHint}`);
			}
		}
	};

	const reporter = new RemoteReporter(sender, { flushIntervalMs: deps.flushIntervalMs ?? 1000, logger });
	const tracer = new JaegerTracer(config.serviceName, reporter, makeSampler(config, deps, logger), {
		logger,
		now: deps.now,
		traceId128bit: config.jaeger.gen128Bit,
		propagation: config.jaeger.propagation
	});
	if (config.jaeger.propagation === 'jaeger' && config.jaeger.traceContextHeaderName !== 'uber-trace-id') {
		const codec = new RenamedHeaderCodec(config.jaeger.traceContextHeaderName);
		tracer.registerInjector(FORMAT_HTTP_HEADERS, codec);
		tracer.registerExtractor(FORMAT_HTTP_HEADERS, codec);
	}

	let warnedLimit = false;
	const opName = (prefix: string, parts: string[], sep: string) => {
		const n = generateOperationName(prefix, parts, sep, config.spanNameLimit);
		if (n.fellBackTo !== null && !warnedLimit) {
			warnedLimit = true;
			log(`SpanNameLimit cannot be lesser than ${n.fellBackTo - 3}: falling back on ${n.fellBackTo}`);
		}
		return n.name;
	};

	return {
		tracer,
		stats,
		extract(headers) {
			return tracer.extract(FORMAT_HTTP_HEADERS, headers) as JaegerSpanContext | null;
		},
		entrySpan(entryPoint, host, method, url, parent) {
			// The proxy shares its realm with other code (the page; one Node process in tests): a span
			// someone else made active must never become its parent. Only the request says that.
			const span = tracer.startSpan(opName('EntryPoint', [entryPoint, host], ' '), {
				childOf: parent ?? undefined,
				ignoreActiveSpan: true,
				tags: { 'span.kind': 'server' }
			});
			span.setTag('component', config.serviceName);
			span.setTag('http.method', method);
			span.setTag('http.url', url);
			span.setTag('http.host', host);
			return span;
		},
		forwardSpan(parent, service, router, method, url, host) {
			const span = tracer.startSpan(opName('forward', [service, router], '/'), { childOf: parent, ignoreActiveSpan: true, tags: { 'span.kind': 'client' } });
			span.setTag('traefik.service.name', service);
			span.setTag('traefik.router.name', router);
			span.setTag('http.method', method);
			span.setTag('http.url', url);
			span.setTag('http.host', host);
			return span;
		},
		inject(span, headers) {
			tracer.inject(span.context(), FORMAT_HTTP_HEADERS, headers);
		},
		finish(span, status) {
			span.setTag('http.status_code', status);
			if (status >= 500) span.setTag('error', true);
			span.finish();
		},
		close: () => tracer.close(),
		stop() {
			stopped = true;
			void tracer.close();
		}
	};
}

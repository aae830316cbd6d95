import { FORMAT_HTTP_HEADERS, FORMAT_TEXT_MAP, FORMAT_BINARY, Tags } from 'opentracing';
import * as tracer from '$lib/tracer';
import type { SpanRecord } from '$lib/model';

export interface TracingEnv {
	/** POSTs a batch to the agent over the simulated network */
	sendSpans(records: SpanRecord[]): Promise<void>;
	/** the remote sampler's polls to jaeger-agent:5778 */
	fetch: tracer.FetchLike;
	logger: tracer.Logger;
	/** every tracer made here, so the run can close (flush) them all at the end */
	onTracer(t: tracer.JaegerTracer): void;
	maxSpans: number;
	/** a flood of spans was capped */
	onCapped(limit: number): void;
}

export interface SpanCounter {
	sent: number;
	dropped: number;
}

/**
 * The `tour/tracing` module: jaeger-client's `initTracer(config, options)`, and the tutorial's
 * `initTracer('hello-world')` (const sampler, logSpans on). Both report to jaeger-agent:6831.
 */
export function createTracingModule(env: TracingEnv) {
	const counter: SpanCounter = { sent: 0, dropped: 0 };
	let capped = false;

	// One budget for all tracers of the service: a span flood stops at the wire, with a note.
	const sender = async (records: SpanRecord[]) => {
		const room = Math.max(0, env.maxSpans - counter.sent);
		const batch = records.length > room ? records.slice(0, room) : records;
		counter.dropped += records.length - batch.length;
		if (batch.length < records.length && !capped) {
			capped = true;
			env.onCapped(env.maxSpans);
		}
		if (batch.length === 0) return;
		counter.sent += batch.length;
		await env.sendSpans(batch);
	};

	function initTracer(
		configOrName: string | tracer.TracingConfig,
		options: tracer.TracingOptions = {}
	): tracer.JaegerTracer {
		const config: tracer.TracingConfig =
			typeof configOrName === 'string'
				? { serviceName: configOrName, sampler: { type: 'const', param: 1 }, reporter: { logSpans: true } }
				: configOrName;
		const t = tracer.initTracer(config, { logger: env.logger, fetch: env.fetch, sender, ...options });
		env.onTracer(t);
		return t;
	}

	return {
		counter,
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

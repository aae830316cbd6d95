import { FORMAT_HTTP_HEADERS, FORMAT_TEXT_MAP, FORMAT_BINARY, Tags } from 'opentracing';
import * as tracer from '$lib/tracer';
import type { SpanRecord } from '$lib/model';
import type { SpanBudget } from './span-budget';

export interface TracingEnv {
	/** POSTs a batch to the agent over the simulated network */
	sendSpans(records: SpanRecord[]): Promise<void>;
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
	const sender = async (records: SpanRecord[]) => {
		const allowed = env.budget.take(records.length);
		if (allowed === 0) return;
		await env.sendSpans(allowed < records.length ? records.slice(0, allowed) : records);
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

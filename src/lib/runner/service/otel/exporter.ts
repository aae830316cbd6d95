// The span exporter a service's OpenTelemetry SDK uses: OTLP/HTTP JSON, serialized by the official
// @opentelemetry/otlp-transformer (hex ids, nanoseconds as decimal strings, integer enums,
// lowerCamelCase keys; integer attributes turned into decimal strings after it), POSTed over the simulated network to jaeger-collector:4318/v1/traces, so it
// shows on the Network panel like any other request. Its constructor takes the real
// OTLPTraceExporter's `{ url, headers }`.
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
// The JSON serializer's own two steps (JsonTraceSerializer = this + JSON.stringify + UTF-8 bytes):
// the body here is a string, so the bytes and their decoding are skipped (a quarter of the export's
// cost). The version is pinned; otlp.test.ts checks the body equals JsonTraceSerializer's output
// (but for the integer attributes) and decodes with the official proto definitions.
import { createExportTraceServiceRequest } from '@opentelemetry/otlp-transformer/build/esm/trace/internal.js';
import { JSON_ENCODER } from '@opentelemetry/otlp-transformer/build/esm/common/utils.js';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { SimRequest, SimResponse } from '$lib/sim';
import type { SpanBudget } from '../span-budget';

export const DEFAULT_OTLP_TRACES_URL = 'http://jaeger-collector:4318/v1/traces';

export interface OtlpExporterEnv {
	/** the service's name: the resource's service.name when the SDK only knows `unknown_service` */
	service: string;
	send(req: SimRequest): Promise<SimResponse>;
	budget: SpanBudget;
	/** a failed export, said once per exporter in the service's console */
	onError(message: string): void;
}

export interface OtlpExporterOptions {
	url?: string;
	headers?: Record<string, string>;
}

interface JsonAnyValue {
	stringValue?: string;
	intValue?: number | string;
	arrayValue?: { values?: JsonAnyValue[] };
	kvlistValue?: { values?: JsonAttribute[] };
}
interface JsonAttribute {
	key: string;
	value: JsonAnyValue;
}
interface Attributed {
	attributes?: JsonAttribute[];
}
interface JsonRequest {
	resourceSpans?: ({ resource?: Attributed; scopeSpans?: { scope?: Attributed; spans?: (Attributed & { events?: Attributed[]; links?: Attributed[] })[] }[] })[];
}

/**
 * The serializer writes an integer attribute as a JSON number; OTLP JSON (proto3's mapping) writes
 * int64 as a decimal string, which receivers must take (numbers are only tolerated on decode).
 */
function intAsDecimalString(v: JsonAnyValue | undefined): void {
	if (!v) return;
	if (typeof v.intValue === 'number') v.intValue = String(v.intValue);
	else if (v.arrayValue) for (const x of v.arrayValue.values ?? []) intAsDecimalString(x);
	else if (v.kvlistValue) for (const x of v.kvlistValue.values ?? []) intAsDecimalString(x.value);
}
const fixInts = (o: Attributed | undefined) => {
	for (const a of o?.attributes ?? []) intAsDecimalString(a.value);
};

/** `unknown_service` (and `unknown_service:<process>`) is the SDK's placeholder for "not set". */
const unset = (name: string | undefined) => name === undefined || name === '' || name.startsWith('unknown_service');

/** The request body: the official JSON encoding, int64 attributes as strings, with the service's own name where none was set. */
export function otlpJsonBody(spans: ReadableSpan[], service: string): string {
	const request = createExportTraceServiceRequest(spans, JSON_ENCODER) as JsonRequest;
	for (const rs of request.resourceSpans ?? []) {
		fixInts(rs.resource);
		for (const ss of rs.scopeSpans ?? []) {
			fixInts(ss.scope);
			for (const span of ss.spans ?? []) {
				fixInts(span);
				for (const e of span.events ?? []) fixInts(e);
				for (const l of span.links ?? []) fixInts(l);
			}
		}
		const resource = (rs.resource ??= {});
		const attributes = (resource.attributes ??= []);
		const name = attributes.find((a) => a.key === 'service.name');
		if (!name) attributes.unshift({ key: 'service.name', value: { stringValue: service } });
		else if (unset(name.value.stringValue)) name.value = { stringValue: service };
	}
	return JSON.stringify(request);
}

export class SimOtlpExporter implements SpanExporter {
	readonly url: string;
	readonly #headers: Record<string, string>;
	readonly #env: OtlpExporterEnv;
	readonly #pending = new Set<Promise<void>>();
	#stopped = false;
	#complained = false;

	constructor(env: OtlpExporterEnv, options: OtlpExporterOptions = {}) {
		this.#env = env;
		this.url = typeof options.url === 'string' && options.url !== '' ? options.url : DEFAULT_OTLP_TRACES_URL;
		this.#headers = {};
		for (const [k, v] of Object.entries(options.headers ?? {})) if (typeof v === 'string') this.#headers[k.toLowerCase()] = v;
	}

	export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
		if (this.#stopped) return resultCallback({ code: ExportResultCode.FAILED, error: new Error('exporter is shut down') });
		const allowed = this.#env.budget.fit(spans);
		if (allowed.length === 0) return resultCallback({ code: ExportResultCode.SUCCESS });
		let body: string;
		try {
			body = otlpJsonBody(allowed, this.#env.service);
		} catch (e) {
			return resultCallback({ code: ExportResultCode.FAILED, error: e as Error });
		}
		const req: SimRequest = { method: 'POST', url: this.url, headers: { ...this.#headers, 'content-type': 'application/json' }, body };
		const done = this.#env
			.send(req)
			.then((res) => {
				if (res.status < 300) return resultCallback({ code: ExportResultCode.SUCCESS });
				this.#fail(`${res.status} ${res.body.slice(0, 200)}`);
				resultCallback({ code: ExportResultCode.FAILED, error: new Error(`OTLP export answered ${res.status}`) });
			})
			.catch((e: unknown) => {
				this.#fail(String((e as Error)?.message ?? e));
				resultCallback({ code: ExportResultCode.FAILED, error: e as Error });
			})
			.finally(() => this.#pending.delete(done));
		this.#pending.add(done);
	}

	#fail(why: string) {
		if (this.#complained) return;
		this.#complained = true;
		this.#env.onError(`OTLP export to ${this.url} failed: ${why}`);
	}

	async forceFlush(): Promise<void> {
		await Promise.all([...this.#pending]);
	}

	async shutdown(): Promise<void> {
		await this.forceFlush();
		this.#stopped = true;
	}
}

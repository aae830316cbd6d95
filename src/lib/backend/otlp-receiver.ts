// jaeger-collector's OTLP/HTTP receiver (:4318 POST /v1/traces), as Jaeger ≥ 1.35 and the OTel
// Collector serve it: an ExportTraceServiceRequest in JSON is turned into Jaeger spans by the model's
// OTLP converter (resource → process, kind/status/scope → tags, events → logs, links → references)
// and written through the same collector path as every other batch, span by span. Only the JSON
// encoding is simulated: protobuf and gzip bodies are refused with a status saying so.
import { fromOTLP, TraceImportError } from '$lib/model';
import type { SimHandler } from '$lib/sim';
import { json, parseJsonBody, parseUrl, text } from './http';
import { spansOfBody, type Collector } from './collector';

export const OTLP_TRACES_PATH = '/v1/traces';

/** OTLP's answer: empty on full success; partialSuccess (int64 as a decimal string) when spans were refused. */
function exportResponse(rejected: number, message: string) {
	return rejected === 0 ? {} : { partialSuccess: { rejectedSpans: String(rejected), errorMessage: message } };
}

export function createOtlpReceiver(collector: Collector): SimHandler {
	return (req) => {
		const url = parseUrl(req);
		if (!url || url.pathname !== OTLP_TRACES_PATH) return text(404, `the OTLP receiver has no route ${url?.pathname ?? req.url}; POST traces to ${OTLP_TRACES_PATH}`);
		if (req.method.toUpperCase() !== 'POST') return text(405, `use POST ${OTLP_TRACES_PATH}`);
		const type = (req.headers['content-type'] ?? '').toLowerCase();
		if (!type.startsWith('application/json'))
			return text(415, `unsupported content type ${type || '(none)'}: this simulated receiver accepts OTLP/HTTP JSON (Content-Type: application/json)`);
		const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
		if (encoding !== 'identity') return text(415, `unsupported content encoding ${encoding}: send the JSON uncompressed`);
		// 503 is one of the codes an OTLP exporter retries (with 429, 502, 504)
		if (!collector.running) return text(503, 'jaeger-collector is stopped');
		const parsed = parseJsonBody(req.body);
		if (!parsed.ok) return text(400, parsed.message);
		let spans: unknown[];
		try {
			spans = spansOfBody({ data: fromOTLP(parsed.value) }) ?? [];
		} catch (e) {
			if (e instanceof TraceImportError) return text(400, `not an OTLP ExportTraceServiceRequest: ${e.message}`);
			throw e;
		}
		const result = collector.writeSpans(spans);
		const refused = result.rejected + result.dropped;
		return json(200, exportResponse(refused, result.errors.map((e) => `span ${e.index}: ${e.message}`).join('; ')));
	};
}

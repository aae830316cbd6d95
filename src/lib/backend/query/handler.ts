// jaeger-query :16686/api/… — the HTTP API the Jaeger UI (and our trace view and lesson checks,
// through the query client) reads. Answers in Jaeger's envelope `{data, total, limit, offset, errors}`.
import type { DependencyLink, Trace } from '../../model/index';
import type { SimHandler, SimResponse } from '$lib/sim';
import { envelope, json, parseUrl, queryError } from '../http';
import { normalizeTraceId } from '../ids';
import type { MemoryStore } from '../store/memory-store';
import { parseDependencyWindow, parseTraceSearch } from './params';

function decodeSegment(s: string): string | null {
	try {
		return decodeURIComponent(s);
	} catch {
		return null;
	}
}

/** Where /api/dependencies comes from: the memory store computes it on demand; Elasticsearch reads the job's output. */
export type DependencySource = (endUs: number, lookbackUs: number) => DependencyLink[];

/**
 * @param now ms since the epoch (for lookbacks and the dependencies window)
 * @param dependencies the store's edges for a window (default: computed from `store`, as the memory store does)
 */
export function createQueryHandler(
	store: MemoryStore,
	now: () => number = Date.now,
	dependencies: DependencySource = (end, lookback) => store.getDependencies(end, lookback)
): SimHandler {
	function traceById(raw: string): SimResponse {
		const id = normalizeTraceId(raw);
		if (!id) return queryError(400, `malformed trace id ${JSON.stringify(raw)}: expected up to 32 hex digits`);
		const trace = store.getTrace(id);
		return trace ? json(200, envelope([trace])) : queryError(404, 'trace not found');
	}

	function search(params: URLSearchParams): SimResponse {
		const parsed = parseTraceSearch(params, now() * 1000);
		if (!parsed.ok) return queryError(400, parsed.error);
		const { traceIDs, query } = parsed.value;
		if (query) return json(200, envelope(store.findTraces(query)));
		// traceID=…&traceID=…: what was found, plus an error entry per id that was not.
		const data: Trace[] = [];
		const errors: { code: number; msg: string; traceID: string }[] = [];
		for (const raw of traceIDs) {
			const id = normalizeTraceId(raw);
			const t = id ? store.getTrace(id) : null;
			if (t) data.push(t);
			else errors.push({ code: id ? 404 : 400, msg: id ? 'trace not found' : 'malformed trace id', traceID: raw });
		}
		if (data.length === 0) return json(404, { ...envelope(data), errors });
		return json(200, { ...envelope(data), errors: errors.length ? errors : null });
	}

	return (req) => {
		const url = parseUrl(req);
		if (!url) return queryError(400, `bad URL ${JSON.stringify(req.url)}`);
		if (req.method.toUpperCase() !== 'GET') return queryError(405, `method ${req.method} not allowed; jaeger-query's API is read-only`);
		const path = url.pathname.replace(/\/+$/, '');
		const params = url.searchParams;

		if (path === '/api/services') return json(200, envelope(store.getServices()));

		const ops = /^\/api\/services\/([^/]+)\/operations$/.exec(path);
		if (ops) {
			const service = decodeSegment(ops[1]);
			if (service === null) return queryError(400, 'malformed service name in the path');
			return json(200, envelope([...new Set(store.getOperations(service).map((o) => o.name))]));
		}

		if (path === '/api/operations') {
			const service = params.get('service') ?? '';
			if (service === '') return queryError(400, "parameter 'service' is required");
			const kind = params.get('spanKind');
			return json(200, envelope(store.getOperations(service, kind === null || kind === '' ? undefined : kind)));
		}

		if (path === '/api/traces') return search(params);

		const byId = /^\/api\/traces\/([^/]+)$/.exec(path);
		if (byId) return traceById(decodeSegment(byId[1]) ?? '');

		if (path === '/api/dependencies') {
			const w = parseDependencyWindow(params, now() * 1000);
			if (!w.ok) return queryError(400, w.error);
			return json(200, envelope(dependencies(w.value.endTs, w.value.lookback)));
		}

		return queryError(404, `no route ${path}: try /api/services, /api/traces?service=…, /api/traces/{id}, /api/dependencies`);
	};
}

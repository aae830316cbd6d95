// A typed client for jaeger-query's HTTP API. It goes through a fetch-like function — the
// simulated network, real fetch, or `fetchFromHandlers` in tests — so the trace view and the
// lesson checks read traces by the same path learner code would.
import type { DependencyLink, QueryResponse, Trace } from '../../model/index';
import type { OperationEntry } from '../store/catalogue';

export interface QueryTransportInit {
	method?: string;
	headers?: Record<string, string>;
	body?: string;
}
/** Either a fetch Response (has text()) or a SimResponse (body is a string). */
export interface QueryTransportResponse {
	status: number;
	text?: () => Promise<string>;
	body?: unknown;
}
export type QueryTransport = (url: string, init?: QueryTransportInit) => Promise<QueryTransportResponse>;

export interface FindTracesParams {
	service: string;
	operation?: string;
	/** key → value (sent as JSON, like the UI), or a logfmt string `error=true k="v 2"` */
	tags?: Record<string, string | number | boolean> | string;
	/** a duration string (`1.2ms`) or µs */
	minDuration?: string | number;
	maxDuration?: string | number;
	/** µs since the epoch */
	start?: number;
	end?: number;
	/** e.g. `1h`, `2d` (used when `start` is not given) */
	lookback?: string;
	limit?: number;
}

export interface DependenciesParams {
	/** ms since the epoch (Jaeger's unit for this call); default now */
	endTs?: number;
	/** ms, or a duration like `1h`; default 24h */
	lookback?: number | string;
}

export class QueryError extends Error {
	constructor(
		readonly status: number,
		readonly errors: { code: number; msg: string }[]
	) {
		super(`jaeger-query answered ${status}: ${errors.map((e) => e.msg).join('; ') || 'no details'}`);
	}
}

export interface QueryClient {
	getServices(): Promise<string[]>;
	/** Operation names (the classic /api/services/{s}/operations). */
	getOperations(service: string): Promise<string[]>;
	/** Operations with their span kinds (the newer /api/operations?service=&spanKind=). */
	getOperationsWithKinds(service: string, spanKind?: string): Promise<OperationEntry[]>;
	findTraces(params: FindTracesParams): Promise<Trace[]>;
	/** null when the trace is not in the store */
	getTrace(traceID: string): Promise<Trace | null>;
	getDependencies(params?: DependenciesParams): Promise<DependencyLink[]>;
}

const asDuration = (d: string | number) => (typeof d === 'number' ? `${d}us` : d);

export function createQueryClient(fetchLike: QueryTransport, baseUrl = 'http://jaeger-query:16686'): QueryClient {
	async function get<T>(path: string, query: Record<string, string | undefined> = {}): Promise<{ status: number; body: QueryResponse<T> }> {
		const qs = new URLSearchParams();
		for (const [k, v] of Object.entries(query)) if (v !== undefined) qs.set(k, v);
		const url = baseUrl + path + (qs.toString() ? '?' + qs.toString() : '');
		const res = await fetchLike(url, { method: 'GET', headers: { accept: 'application/json' } });
		const text = typeof res.text === 'function' ? await res.text() : typeof res.body === 'string' ? res.body : '';
		let body: QueryResponse<T>;
		try {
			body = JSON.parse(text);
		} catch {
			throw new QueryError(res.status, [{ code: res.status, msg: `not a JSON answer: ${text.slice(0, 200)}` }]);
		}
		return { status: res.status, body };
	}

	async function data<T>(path: string, query?: Record<string, string | undefined>): Promise<T> {
		const { status, body } = await get<T>(path, query);
		if (status < 200 || status >= 300) throw new QueryError(status, body.errors ?? []);
		return body.data;
	}

	const str = (v: number | undefined) => (v === undefined ? undefined : String(v));

	return {
		getServices: () => data<string[]>('/api/services'),
		getOperations: (service) => data<string[]>(`/api/services/${encodeURIComponent(service)}/operations`),
		getOperationsWithKinds: (service, spanKind) => data<OperationEntry[]>('/api/operations', { service, spanKind }),
		findTraces: (p) =>
			data<Trace[]>('/api/traces', {
				service: p.service,
				operation: p.operation,
				tags: p.tags === undefined ? undefined : typeof p.tags === 'string' ? p.tags : JSON.stringify(p.tags),
				minDuration: p.minDuration === undefined ? undefined : asDuration(p.minDuration),
				maxDuration: p.maxDuration === undefined ? undefined : asDuration(p.maxDuration),
				start: str(p.start),
				end: str(p.end),
				lookback: p.lookback,
				limit: str(p.limit)
			}),
		async getTrace(traceID) {
			const { status, body } = await get<Trace[]>(`/api/traces/${encodeURIComponent(traceID)}`);
			if (status === 404) return null;
			if (status !== 200) throw new QueryError(status, body.errors ?? []);
			return body.data[0] ?? null;
		},
		getDependencies: (p = {}) =>
			data<DependencyLink[]>('/api/dependencies', { endTs: str(p.endTs), lookback: p.lookback === undefined ? undefined : String(p.lookback) })
	};
}

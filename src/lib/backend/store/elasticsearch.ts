// An Elasticsearch-like span store at elasticsearch:9200. It keeps span documents (Jaeger's ES
// document shape: startTimeMillis beside startTime µs, process inline) in daily indices named as
// Jaeger names them, answers `GET /`, `GET /_cat/indices`, `GET /_cat/health`, `GET|POST
// /<index>/_search` (match/term on traceID, spanID, operationName, process.serviceName /
// serviceName) and `/<index>/_count`. jaeger-query keeps reading through the span store's trace
// index (the MemoryStore it writes through), so search semantics are the memory store's.
import type { SpanRecord } from '../../model/index';
import type { SimHandler } from '$lib/sim';
import { json, parseJsonBody, parseUrl, text } from '../http';
import { indexName, indexPattern, type IndexKind } from './es-index';
import type { MemoryStore } from './memory-store';

export const ES_HOST = 'elasticsearch';
export const ES_PORT = 9200;

export interface SpanDocument {
	traceID: string;
	spanID: string;
	flags: number;
	operationName: string;
	references: { refType: string; traceID: string; spanID: string }[];
	startTime: number;
	startTimeMillis: number;
	duration: number;
	tags: SpanRecord['tags'];
	logs: SpanRecord['logs'];
	process: SpanRecord['process'];
}

export interface ServiceDocument {
	serviceName: string;
	operationName: string;
}

/** What spark-dependencies writes for one day: one document with every edge of that day. */
export interface DependenciesDocument {
	timestamp: string;
	dependencies: { parent: string; child: string; callCount: number; source: 'jaeger' }[];
}

type EsDocument = SpanDocument | ServiceDocument | DependenciesDocument;

interface Index {
	name: string;
	kind: IndexKind;
	docs: EsDocument[];
	/** service docs are unique per (service, operation) */
	keys: Set<string> | null;
	uuid: string;
}

export interface EsIndexInfo {
	index: string;
	docs: number;
}

/** Documents kept in all indices; past it the oldest day's indices go, as an index cleaner would. */
const MAX_DOCS = 600_000;
const MAX_HITS = 1000;

export function spanDocument(r: SpanRecord): SpanDocument {
	return {
		traceID: r.traceID,
		spanID: r.spanID,
		flags: r.flags,
		operationName: r.operationName,
		references: r.references.map((x) => ({ refType: x.refType, traceID: x.traceID, spanID: x.spanID })),
		startTime: r.startTime,
		startTimeMillis: Math.floor(r.startTime / 1000),
		duration: r.duration,
		tags: r.tags,
		logs: r.logs,
		process: r.process
	};
}

export class ElasticsearchStore {
	private readonly indices = new Map<string, Index>();
	private docCount = 0;
	private nextUuid = 1;
	/** down: answers 503; full: refuses writes (the flood-stage watermark's read-only block) */
	fault: 'none' | 'down' | 'slow' | 'full' = 'none';

	constructor(
		readonly traces: MemoryStore,
		readonly prefix = ''
	) {}

	/** Writes one span: its document in the span index of its start day, the service pair once. */
	write(r: SpanRecord): 'stored' | 'trace-span-limit' {
		const res = this.traces.write(r);
		if (res !== 'stored') return res;
		this.add(indexName(this.prefix, 'span', r.startTime), 'span', spanDocument(r), null);
		const key = r.process.serviceName + '\u0000' + r.operationName;
		this.add(indexName(this.prefix, 'service', r.startTime), 'service', { serviceName: r.process.serviceName, operationName: r.operationName }, key);
		return 'stored';
	}

	private add(name: string, kind: IndexKind, doc: EsDocument, key: string | null) {
		let index = this.indices.get(name);
		if (!index) {
			index = { name, kind, docs: [], keys: kind === 'service' ? new Set() : null, uuid: uuid(this.nextUuid++) };
			this.indices.set(name, index);
		}
		if (key !== null) {
			if (index.keys!.has(key)) return;
			index.keys!.add(key);
		}
		index.docs.push(doc);
		if (++this.docCount > MAX_DOCS) this.dropOldestDay();
	}

	private dropOldestDay() {
		const oldest = [...this.indices.keys()].sort((a, b) => (a.slice(-10) < b.slice(-10) ? -1 : 1))[0];
		if (oldest === undefined) return;
		const day = oldest.slice(-10);
		for (const [name, index] of this.indices)
			if (name.endsWith(day)) {
				this.docCount -= index.docs.length;
				this.indices.delete(name);
			}
	}

	/**
	 * The dependencies job's output for one UTC day (`YYYY-MM-DD`): `jaeger-dependencies-<day>` holds
	 * one document, replaced each time the job runs for that day.
	 */
	writeDependencies(day: string, links: { parent: string; child: string; callCount: number }[]): void {
		const name = `${this.prefix ? this.prefix + '-' : ''}jaeger-dependencies-${day}`;
		const old = this.indices.get(name);
		if (old) {
			this.docCount -= old.docs.length;
			this.indices.delete(name);
		}
		const doc: DependenciesDocument = { timestamp: `${day}T00:00:00Z`, dependencies: links.map((l) => ({ ...l, source: 'jaeger' })) };
		this.add(name, 'dependencies', doc, null);
	}

	/**
	 * What jaeger-query answers /api/dependencies with on Elasticsearch: the dependencies documents
	 * whose `timestamp` (the day's midnight, UTC) lies in the window (a range query, as Jaeger's
	 * reader does), their edges summed (Jaeger lists each document's edges; one line per edge here).
	 * Nothing is computed from spans — until the job has run for a day, that day has no edges.
	 * @param endUs window end, µs since the epoch; @param lookbackUs its length
	 */
	dependencies(endUs: number, lookbackUs: number): { parent: string; child: string; callCount: number }[] {
		const startMs = (endUs - lookbackUs) / 1000;
		const endMs = endUs / 1000;
		const sums = new Map<string, { parent: string; child: string; callCount: number }>();
		for (const index of this.indices.values()) {
			if (index.kind !== 'dependencies') continue;
			for (const doc of index.docs as DependenciesDocument[]) {
				const at = Date.parse(doc.timestamp);
				if (!(at >= startMs && at <= endMs)) continue;
				for (const d of doc.dependencies) {
					const key = d.parent + '\u0000' + d.child;
					const sum = sums.get(key);
					if (sum) sum.callCount += d.callCount;
					else sums.set(key, { parent: d.parent, child: d.child, callCount: d.callCount });
				}
			}
		}
		return [...sums.values()];
	}

	list(): EsIndexInfo[] {
		return [...this.indices.values()].map((i) => ({ index: i.name, docs: i.docs.length })).sort((a, b) => (a.index < b.index ? -1 : 1));
	}

	clear(): void {
		this.indices.clear();
		this.docCount = 0;
	}

	/** Documents of the indices `expr` names whose fields match every condition. */
	search(expr: string, conditions: [string, string][], size: number): { hits: { _index: string; _id: string; _source: unknown }[]; total: number } | null {
		const test = indexPattern(expr);
		const targets = [...this.indices.values()].filter((i) => test(i.name));
		if (targets.length === 0 && !expr.includes('*') && expr !== '_all') return null;
		const hits: { _index: string; _id: string; _source: unknown }[] = [];
		let total = 0;
		for (const index of targets.sort((a, b) => (a.name < b.name ? -1 : 1)))
			index.docs.forEach((doc, i) => {
				if (!conditions.every(([field, value]) => fieldValue(doc, field) === value)) return;
				total++;
				if (hits.length < size) hits.push({ _index: index.name, _id: 'spanID' in doc ? `${doc.traceID}-${doc.spanID}` : `${index.uuid}-${i}`, _source: doc });
			});
		return { hits, total };
	}

	handler: SimHandler = (req) => {
		const url = parseUrl(req);
		if (!url) return text(400, 'bad URL');
		if (this.fault === 'down') return text(503, 'elasticsearch is down');
		const method = req.method.toUpperCase();
		const path = decodeURIComponent(url.pathname).replace(/\/+$/, '') || '/';
		if (path === '/' && method === 'GET')
			return json(200, { name: 'es-sim', cluster_name: 'trace-tour', version: { number: '7.17.0' }, tagline: 'You Know, for Search' });
		if (path === '/_cat/health' && method === 'GET') return this.catHealth(url);
		if (path === '/_cat/indices' || path.startsWith('/_cat/indices/')) return this.catIndices(url, path.slice('/_cat/indices/'.length));
		const m = /^\/([^/]+)\/(_search|_count)$/.exec(path);
		if (m && (method === 'GET' || method === 'POST')) return this.searchRoute(m[1], m[2] as '_search' | '_count', url, req.body);
		const doc = /^\/([^/_][^/]*)$/.exec(path);
		if (doc && method === 'GET') {
			const i = this.indices.get(doc[1]);
			return i ? json(200, { [i.name]: { aliases: {}, settings: { index: { number_of_shards: '5', number_of_replicas: '1' } } } }) : notFound(doc[1]);
		}
		return json(400, { error: { type: 'illegal_argument_exception', reason: `this simulated Elasticsearch answers GET /, /_cat/indices, /_cat/health and /<index>/_search; not ${method} ${path}` }, status: 400 });
	};

	private catHealth(url: URL) {
		const status = this.fault === 'full' ? 'red' : 'yellow';
		if (url.searchParams.get('format') === 'json') return json(200, [{ cluster: 'trace-tour', status, 'node.total': '1' }]);
		return text(200, `${url.searchParams.has('v') ? 'cluster status node.total\n' : ''}trace-tour ${status} 1\n`);
	}

	private catIndices(url: URL, pattern: string) {
		const test = pattern ? indexPattern(pattern) : () => true;
		// one node and replicas 1, as Jaeger's default template asks: replicas cannot be placed, hence yellow
		const rows = [...this.indices.values()]
			.filter((i) => test(i.name))
			.sort((a, b) => (a.name < b.name ? -1 : 1))
			.map((i) => ({ health: 'yellow', status: this.fault === 'full' ? 'open (read-only)' : 'open', index: i.name, uuid: i.uuid, pri: '5', rep: '1', 'docs.count': String(i.docs.length), 'docs.deleted': '0' }));
		if (url.searchParams.get('format') === 'json') return json(200, rows);
		const cols = ['health', 'status', 'index', 'uuid', 'pri', 'rep', 'docs.count', 'docs.deleted'] as const;
		const header: Record<string, string>[] = url.searchParams.has('v') ? [Object.fromEntries(cols.map((c) => [c, c]))] : [];
		const table: Record<string, string>[] = [...header, ...rows];
		const widths = cols.map((c) => Math.max(...table.map((r) => r[c].length)));
		return text(200, table.map((r) => cols.map((c, i) => r[c].padEnd(widths[i])).join(' ').trimEnd()).join('\n') + (table.length ? '\n' : ''));
	}

	private searchRoute(expr: string, what: '_search' | '_count', url: URL, body: string) {
		let query: unknown = undefined;
		let size = 10;
		if (typeof body === 'string' && body.trim() !== '') {
			const parsed = parseJsonBody(body);
			if (!parsed.ok) return json(400, { error: { type: 'parsing_exception', reason: parsed.message }, status: 400 });
			const b = parsed.value as { query?: unknown; size?: unknown };
			query = b?.query;
			if (typeof b?.size === 'number' && Number.isInteger(b.size) && b.size >= 0) size = Math.min(b.size, MAX_HITS);
		}
		const q = url.searchParams.get('q');
		const conditions = query === undefined ? (q ? luceneTerms(q) : []) : conditionsOf(query);
		if (conditions === null)
			return json(400, {
				error: { type: 'parsing_exception', reason: 'this simulated Elasticsearch understands {"query": {"match": {field: value}}}, "term", "bool": {"must": [...]} and "match_all"' },
				status: 400
			});
		const sizeParam = url.searchParams.get('size');
		if (sizeParam !== null && /^\d+$/.test(sizeParam)) size = Math.min(Number(sizeParam), MAX_HITS);
		const found = this.search(expr, conditions, what === '_count' ? 0 : size);
		if (!found) return notFound(expr);
		if (what === '_count') return json(200, { count: found.total, _shards: { total: 5, successful: 5, skipped: 0, failed: 0 } });
		return json(200, {
			took: 1,
			timed_out: false,
			_shards: { total: 5, successful: 5, skipped: 0, failed: 0 },
			hits: { total: { value: found.total, relation: 'eq' }, max_score: found.total ? 1 : null, hits: found.hits.map((h) => ({ ...h, _type: '_doc', _score: 1 })) }
		});
	}
}

/** The value a query field names: `process.serviceName`, or `serviceName` on span documents too. */
function fieldValue(doc: EsDocument, field: string): string | undefined {
	if ('spanID' in doc) {
		if (field === 'process.serviceName' || field === 'serviceName') return doc.process.serviceName;
		const v = (doc as unknown as Record<string, unknown>)[field];
		return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
	}
	const v = (doc as unknown as Record<string, unknown>)[field];
	return typeof v === 'string' ? v : undefined;
}

/** {match: {f: v}} · {term: {f: v}} · {match: {f: {query: v}}} · {bool: {must|filter: [...]}} · {match_all: {}} → [field, value] pairs */
function conditionsOf(query: unknown): [string, string][] | null {
	if (typeof query !== 'object' || query === null || Array.isArray(query)) return null;
	const entries = Object.entries(query as Record<string, unknown>);
	if (entries.length !== 1) return null;
	const [kind, arg] = entries[0];
	if (kind === 'match_all') return [];
	if (kind === 'match' || kind === 'term' || kind === 'match_phrase') {
		if (typeof arg !== 'object' || arg === null) return null;
		const pairs = Object.entries(arg as Record<string, unknown>);
		if (pairs.length !== 1) return null;
		let [field, value] = pairs[0];
		if (typeof value === 'object' && value !== null) value = (value as { query?: unknown; value?: unknown }).query ?? (value as { value?: unknown }).value;
		if (typeof value !== 'string' && typeof value !== 'number') return null;
		return [[field, String(value)]];
	}
	if (kind === 'bool') {
		const b = arg as { must?: unknown; filter?: unknown };
		const list = [b?.must, b?.filter].flatMap((x) => (x === undefined ? [] : Array.isArray(x) ? x : [x]));
		const out: [string, string][] = [];
		for (const item of list.slice(0, 20)) {
			const c = conditionsOf(item);
			if (c === null) return null;
			out.push(...c);
		}
		return out;
	}
	return null;
}

/** `?q=traceID:abc AND operationName:x` (the URI search) → pairs */
function luceneTerms(q: string): [string, string][] {
	return q
		.split(/\s+AND\s+|\s+/)
		.map((t) => t.split(':'))
		.filter((p) => p.length >= 2)
		.map((p) => [p[0], p.slice(1).join(':').replace(/^"|"$/g, '')] as [string, string]);
}

function notFound(index: string) {
	return json(404, { error: { type: 'index_not_found_exception', reason: `no such index [${index}]`, index }, status: 404 });
}

function uuid(n: number): string {
	return ('idx' + n.toString(36) + 'jaegersimulated0000000').slice(0, 22);
}

// Parsing jaeger-query's URL parameters. Accepts what Jaeger accepts (durations like `1.2ms`,
// `500us`, `2s`; start/end in µs; `tags` as a JSON object, the way the UI sends it; repeated
// `tag=k:v`) plus what people type: logfmt tags (`error=true http.method="GET"`, the UI's search
// box syntax) and day units in lookbacks (`2d`). Each failure is a sentence for a 400.
import type { TraceQuery } from '../store/match';

export const DEFAULT_LIMIT = 20;
/** jaeger-query's default window for /api/dependencies */
export const DEFAULT_DEPENDENCY_LOOKBACK_US = 24 * 3600 * 1e6;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };
const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

const UNIT_US: Record<string, number> = { ns: 1e-3, us: 1, µs: 1, μs: 1, ms: 1e3, s: 1e6, m: 60e6, h: 3600e6, d: 86400e6 };
const DURATION = /^(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h|d)/;

/** Go-style duration (`1h30m`, `1.2ms`, `500us`; `d` for days too) → µs, or null. `0` alone is allowed. */
export function parseDuration(s: string): number | null {
	let rest = s.trim();
	if (rest === '0') return 0;
	if (rest === '') return null;
	let total = 0;
	while (rest.length > 0) {
		const m = DURATION.exec(rest);
		if (!m) return null;
		total += parseFloat(m[1]) * UNIT_US[m[2]];
		rest = rest.slice(m[0].length);
	}
	return Math.round(total);
}

function parseMicros(s: string): number | null {
	return /^\d+$/.test(s.trim()) ? Number(s.trim()) : null;
}

/** logfmt (`k=v k2="v 2" flag`) → pairs; a bare key means "true", as in logfmt. */
export function parseLogfmt(s: string): Record<string, string> | null {
	const out: Record<string, string> = {};
	let i = 0;
	const n = s.length;
	while (i < n) {
		while (i < n && /\s/.test(s[i])) i++;
		if (i >= n) break;
		let key = '';
		while (i < n && s[i] !== '=' && !/\s/.test(s[i])) key += s[i++];
		if (key === '' || key.includes('"')) return null;
		if (s[i] !== '=') {
			out[key] = 'true';
			continue;
		}
		i++;
		let value = '';
		if (s[i] === '"') {
			i++;
			while (i < n && s[i] !== '"') {
				if (s[i] === '\\' && i + 1 < n) i++;
				value += s[i++];
			}
			if (s[i] !== '"') return null;
			i++;
		} else while (i < n && !/\s/.test(s[i])) value += s[i++];
		out[key] = value;
	}
	return out;
}

/** `tags` (JSON object or logfmt, possibly repeated) and `tag=k:v` (repeated) merged. */
export function parseTags(params: URLSearchParams): Parsed<Record<string, string>> {
	const tags: Record<string, string> = {};
	for (const raw of params.getAll('tags')) {
		const s = raw.trim();
		if (s === '') continue;
		if (s.startsWith('{') || s.startsWith('[')) {
			let obj: unknown;
			try {
				obj = JSON.parse(s);
			} catch (e) {
				return fail(`malformed 'tags' parameter, cannot unmarshal JSON: ${(e as Error).message}`);
			}
			if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return fail("malformed 'tags' parameter, expecting a JSON object");
			for (const [k, v] of Object.entries(obj)) {
				if (typeof v === 'object' && v !== null) return fail(`malformed 'tags' parameter, value of '${k}' must be a string`);
				tags[k] = String(v);
			}
		} else {
			const kv = parseLogfmt(s);
			if (!kv) return fail(`malformed 'tags' parameter, expecting a JSON object or logfmt k=v pairs, received: ${s}`);
			Object.assign(tags, kv);
		}
	}
	for (const raw of params.getAll('tag')) {
		const i = raw.indexOf(':');
		if (i <= 0) return fail(`malformed 'tag' parameter, expecting key:value, received: ${raw}`);
		tags[raw.slice(0, i)] = raw.slice(i + 1);
	}
	return { ok: true, value: tags };
}

export interface TraceSearch {
	/** set when `traceID` parameters ask for specific traces; the other parameters are then ignored */
	traceIDs: string[];
	query: TraceQuery | null;
}

/**
 * /api/traces parameters. Unlike real Jaeger (which searches the last 2 days when `start` is
 * missing) no `start` and no `lookback` means no lower time bound: the store only holds what
 * eviction left anyway, and a learner's bare `?service=x` should find their traces.
 */
export function parseTraceSearch(params: URLSearchParams, nowUs: number): Parsed<TraceSearch> {
	const traceIDs = params.getAll('traceID').filter((s) => s !== '');
	if (traceIDs.length > 0) return { ok: true, value: { traceIDs, query: null } };
	const service = params.get('service') ?? '';
	if (service === '') return fail("parameter 'service' is required");
	const query: TraceQuery = { service, limit: DEFAULT_LIMIT };
	const operation = params.get('operation');
	if (operation) query.operation = operation;

	const limit = params.get('limit');
	if (limit !== null && limit !== '') {
		if (!/^\d+$/.test(limit.trim())) return fail(`unable to parse param 'limit': ${JSON.stringify(limit)} is not a non-negative integer`);
		const n = Number(limit);
		if (n > 0) query.limit = n;
	}
	for (const name of ['minDuration', 'maxDuration'] as const) {
		const v = params.get(name);
		if (v === null || v === '') continue;
		const us = parseDuration(v);
		if (us === null) return fail(`unable to parse param '${name}': invalid duration ${JSON.stringify(v)} (e.g. 1.2ms, 500us, 2s)`);
		query[name] = us;
	}
	if (query.minDuration !== undefined && query.maxDuration !== undefined && query.maxDuration < query.minDuration)
		return fail("'maxDuration' should be greater than 'minDuration'");

	const end = params.get('end');
	if (end !== null && end !== '') {
		const us = parseMicros(end);
		if (us === null) return fail(`unable to parse param 'end': ${JSON.stringify(end)} is not µs since the epoch`);
		query.startMax = us;
	}
	const start = params.get('start');
	const lookback = params.get('lookback');
	if (start !== null && start !== '') {
		const us = parseMicros(start);
		if (us === null) return fail(`unable to parse param 'start': ${JSON.stringify(start)} is not µs since the epoch`);
		query.startMin = us;
	} else if (lookback !== null && lookback !== '' && lookback !== 'custom') {
		const us = parseDuration(lookback);
		if (us === null) return fail(`unable to parse param 'lookback': invalid duration ${JSON.stringify(lookback)} (e.g. 1h, 2d)`);
		query.startMin = (query.startMax ?? nowUs) - us;
	}
	if (query.startMin !== undefined && query.startMax !== undefined && query.startMin > query.startMax)
		return fail("'start' should be before 'end'");

	const tags = parseTags(params);
	if (!tags.ok) return tags;
	if (Object.keys(tags.value).length > 0) query.tags = tags.value;
	return { ok: true, value: { traceIDs: [], query } };
}

/** /api/dependencies: `endTs` in ms (Jaeger's unit here), `lookback` in ms or as a duration (`1h`). */
export function parseDependencyWindow(params: URLSearchParams, nowUs: number): Parsed<{ endTs: number; lookback: number }> {
	let endTs = nowUs;
	const end = params.get('endTs');
	if (end !== null && end !== '') {
		if (!/^\d+$/.test(end.trim())) return fail(`unable to parse param 'endTs': ${JSON.stringify(end)} is not ms since the epoch`);
		endTs = Number(end) * 1000;
	}
	let lookback = DEFAULT_DEPENDENCY_LOOKBACK_US;
	const lb = params.get('lookback');
	if (lb !== null && lb !== '') {
		const us = /^\d+$/.test(lb.trim()) ? Number(lb) * 1000 : parseDuration(lb);
		if (us === null) return fail(`unable to parse param 'lookback': ${JSON.stringify(lb)} is neither ms nor a duration like 1h`);
		lookback = us;
	}
	return { ok: true, value: { endTs, lookback } };
}

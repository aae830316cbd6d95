// The search form's values → jaeger-query parameters, with the form's own validation messages.
import type { FindTracesParams } from '$lib/backend';
import { parseDuration, parseLogfmt } from '$lib/backend';

export interface SearchForm {
	service: string;
	operation: string;
	tags: string;
	minDuration: string;
	maxDuration: string;
	limit: string;
}

export function searchParams(f: SearchForm): { ok: true; params: FindTracesParams } | { ok: false; error: string } {
	if (!f.service) return { ok: false, error: 'Choose a service.' };
	const params: FindTracesParams = { service: f.service };
	if (f.operation && f.operation !== 'all') params.operation = f.operation;
	if (f.tags.trim()) {
		const tags = parseLogfmt(f.tags.trim());
		if (!tags) return { ok: false, error: `Tags must be logfmt, like http.status_code=500 error=true (got “${f.tags.trim()}”).` };
		params.tags = tags;
	}
	for (const k of ['minDuration', 'maxDuration'] as const) {
		const v = f[k].trim();
		if (!v) continue;
		if (parseDuration(v) === null) return { ok: false, error: `${k === 'minDuration' ? 'Min' : 'Max'} duration “${v}” is not a duration like 1.2ms, 500us or 2s.` };
		params[k] = v;
	}
	if (params.minDuration && params.maxDuration && parseDuration(String(params.maxDuration))! < parseDuration(String(params.minDuration))!)
		return { ok: false, error: 'Max duration must not be less than min duration.' };
	const limit = f.limit.trim();
	if (limit) {
		if (!/^\d+$/.test(limit) || Number(limit) < 1) return { ok: false, error: `Limit “${limit}” must be a positive whole number.` };
		params.limit = Number(limit);
	}
	return { ok: true, params };
}

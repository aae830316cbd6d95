// Sends a run's traces, from the page, to the learner's own OTLP/HTTP collector (JSON encoding) and
// explains the failures a learner meets: nothing listening, CORS not set up, the collector refusing.
// Learner code never gets the network: only the page sends, after the run, what the run recorded.
import { toOTLP, type Trace } from '$lib/model';
import { translator, type Locale } from '$lib/course';

export const DEFAULT_ENDPOINT = 'http://localhost:4318/v1/traces';

export type ExportOutcome =
	| { kind: 'sent'; spans: number; rejected?: { spans: number; message: string } }
	| { kind: 'nothing' }
	| { kind: 'bad-endpoint'; reason: EndpointProblem }
	| { kind: 'refused' }
	| { kind: 'cors'; origin: string }
	| { kind: 'http-error'; status: number; message: string };

type FetchLike = (url: string, init: RequestInit) => Promise<Pick<Response, 'status' | 'ok' | 'text'> & { type?: string }>;

export type EndpointProblem = 'notUrl' | 'scheme' | 'credentials';

/** An endpoint the page may send to: http(s) only, with a host, no credentials; else what is wrong. */
export function checkEndpoint(url: string): EndpointProblem | null {
	let u: URL;
	try {
		u = new URL(url);
	} catch {
		return 'notUrl';
	}
	if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'scheme';
	if (u.username || u.password) return 'credentials';
	return null;
}

/** The collector's own words: OTLP errors are a Status message ({ code, message }), or plain text. */
function collectorMessage(text: string): string {
	try {
		const v = JSON.parse(text) as { message?: unknown };
		if (typeof v?.message === 'string') return v.message;
	} catch {
		/* not JSON */
	}
	return text.replace(/[^\x20-\x7E\u00A0-\uFFFF\n]/g, '').trim().slice(0, 500);
}

export async function sendTraces(traces: Trace[], endpoint: string, origin: string, fetch: FetchLike): Promise<ExportOutcome> {
	const bad = checkEndpoint(endpoint);
	if (bad) return { kind: 'bad-endpoint', reason: bad };
	const spans = traces.reduce((n, t) => n + t.spans.length, 0);
	if (spans === 0) return { kind: 'nothing' };
	const body = JSON.stringify(toOTLP(traces));
	let res: Awaited<ReturnType<FetchLike>>;
	try {
		res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body, credentials: 'omit' });
	} catch {
		// A browser says only "Failed to fetch", for a closed port and for a CORS refusal alike. A
		// no-cors request goes out without asking CORS: if it reaches the server, CORS was the problem.
		try {
			await fetch(endpoint, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: '', credentials: 'omit' });
			return { kind: 'cors', origin };
		} catch {
			return { kind: 'refused' };
		}
	}
	const text = await res.text().catch(() => '');
	if (!res.ok) return { kind: 'http-error', status: res.status, message: collectorMessage(text) };
	try {
		const partial = (JSON.parse(text) as { partialSuccess?: { rejectedSpans?: string | number; errorMessage?: string } }).partialSuccess;
		const rejected = Number(partial?.rejectedSpans ?? 0);
		if (rejected > 0 || partial?.errorMessage) return { kind: 'sent', spans, rejected: { spans: rejected, message: partial?.errorMessage ?? '' } };
	} catch {
		/* an empty or protobuf answer: all accepted */
	}
	return { kind: 'sent', spans };
}

/** The receiver config that lets this page's origin in (OpenTelemetry Collector and Jaeger v2 alike). */
export function corsConfig(origin: string): string {
	return ['receivers:', '  otlp:', '    protocols:', '      http:', '        endpoint: 0.0.0.0:4318', '        cors:', `          allowed_origins: ["${origin}"]`].join('\n');
}

/** What the setting shows after a run, in the page's language. */
export function describeOutcome(o: ExportOutcome, endpoint: string, locale: Locale = 'en'): string {
	const t = translator(locale);
	switch (o.kind) {
		case 'sent':
			if (o.rejected) return t('export.sentPartly', { n: o.spans, endpoint, rejected: o.rejected.spans, message: o.rejected.message });
			return o.spans === 1 ? t('export.sentOne', { endpoint }) : t('export.sent', { n: o.spans, endpoint });
		case 'nothing':
			return t('export.nothing');
		case 'bad-endpoint':
			return t('export.badEndpoint', { endpoint, reason: t(`export.badEndpoint.${o.reason}`) });
		case 'refused':
			return t('export.refused', { endpoint });
		case 'cors':
			return t('export.cors', { endpoint, origin: o.origin });
		case 'http-error':
			return o.message ? t('export.httpErrorMessage', { status: o.status, message: o.message }) : t('export.httpError', { status: o.status });
	}
}

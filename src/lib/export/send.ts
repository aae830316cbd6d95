// Sends a run's traces, from the page, to the learner's own OTLP/HTTP collector (JSON encoding) and
// explains the failures a learner meets: nothing listening, CORS not set up, the collector refusing.
// Learner code never gets the network: only the page sends, after the run, what the run recorded.
import { toOTLP, type Trace } from '$lib/model';

export const DEFAULT_ENDPOINT = 'http://localhost:4318/v1/traces';

export type ExportOutcome =
	| { kind: 'sent'; spans: number; rejected?: { spans: number; message: string } }
	| { kind: 'nothing' }
	| { kind: 'bad-endpoint'; reason: string }
	| { kind: 'refused' }
	| { kind: 'cors'; origin: string }
	| { kind: 'http-error'; status: number; message: string };

type FetchLike = (url: string, init: RequestInit) => Promise<Pick<Response, 'status' | 'ok' | 'text'> & { type?: string }>;

/** An endpoint the page may send to: http(s) only, with a host. */
export function checkEndpoint(url: string): string | null {
	let u: URL;
	try {
		u = new URL(url);
	} catch {
		return 'not a URL';
	}
	if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'only http:// and https:// collectors';
	if (u.username || u.password) return 'no user or password in the URL';
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

/** What the setting shows after a run, in English (the setting's words). */
export function describeOutcome(o: ExportOutcome, endpoint: string): string {
	switch (o.kind) {
		case 'sent':
			return o.rejected
				? `Sent ${o.spans} spans to ${endpoint}; the collector rejected ${o.rejected.spans}: ${o.rejected.message}`
				: `Sent ${o.spans} span${o.spans === 1 ? '' : 's'} to ${endpoint}.`;
		case 'nothing':
			return 'This run produced no spans: nothing was sent.';
		case 'bad-endpoint':
			return `Not sent: ${endpoint} is not a collector address (${o.reason}).`;
		case 'refused':
			return `Not sent: nothing answered at ${endpoint} (connection refused). Is the collector running, and listening for OTLP/HTTP on that port?`;
		case 'cors':
			return `Not sent: the collector at ${endpoint} answered, but its CORS settings do not let this page (${o.origin}) send to it. Add this page's origin to the OTLP receiver's cors settings:`;
		case 'http-error':
			return `Not sent: the collector answered ${o.status}${o.message ? `: ${o.message}` : ''}.`;
	}
}

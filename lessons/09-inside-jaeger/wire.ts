// What the chapter's checks read on the wire: where a service's span reports went.
import type { CheckItem, CheckText, RunOutput } from '$lib/checks';

export interface LostReport {
	to: string;
	url: string;
	/** 'ECONNREFUSED', 'ENOTFOUND', or the status the far end answered */
	why: string;
}

/** Span batches (UDP packets or HTTP posts) `service` sent that nobody took: no listener, or an error status. */
export function lostReports(run: RunOutput, service: string): LostReport[] {
	return run.network
		.filter((r) => r.from === service && r.method === 'POST' && r.requestBody.startsWith('{"spans":'))
		.filter((r) => r.error !== null || (r.status !== null && r.status >= 300))
		.map((r) => ({ to: r.to, url: r.url, why: r.error !== null ? r.error.split(':')[0] : `status ${r.status}` }));
}

/** The HTTP sender's complaint in `service`'s console when the collector refused a batch: its status and URL. */
export function refusedBatch(run: RunOutput, service: string): { status: string; url: string } | null {
	for (const l of run.console) {
		const m = l.service === service ? /collector answered (\d+) at (\S+)/.exec(l.text) : null;
		if (m) return { status: m[1], url: m[2] };
	}
	return null;
}

/** A check item; the hint only where it failed. */
export function item(label: CheckText, ok: boolean, hint: CheckText): CheckItem {
	return ok ? { label, ok } : { label, ok, hint };
}

// The page's "Also send my spans to…" setting: the choice (saved in preferences) and the last
// sending's outcome. After each run the workbench hands it the run's traces.
import { chooseSpanExport, chosenSpanExport } from '$lib/course';
import type { Trace } from '$lib/model';
import { DEFAULT_ENDPOINT, sendTraces, type ExportOutcome } from '../send';

export class SpanExport {
	enabled = $state(false);
	endpoint = $state(DEFAULT_ENDPOINT);
	sending = $state(false);
	outcome = $state.raw<{ endpoint: string; result: ExportOutcome } | null>(null);

	constructor() {
		const c = chosenSpanExport(DEFAULT_ENDPOINT);
		this.enabled = c.enabled;
		this.endpoint = c.endpoint;
	}

	save() {
		chooseSpanExport({ enabled: this.enabled, endpoint: this.endpoint.trim() || DEFAULT_ENDPOINT });
		if (!this.enabled) this.outcome = null;
	}

	/** Sends the run's traces when the setting is on; never throws. */
	async afterRun(traces: Trace[]) {
		if (!this.enabled) return;
		const endpoint = this.endpoint.trim() || DEFAULT_ENDPOINT;
		this.sending = true;
		const result = await sendTraces(traces, endpoint, location.origin, (url, init) => fetch(url, init)).catch(() => ({ kind: 'refused' }) as const);
		this.sending = false;
		this.outcome = { endpoint, result };
	}
}

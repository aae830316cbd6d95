// One span budget per service, shared by every way it reports spans (our tracers to jaeger-agent,
// the OpenTelemetry SDK to the OTLP receiver): a span flood stops at the wire, with one note.

export interface SpanCounter {
	sent: number;
	dropped: number;
}

export interface SpanBudget {
	counter: SpanCounter;
	/** how many of `n` spans may still go out; the rest are counted as dropped */
	take(n: number): number;
	/** the part of `spans` that may still go out (take() for a batch) */
	fit<T>(spans: T[]): T[];
}

export function createSpanBudget(maxSpans: number, onCapped: (limit: number) => void): SpanBudget {
	const counter: SpanCounter = { sent: 0, dropped: 0 };
	let capped = false;
	const budget: SpanBudget = {
		counter,
		take(n) {
			const allowed = Math.min(n, Math.max(0, maxSpans - counter.sent));
			counter.sent += allowed;
			counter.dropped += n - allowed;
			if (allowed < n && !capped) {
				capped = true;
				onCapped(maxSpans);
			}
			return allowed;
		},
		fit(spans) {
			const allowed = budget.take(spans.length);
			return allowed < spans.length ? spans.slice(0, allowed) : spans;
		}
	};
	return budget;
}

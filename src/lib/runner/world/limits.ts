/** Defaults a run is held to. Visible in the UI ("stopped after 5 s"), overridable per run. */
export const DEFAULT_LIMITS = {
	/** the whole run: starting servers, the clients' main, their requests */
	timeLimitMs: 5000,
	/** closing tracers and delivering spans at the end */
	flushLimitMs: 2000,
	/**
	 * how long the simulated Jaeger (its own worker) may take to set up a run or hand over its
	 * spans: past it the run goes on without it, rather than waiting for good on a worker that died
	 */
	hostAnswerMs: 10_000,
	/** how long a worker may take to answer a ping before it counts as stuck */
	pingMs: 250,
	maxConsoleLines: 1000,
	maxSpans: 5000,
	/** records kept for the Network panel per run */
	maxRecords: 5000,
	/** requests in flight at once, the whole run: past it the run stops (a request loop) */
	maxInFlight: 256,
	/**
	 * UDP packets on their way at once (not counted in maxInFlight: nobody waits for them): past it
	 * a packet is dropped, as a full socket buffer would. The span budget bounds a tracer's packets
	 * (20 services × 5,000 spans in packets of 100 is 1,000); this bounds hand-made ones.
	 */
	maxDatagramsInFlight: 4096
} as const;

/** `{ done: true, value }` when `p` resolves within `ms`, else `{ done: false }` (a rejection rejects). */
export async function within<T>(p: Promise<T>, ms: number): Promise<{ done: true; value: T } | { done: false }> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<{ done: false }>((r) => (timer = setTimeout(() => r({ done: false }), Math.max(0, ms))));
	try {
		return await Promise.race([p.then((value) => ({ done: true as const, value })), timeout]);
	} finally {
		clearTimeout(timer);
	}
}

export function formatMs(ms: number): string {
	return ms >= 1000 ? `${+(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

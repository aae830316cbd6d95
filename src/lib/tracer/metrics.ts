// Plain counters instead of jaeger-client's metrics factory: lessons and tests read them directly
// (`tracer.metrics.extractErrors`), and incrementing a field costs nothing on the hot path.
export class TracerMetrics {
	spansStartedSampled = 0;
	spansStartedNotSampled = 0;
	tracesStartedSampled = 0;
	tracesStartedNotSampled = 0;
	spansFinished = 0;
	/** extract() found a malformed, oversized or hostile carrier and returned null */
	extractErrors = 0;
	/** inject() could not write to the carrier (frozen object, throwing setter …) */
	injectErrors = 0;
	baggageUpdateSuccess = 0;
	baggageUpdateFailure = 0;
	baggageTruncate = 0;
	/** a debug trace (jaeger-debug-id, sampling.priority) was asked for and the throttler refused */
	throttledDebugSpans = 0;
}

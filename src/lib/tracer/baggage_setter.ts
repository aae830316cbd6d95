// span.setBaggageItem with limits and the service's restrictions, logging each change on the span like
// jaeger-client's BaggageSetter: `{event:'baggage', key, value}` plus `override`, `truncated` or `invalid` = 'true'.
import { baggageSize, isValidBaggageKey, type BaggageLimits } from './baggage_limits';
import { askRestriction, type BaggageRestrictionManager } from './baggage_restrictions';
import type { TracerMetrics } from './metrics';
import type { JaegerSpanContext } from './span_context';

export interface BaggageLogTarget {
	ctx: JaegerSpanContext;
	log(fields: { [key: string]: unknown }): unknown;
}

export function setBaggageItem(
	span: BaggageLogTarget,
	key: string,
	rawValue: unknown,
	limits: BaggageLimits,
	metrics: TracerMetrics,
	restrictions: { manager: BaggageRestrictionManager; service: string }
): void {
	const ctx = span.ctx;
	let value = typeof rawValue === 'string' ? rawValue : String(rawValue);
	const log = (extra: Record<string, string>) => {
		// sampled, or undecided (late sampling) and so still keeping its logs
		if (ctx.isSampled() || !ctx.samplingFinal) span.log({ event: 'baggage', key, value, ...extra });
	};
	if (!isValidBaggageKey(key, limits)) {
		metrics.baggageUpdateFailure++;
		log({ invalid: 'true' });
		return;
	}
	const restriction = askRestriction(restrictions.manager, restrictions.service, key);
	if (!restriction.keyAllowed) {
		metrics.baggageUpdateFailure++;
		log(restriction.problem ? { invalid: 'true', reason: restriction.problem } : { invalid: 'true' });
		return;
	}
	const maxValueLength = Math.min(restriction.maxValueLength, limits.maxValueLength);
	let truncated = false;
	if (value.length > maxValueLength) {
		value = value.slice(0, maxValueLength);
		truncated = true;
		metrics.baggageTruncate++;
	}
	const prev = ctx.baggage[key];
	const { items, size } = baggageSize(ctx.baggage);
	const nextItems = prev === undefined ? items + 1 : items;
	const nextSize = size - (prev === undefined ? 0 : key.length + prev.length) + key.length + value.length;
	if (nextItems > limits.maxItems || nextSize > limits.maxTotalSize) {
		// Over the total budget: dropped rather than evicting something another service relies on.
		metrics.baggageUpdateFailure++;
		log({ invalid: 'true', reason: 'baggage size limit' });
		return;
	}
	const extra: Record<string, string> = {};
	if (prev) extra.override = 'true';
	if (truncated) extra.truncated = 'true';
	log(extra);
	ctx.setBaggageItem(key, value);
	metrics.baggageUpdateSuccess++;
}

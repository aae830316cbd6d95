// What the sampling chapter's checks count: the traces a service started (its root spans), the
// sampler tags jaeger-client puts on them, and why a service reported nothing (its error, if any).
import { allSpans, sentContext, requestsTo, tagValue, text, type CheckText, type FoundSpan, type RunOutput } from '$lib/checks';

/** Root spans reported by `service` (optionally of one operation): one per sampled trace it started. */
export function rootsOf(run: RunOutput, service: string, operation?: string): FoundSpan[] {
	return allSpans(run).filter((f) => f.service === service && f.span.references.length === 0 && (operation === undefined || f.span.operationName === operation));
}

/** The sampler that decided, as the root span's `sampler.type` / `sampler.param` tags say. */
export function samplerOf(f: FoundSpan | undefined): { type: string; param: unknown } | null {
	if (!f) return null;
	const type = tagValue(f, 'sampler.type');
	return type === undefined ? null : { type: String(type), param: tagValue(f, 'sampler.param') };
}

/** The error that stopped `service`, as the run reported it. */
export function errorOf(run: RunOutput, service: string): string | undefined {
	return run.errors.find((e) => e.startsWith(`${service}:`));
}

/** When `service` reported nothing because it failed: a hint quoting why. */
export function failedHint(run: RunOutput, service: string): CheckText | undefined {
	const e = errorOf(run, service);
	if (!e) return undefined;
	return text(`${service} failed before it traced anything — the Console says why: ${e}`, `${service} 还没来得及追踪任何东西就失败了——Console 里写着原因：${e}`);
}

/** The sampled flag (bit 0x01) each request to `host` carried in uber-trace-id, or null without one. */
export function sampledFlags(run: RunOutput, host: string): (boolean | null)[] {
	return requestsTo(run, host).map((r) => {
		const c = sentContext(r);
		return c ? (parseInt(c.flags, 16) & 1) === 1 : null;
	});
}

/** "12 of 100" in both languages. */
export const ofWord = (n: number, total: number) => text(`${n} of ${total}`, `${total} 个中的 ${n} 个`);

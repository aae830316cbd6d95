import type { FaultRule, LinkRule } from '../types';

export interface LinkBehaviour {
	latencyMs: number;
	jitterMs: number;
	fault: FaultRule | null;
}

/** The behaviour of the link from → to:port: every matching rule applied in order, later ones win. */
export function linkBehaviour(rules: readonly LinkRule[], from: string, to: string, port: number): LinkBehaviour {
	const b: LinkBehaviour = { latencyMs: 0, jitterMs: 0, fault: null };
	for (const r of rules) {
		if (r.from !== undefined && r.from !== from) continue;
		if (r.to !== undefined && r.to !== to) continue;
		if (r.port !== undefined && r.port !== port) continue;
		if (r.latencyMs !== undefined) b.latencyMs = r.latencyMs;
		if (r.jitterMs !== undefined) b.jitterMs = r.jitterMs;
		if (r.fault !== undefined) b.fault = { ...(b.fault ?? {}), ...r.fault };
	}
	return b;
}

export type FaultDecision =
	| { kind: 'none'; delayMs: number }
	| { kind: 'drop'; delayMs: number }
	| { kind: 'status'; status: number; delayMs: number };

/** Rolls the dice for one message. */
export function decideFault(fault: FaultRule | null, random: () => number): FaultDecision {
	const delayMs = fault?.delayMs ?? 0;
	if (!fault) return { kind: 'none', delayMs };
	if (fault.drop !== undefined && random() < fault.drop) return { kind: 'drop', delayMs };
	if (fault.errorStatus !== undefined && random() < (fault.errorRate ?? 1)) {
		return { kind: 'status', status: fault.errorStatus, delayMs };
	}
	return { kind: 'none', delayMs };
}
